"""The validated, immutable shapes of every file kind.

msgspec checks types and gives the JSON Schema that `handouts schema` prints; it costs
a few milliseconds to import where pydantic cost a hundred, which is most of what a
command-line tool can spend on starting. Text fields are strict: YAML's `no`, `3.10` or
an unquoted date never quietly becomes text, and a count never quietly becomes a yes/no.
`validate` turns a failed check into messages a clinician can act on.
"""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from .fields import (
    Id,
    Language,
    Level,
    Localized,
    LocalizedShort,
    ShortText,
    Side,
    Strict,
    Url,
    Works,
    about,
    count,
)  # fmt: skip
from .reference_model import References
from .template_model import Template


class Dosage(Strict):
    """How much, how often and on which side. Any field may be left out."""

    sets: count(1, 10) | None = None
    reps: count(1, 100) | None = None
    reps_unit: Annotated[LocalizedShort | None, about("what one rep is, when not a plain rep, e.g. 'steps each way'")] = None
    hold_seconds: count(1, 300) | None = None
    rest_seconds: count(0, 600) | None = None
    times_per_day: count(1, 6) | None = None
    days_per_week: count(1, 7) | None = None
    side: Side | None = None
    load: Annotated[LocalizedShort | None, about("weight or band, e.g. 'light band' or 'no weight'")] = None
    basis: Annotated[Literal["sources", "default"] | None, about(
        "'default' for a conservative default the sources do not give; left out, the dose is from the cited sources")] = None

    def merged(self, override: "Dosage | None") -> "Dosage":
        """This dosage with every field the override sets replaced."""
        if override is None:
            return self
        given = {name: value for name in override.__struct_fields__ if (value := getattr(override, name)) is not None}
        return msgspec.structs.replace(self, **given)


class Citation(Strict):
    id: Annotated[str, Meta(min_length=1, max_length=100, description="the id of a reference in a references file")]
    note: Annotated[Localized | None, about("what the study shows, for the clinician")] = None


class Illustration(Strict):
    """A pictogram from pose data, or the clinic's own pictures."""

    pose: Annotated[ShortText | None, about("a bundled pose name, or a pose file next to this file")] = None
    pictures: Annotated[Annotated[list[ShortText], Meta(min_length=1, max_length=2)] | None,
                        about("one or two picture files (start, end), relative to this file")] = None
    caption: LocalizedShort | None = None


# The fields an importer may have filled with a default because its source lacks them.
Defaultable = Literal["purpose", "region", "muscles", "position", "steps", "dosage", "feel_it", "mistakes", "stop_if"]


class Source(Strict):
    """Where an imported entry came from, credited on the clinician's copy."""

    database: Annotated[ShortText, about("the database it was imported from, e.g. free-exercise-db")]
    id: Annotated[ShortText, about("the entry's id in that database")]
    licence: Annotated[ShortText, about("the licence of the database's text")]
    photos: Annotated[ShortText | None, about("who holds the rights to the photos, as far as is known")] = None
    defaulted: Annotated[list[Defaultable], about(
        "the fields that hold the importer's conservative defaults, not the source's words: review them")] = []


# The conditions a caution names and a program lists for its patient (README, "Cautions").
Condition = Literal["gluteal-tendinopathy", "recent-hip-replacement", "pregnancy"]


class Caution(Strict):
    """A condition this exercise may aggravate: why, for the clinician, and the sources."""

    condition: Condition
    reason: Annotated[Localized, about("why, in plain words, for the clinician")]
    citations: Annotated[list[Id], Meta(min_length=1), about("the ids of the references that support it")]


class Exercise(Strict, kw_only=True):  # required fields after optional ones
    """One exercise entry: everything its card shows."""

    id: Id
    language: Annotated[Language, about("the language of plain (untranslated) text in this file")] = "en"
    name: LocalizedShort
    purpose: Annotated[LocalizedShort, about("one line on what the exercise is for")]
    region: ShortText
    muscles: Annotated[list[ShortText], Meta(min_length=1)]
    position: Annotated[ShortText, about("starting position, e.g. side-lying, standing")]
    equipment: list[ShortText] = []
    level: Level
    works: Annotated[Works | None, about(
        "which leg does the work: the top leg (lying on the side), the standing leg, the moving leg, "
        "both legs together, or the legs in turn; says the side in words that cannot be read the wrong way")] = None
    tags: list[ShortText] = []
    steps: Annotated[list[Localized], Meta(min_length=3, max_length=6)]
    dosage: Dosage
    feel_it: Annotated[Localized, about("where the patient should feel it")]
    mistakes: Annotated[list[Localized], Meta(min_length=1, max_length=4)]
    stop_if: Annotated[Localized, about("when to stop and call the clinic")]
    progression: list[Id] = []
    regression: list[Id] = []
    illustration: Illustration | None = None
    video: Annotated[Url | None, about("a video of the exercise, printed on the card as a QR code")] = None
    citations: list[Citation] = []
    cautions: Annotated[list[Caution], about("conditions it may aggravate: checked against a program's conditions")] = []
    source: Annotated[Source | None, about("for an imported entry: where it came from")] = None


