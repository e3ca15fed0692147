"""The validated, immutable shapes of every file kind.

msgspec checks types and gives the JSON Schema that `handouts schema` prints; it costs
a few milliseconds to import where pydantic cost a hundred, which is most of what a
command-line tool can spend on starting. Text fields are strict: YAML's `no`, `3.10` or
an unquoted date never quietly becomes text, and a count never quietly becomes a yes/no.
`validate` turns a failed check into messages a clinician can act on.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, field


def whole(pattern: str) -> str:
    """A pattern the whole text must match: Python's `$` would also allow a last newline."""
    return f"^{pattern}$(?!\\n)"


def about(description: str) -> Meta:
    """A field's description, shown by `handouts schema`."""
    return Meta(description=description)


# Ids are file-name-like so that they are easy to type after `-e`.
Id = Annotated[str, Meta(pattern=whole("[a-z0-9][a-z0-9-]*"), max_length=60)]
# Free text: long enough for any real step, short enough that layout stays fast.
Text = Annotated[str, Meta(min_length=1, max_length=2000)]
# One line: a name, caption or dose word with line breaks in it would stand taller than
# the box it is printed in (200 of them were blamed on the template's type size).
ShortText = Annotated[str, Meta(min_length=1, max_length=200, pattern=r"^[^\n\r\x0b\x0c\x85\u2028\u2029]*\Z")]
Colour = Annotated[str, Meta(pattern=whole("#[0-9a-fA-F]{6}"))]
Side = Literal["left", "right", "both", "each"]
Level = Literal["beginner", "intermediate", "advanced"]


def count(low: int, high: int) -> type:
    return Annotated[int, Meta(ge=low, le=high)]  # type: ignore[return-value]


def size(low: float, high: float) -> type:
    return Annotated[float, Meta(ge=low, le=high)]  # type: ignore[return-value]


