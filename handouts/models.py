"""The validated, immutable shapes of every file kind.

Pydantic checks types, reports every problem in one pass and gives the JSON Schema that
`handouts schema` prints. Text fields are strict: YAML's `no`, `3.10` or an unquoted date
never quietly becomes text, and a count never quietly becomes a yes/no.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

# Ids are file-name-like so that they are easy to type after `-e`.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
# Free text: long enough for any real step, short enough that layout stays fast.
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Side = Literal["left", "right", "both", "each"]
Level = Literal["beginner", "intermediate", "advanced"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Dosage(Strict):
    """How much, how often and on which side. Any field may be left out."""

    sets: Annotated[int, Field(ge=1, le=10)] | None = None
    reps: Annotated[int, Field(ge=1, le=100)] | None = None
    reps_unit: ShortText | None = Field(None, description="what one rep is, when not a plain rep, e.g. 'steps each way'")
    hold_seconds: Annotated[int, Field(ge=1, le=300)] | None = None
    rest_seconds: Annotated[int, Field(ge=0, le=600)] | None = None
    times_per_day: Annotated[int, Field(ge=1, le=6)] | None = None
    days_per_week: Annotated[int, Field(ge=1, le=7)] | None = None
    side: Side | None = None
    load: ShortText | None = Field(None, description="weight or band, e.g. 'light band' or 'no weight'")
    basis: Literal["sources", "default"] = Field(
        "sources", description="'sources' when the dose comes from the cited sources, 'default' for a conservative default"
    )

    def merged(self, override: Dosage | None) -> Dosage:
        """This dosage with every field the override sets replaced."""
        if override is None:
            return self
        return self.model_copy(update=override.model_dump(exclude_unset=True))


class Citation(Strict):
    id: Id
    note: Text | None = Field(None, description="what the study shows, for the clinician")


class Illustration(Strict):
    """A pictogram from pose data, or the clinic's own pictures."""

    pose: ShortText | None = Field(None, description="a bundled pose name, or a pose file next to this file")
    pictures: Annotated[list[ShortText], Field(min_length=1, max_length=2)] | None = Field(
        None, description="one or two picture files (start, end), relative to this file"
    )
    caption: ShortText | None = None


class Exercise(Strict):
    """One exercise entry: everything its card shows."""

    id: Id
    name: ShortText
    purpose: ShortText = Field(description="one line on what the exercise is for")
    region: ShortText
    muscles: Annotated[list[ShortText], Field(min_length=1)]
    position: ShortText = Field(description="starting position, e.g. side-lying, standing")
    equipment: list[ShortText] = []
    level: Level
    tags: list[ShortText] = []
    steps: Annotated[list[Text], Field(min_length=3, max_length=6)]
    dosage: Dosage
    feel_it: Text = Field(description="where the patient should feel it")
    mistakes: Annotated[list[Text], Field(min_length=1, max_length=4)]
    stop_if: Text = Field(description="when to stop and call the clinic")
    progression: list[Id] = []
    regression: list[Id] = []
    illustration: Illustration | None = None
    citations: list[Citation] = []


class Clinic(Strict):
    name: ShortText
    phone: ShortText | None = None
    email: ShortText | None = None
    address: ShortText | None = None
    website: ShortText | None = None
    logo: ShortText | None = Field(None, description="a picture file, relative to this file")


class ProgramExercise(Strict):
    """One exercise in a program: an id, with anything the clinician changes for this patient."""

    id: Id
    dosage: Dosage | None = None
    side: Side | None = None
    note: Text | None = None
    illustration: Illustration | None = None


def _id_alone(value: object) -> object:
    """A program may list an exercise by its id alone: `- clamshell`."""
    return {"id": value} if isinstance(value, str) else value


ProgramItem = Annotated[ProgramExercise, BeforeValidator(_id_alone, json_schema_input_type=Id | ProgramExercise)]


class Program(Strict):
    """The set of exercises a clinician picks for one patient."""

    title: ShortText
    patient: ShortText | None = None
    clinician: ShortText | None = None
    clinic: Clinic | None = None
    date: dt.date | None = Field(None, strict=False, description="YYYY-MM-DD; today when left out")
    template: ShortText = "standard"
    paper: Literal["a4", "letter"] | None = None
    exercises: Annotated[list[ProgramItem], Field(min_length=1, max_length=40)]
    note: Text | None = None


class Margins(Strict):
    top: Annotated[float, Field(ge=12.7, le=50)]
    bottom: Annotated[float, Field(ge=12.7, le=50)]
    left: Annotated[float, Field(ge=12.7, le=50)]
    right: Annotated[float, Field(ge=12.7, le=50)]


class TypeSizes(Strict):
    body: Annotated[float, Field(ge=12, le=24)]
    title: Annotated[float, Field(ge=14, le=40)]
    heading: Annotated[float, Field(ge=12, le=32)]
    small: Annotated[float, Field(ge=8, le=24)]
    line_spacing: Annotated[float, Field(ge=1.2, le=2.0)] = 1.5


class Colours(Strict):
    text: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = "#000000"
    accent: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = "#b35900"
    rule: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = "#777777"
    shade: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = "#eeeeee"


Section = Literal["summary", "note", "exercises", "log", "references"]


class Template(Strict):
    """Page layout: paper, margins, type sizes, colours and which sections appear."""

    name: ShortText
    paper: Literal["a4", "letter"] = "a4"
    margins_mm: Margins
    type_pt: TypeSizes
    colours: Colours = Colours()
    picture_width_mm: Annotated[float, Field(ge=30, le=100)] = 60
    card_layout: Literal["columns", "stacked"] = Field(
        "columns", description="columns: picture and dose beside the steps; stacked: picture beside the dose, steps below (for large print)"
    )
    greyscale_pictures: bool = Field(False, description="print the clinic's photos in grey: smaller files, and what a mono laser shows anyway")
    sections: Annotated[list[Section], Field(min_length=1)] = ["summary", "note", "log", "exercises", "references"]


class Name(Strict):
    given: ShortText | None = None
    family: ShortText | None = None
    literal: ShortText | None = None


class DateParts(Strict):
    date_parts: list[list[int]] = Field(alias="date-parts")
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Reference(BaseModel):
    """One CSL-YAML item; only the fields the AMA citation uses are checked, others are kept."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True, populate_by_name=True)
    id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    type: ShortText = "article-journal"
    author: list[Name] = []
    title: Text
    container_title: Text | None = Field(None, alias="container-title")
    container_title_short: Text | None = Field(None, alias="container-title-short")
    volume: int | ShortText | None = None
    issue: int | ShortText | None = None
    page: ShortText | None = None
    issued: DateParts | None = None
    DOI: ShortText | None = None
    PMID: ShortText | None = None
    URL: ShortText | None = None


class References(Strict):
    references: list[Reference]


FILE_KINDS: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "program": Program,
    "template": Template,
    "references": References,
    "clinic": Clinic,
}