class ImportedExercise(Exercise, kw_only=True):
    """An entry with a `source:`: its steps are kept as the source wrote them, 1 to 12 (the
    importer flags those outside the card's 3 to 6), until the clinician rewrites them."""

    steps: Annotated[list[Localized], Meta(min_length=1, max_length=12)]


def exercise_model(data: object) -> type[Exercise]:
    """The model of an exercise file: an imported entry keeps its source's steps."""
    return ImportedExercise if isinstance(data, dict) and data.get("source") is not None else Exercise


class ImportDefaults(Strict):
    """What `handouts import` writes where its source says nothing: the clinic's own
    conservative defaults, in place of the built-in ones. `{muscles}` is replaced by the
    entry's main muscles as the source names them."""

    purpose: LocalizedShort | None = None
    feel_it: Localized | None = None
    mistakes: Annotated[list[Localized], Meta(min_length=1, max_length=4)] | None = None
    stop_if: Localized | None = None
    dosage: Annotated[Dosage | None, about("the dose of every imported entry (no side: not every exercise is for the legs)")] = None


class Clinic(Strict):
    name: LocalizedShort
    language: Annotated[Language, about("the handouts' language unless a program or --language says otherwise; "
                                        "also the language of plain text in this file")] = "en"
    phone: ShortText | None = None
    email: ShortText | None = None
    address: LocalizedShort | None = None
    website: ShortText | None = None
    logo: Annotated[ShortText | None, about("a picture file, relative to this file")] = None
    import_defaults: Annotated[ImportDefaults | None, about("what `handouts import` writes where its source says nothing")] = None


class ProgramExercise(Strict):
    """One exercise in a program: an id, with anything the clinician changes for this patient."""

    id: Id
    dosage: Dosage | None = None
    side: Side | None = None
    note: Localized | None = None
    illustration: Illustration | None = None
    video: Annotated[Url | None, about("the clinic's own video for this patient, in place of the entry's")] = None


class Program(Strict, kw_only=True):
    """The set of exercises a clinician picks for one patient."""

    title: LocalizedShort
    language: Annotated[Language | None, about(
        "the handout's language, and the language of plain text in this file (default: the clinic's, else en)")] = None
    patient: ShortText | None = None
    clinician: Annotated[LocalizedShort | None, about("the clinician's name and credential, e.g. 'Sam Rivera, PT'")] = None
    clinic: Clinic | None = None
    date: Annotated[dt.date | None, about("YYYY-MM-DD; today when left out")] = None
    template: ShortText = "standard"
    paper: Literal["a4", "letter"] | None = None
    # An exercise may be listed by its id alone (`- clamshell`): read as `- id: clamshell`.
    exercises: Annotated[list[ProgramExercise | Id], Meta(min_length=1, max_length=40)]
    note: Localized | None = None
    review: Annotated[dt.date | None, about("the next appointment or review, YYYY-MM-DD: on page 1 and in the log")] = None
    pain_rule: Annotated[Localized | None, about(
        "how much pain is acceptable, e.g. the 24-hour rule; printed with the stop rule in the key points")] = None
    pain_call_at: Annotated[count(1, 10), about("a pain score (0 to 10) in the log at or above which the patient calls")] = 5
    conditions: Annotated[list[Condition], about("the patient's conditions, which the exercises' cautions are checked against")] = []

    def __post_init__(self) -> None:
        # the list object is the struct's own, so filling it in leaves the struct frozen
        self.exercises[:] = [ProgramExercise(id=item) if isinstance(item, str) else item for item in self.exercises]


FILE_KINDS: dict[str, type[msgspec.Struct]] = {
    "exercise": Exercise,
    "program": Program,
    "template": Template,
    "references": References,
    "clinic": Clinic,
}