class Strict(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Immutable; an unknown field is an error (a misspelt key never passes unseen)."""


class Dosage(Strict):
    """How much, how often and on which side. Any field may be left out."""

    sets: count(1, 10) | None = None
    reps: count(1, 100) | None = None
    reps_unit: Annotated[ShortText | None, about("what one rep is, when not a plain rep, e.g. 'steps each way'")] = None
    hold_seconds: count(1, 300) | None = None
    rest_seconds: count(0, 600) | None = None
    times_per_day: count(1, 6) | None = None
    days_per_week: count(1, 7) | None = None
    side: Side | None = None
    load: Annotated[ShortText | None, about("weight or band, e.g. 'light band' or 'no weight'")] = None
    basis: Annotated[Literal["sources", "default"] | None, about(
        "'default' for a conservative default the sources do not give; left out, the dose is from the cited sources")] = None

    def merged(self, override: Dosage | None) -> Dosage:
        """This dosage with every field the override sets replaced."""
        if override is None:
            return self
        given = {name: value for name in override.__struct_fields__ if (value := getattr(override, name)) is not None}
        return msgspec.structs.replace(self, **given)


class Citation(Strict):
    id: Id
    note: Annotated[Text | None, about("what the study shows, for the clinician")] = None


class Illustration(Strict):
    """A pictogram from pose data, or the clinic's own pictures."""

    pose: Annotated[ShortText | None, about("a bundled pose name, or a pose file next to this file")] = None
    pictures: Annotated[Annotated[list[ShortText], Meta(min_length=1, max_length=2)] | None,
                        about("one or two picture files (start, end), relative to this file")] = None
    caption: ShortText | None = None


class Exercise(Strict, kw_only=True):  # required fields after optional ones
    """One exercise entry: everything its card shows."""

    id: Id
    name: ShortText
    purpose: Annotated[ShortText, about("one line on what the exercise is for")]
    region: ShortText
    muscles: Annotated[list[ShortText], Meta(min_length=1)]
    position: Annotated[ShortText, about("starting position, e.g. side-lying, standing")]
    equipment: list[ShortText] = []
    level: Level
    tags: list[ShortText] = []
    steps: Annotated[list[Text], Meta(min_length=3, max_length=6)]
    dosage: Dosage
    feel_it: Annotated[Text, about("where the patient should feel it")]
    mistakes: Annotated[list[Text], Meta(min_length=1, max_length=4)]
    stop_if: Annotated[Text, about("when to stop and call the clinic")]
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
    logo: Annotated[ShortText | None, about("a picture file, relative to this file")] = None


class ProgramExercise(Strict):
    """One exercise in a program: an id, with anything the clinician changes for this patient."""

    id: Id
    dosage: Dosage | None = None
    side: Side | None = None
    note: Text | None = None
    illustration: Illustration | None = None


class Program(Strict, kw_only=True):
    """The set of exercises a clinician picks for one patient."""

    title: ShortText
    patient: ShortText | None = None
    clinician: ShortText | None = None
    clinic: Clinic | None = None
    date: Annotated[dt.date | None, about("YYYY-MM-DD; today when left out")] = None
    template: ShortText = "standard"
    paper: Literal["a4", "letter"] | None = None
    # An exercise may be listed by its id alone (`- clamshell`): read as `- id: clamshell`.
    exercises: Annotated[list[ProgramExercise | Id], Meta(min_length=1, max_length=40)]
    note: Text | None = None

    def __post_init__(self) -> None:
        # the list object is the struct's own, so filling it in leaves the struct frozen
        self.exercises[:] = [ProgramExercise(id=item) if isinstance(item, str) else item for item in self.exercises]


class Margins(Strict):
    top: size(12.7, 50)
    bottom: size(12.7, 50)
    left: size(12.7, 50)
    right: size(12.7, 50)


class TypeSizes(Strict):
    body: size(12, 24)
    title: size(14, 40)
    heading: size(12, 32)
    small: size(8, 24)
    line_spacing: size(1.2, 2.0) = 1.5


class Colours(Strict):
    text: Colour = "#000000"
    accent: Colour = "#b35900"
    rule: Colour = "#777777"
    shade: Colour = "#eeeeee"


Section = Literal["summary", "note", "exercises", "log", "references"]


class Template(Strict, kw_only=True):
    """Page layout: paper, margins, type sizes, colours and which sections appear."""

    name: ShortText
    paper: Literal["a4", "letter"] = "a4"
    margins_mm: Margins
    type_pt: TypeSizes
    colours: Colours = field(default_factory=Colours)
    picture_width_mm: size(30, 100) = 60.0
    card_layout: Annotated[Literal["columns", "stacked"], about(
        "columns: picture and dose beside the steps; stacked: picture beside the dose, steps below (for large print)")] = "columns"
    greyscale_pictures: Annotated[bool, about("print the clinic's photos in grey: smaller files, and what a mono laser shows anyway")] = False
    sections: Annotated[list[Section], Meta(min_length=1)] = field(
        default_factory=lambda: ["summary", "note", "log", "exercises", "references"])


class Name(Strict):
    given: ShortText | None = None
    family: ShortText | None = None
    literal: ShortText | None = None


class DateParts(Strict):
    # [[year, month, day]], or a start and an end; month and day may be left out
    date_parts: Annotated[list[Annotated[list[count(1, 9999)], Meta(min_length=1, max_length=3)]],
                          Meta(min_length=1, max_length=2)] = field(name="date-parts")


class Reference(msgspec.Struct, frozen=True, kw_only=True):
    """One CSL-YAML item; only the fields the AMA citation uses are checked, others are ignored."""

    id: Annotated[str, Meta(min_length=1, max_length=100)]
    type: ShortText = "article-journal"
    author: list[Name] = []
    title: Text
    container_title: Text | None = field(default=None, name="container-title")
    container_title_short: Text | None = field(default=None, name="container-title-short")
    volume: count(0, 999_999) | ShortText | None = None
    issue: count(0, 999_999) | ShortText | None = None
    page: ShortText | None = None
    issued: DateParts | None = None
    DOI: ShortText | None = None
    PMID: ShortText | None = None
    URL: ShortText | None = None


class References(Strict):
    references: list[Reference]


FILE_KINDS: dict[str, type[msgspec.Struct]] = {
    "exercise": Exercise,
    "program": Program,
    "template": Template,
    "references": References,
    "clinic": Clinic,
}
