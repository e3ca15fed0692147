"""One handout, fully resolved: what the layout reads and nothing it has to look up.

A program (from a file, or made up from `-e` options) is matched against the library
here: ids are looked up, dosage overrides merged, sides applied, and references numbered
in order of first citation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import msgspec
from msgspec import field
from msgspec.structs import replace

from ..errors import InvalidInput, Problem
from ..reading.library import Entry, Library, pose_problem
from ..reading.models import Caution, Clinic, Dosage, Exercise, Illustration, Program
from ..reading.reference_model import Reference
from ..reading.template_model import Template
from ..reading.translations import DEFAULT, localized, text_in
from ..reading.yamlio import Document, dotted
from . import wording
from .readability import SCORED, WARN_ABOVE, exercise_grade
from .words import Words, words_for

if TYPE_CHECKING:
    from .changes import Changes

Audience = Literal["patient", "clinician"]
# A clinic's name and address are names: written once, they print as written in every
# language (a translation, when given, is used in its language).
AS_WRITTEN = {("name",), ("address",)}


class Version(msgspec.Struct, frozen=True):
    """A harder or easier version of an exercise: its name, its id, and its card's number
    when the handout has it (the card then leaves it out: the patient does it already)."""

    name: str
    id: str
    card: int | None = None


class Card(msgspec.Struct, frozen=True):
    """One exercise as this patient does it."""

    number: int
    exercise: Exercise
    dosage: Dosage
    note: str | None
    illustration: Illustration | None
    illustration_source: Path | None  # the YAML file naming the pictures; their paths are relative to it
    illustration_field: tuple  # where in that file: ("illustration",), or ("exercises", 2, "illustration") in a program
    citations: tuple[int, ...]  # reference numbers, in the order the entry cites them
    harder: tuple[Version, ...] = ()  # the entry's progressions, named in the handout's language
    easier: tuple[Version, ...] = ()  # and its regressions
    video: str | None = None  # the program's video for this exercise, else the entry's
    cautions: tuple[Caution, ...] = ()  # the entry's cautions for the patient's conditions (program: conditions)
    caution_citations: tuple[tuple[int, ...], ...] = ()  # each one's reference numbers, in the clinician's copy

    @property
    def mirrored(self) -> bool:
        """Pictures show the right side working; a left-side exercise is mirrored."""
        return self.dosage.side == "left"


class Handout(msgspec.Struct, frozen=True):
    title: str
    patient: str | None
    clinician: str | None
    clinic: Clinic | None
    clinic_source: Path | None  # the YAML file naming the clinic's logo
    clinic_field: tuple  # where in that file: () in a clinic file, ("clinic",) in a program
    date: dt.date
    template: Template
    paper: str
    cards: tuple[Card, ...]
    note: str | None
    references: tuple[Reference, ...]
    audience: Audience = "patient"
    review: dt.date | None = None  # the next appointment or review
    pain_rule: str | None = None  # how much pain is acceptable, printed with the stop rule
    pain_call_at: int = 5  # a pain score in the log at or above which the patient calls
    words: Words = field(default_factory=words_for)  # the fixed words, in the handout's language
    changes: Changes | None = None  # what changed since the last visit (build --since): a box on page 1
    # where the program lists its exercises (file, line, column): a layout that runs past its
    # pages names it, since only the pages, laid out, show it
    listed_at: tuple[str, int, int] = ("command line", 0, 0)

    @property
    def minutes(self) -> int:
        """A generous estimate of one session of the whole set, in minutes."""
        return sum(wording.minutes(card.dosage) for card in self.cards)


def assemble(
    program: Program,
    library: Library,
    template: Template,
    *,
    source: Document | None = None,
    program_path: Path | None = None,
    clinic_file: tuple[Clinic, Document, Path] | None = None,
    today: dt.date,
    audience: Audience = "patient",
    language: str | None = None,
    fallback: str | None = None,
) -> Handout:
    """Resolve `program` against `library`; InvalidInput names each unknown id.

    `clinic_file` (the clinic, its document and path) replaces the program's clinic. The
    handout is in `language`, else the program's, else the clinic's, else English; each
    text is taken in that language, else in `fallback` (an explicit choice of the
    clinician), and a text in neither is a problem, never a silent English card.
    """
    where = source or Document("command line", None)
    problems = unknown_ids(program, library, where, program_path)
    clinic, clinic_document = (clinic_file[0], clinic_file[1]) if clinic_file else (program.clinic, where)
    language = language or program.language or (clinic.language if clinic else None) or DEFAULT
    program, missing = localized(program, language, plain=program.language, fallback=fallback)
    problems += [where.problem(path, _untranslated(language, fallback)) for path in missing]
    if clinic is not None:
        clinic, missing = localized(clinic, language, plain=clinic.language, fallback=fallback)
        missing = [path for path in missing if path not in AS_WRITTEN]
        prefix = () if clinic_file else ("clinic",)
        problems += [clinic_document.problem(prefix + path, _untranslated(language, fallback)) for path in missing]
    cards: list[Card] = []
    numbers: dict[str, int] = {}
    seen: set[tuple[str, str | None]] = set()
    card_of: dict[str, int] = {}  # each exercise's first card, for the versions that send a patient to it
    for i, item in enumerate(program.exercises):
        if item.id not in library.exercises:
            continue
        entry = library.exercises[item.id]
        exercise, missing = localized(entry.exercise, language, plain=entry.exercise.language, fallback=fallback)
        if missing:
            problems.append(_untranslated_entry(entry, missing, language, fallback))
            continue
        dosage = exercise.dosage.merged(item.dosage)
        if item.side:
            dosage = msgspec.structs.replace(dosage, side=item.side)
        key = (item.id, dosage.side)
        if key in seen:
            problems.append(where.problem(("exercises", i), f"{item.id!r} is listed twice (remove one, or give each a different side)"))
            continue
        seen.add(key)
        cited = tuple(numbers.setdefault(c.id, len(numbers) + 1) for c in entry.exercise.citations)
        cautions = tuple(c for c in exercise.cautions if c.condition in program.conditions)
        # the patient's copy shows no caution, so numbers its sources not
        caution_cited = tuple(tuple(numbers.setdefault(ref, len(numbers) + 1) for ref in c.citations)
                              for c in cautions) if audience == "clinician" else ()
        own_picture = item.illustration is not None
        card_of.setdefault(item.id, len(cards) + 1)
        cards.append(
            Card(
                number=len(cards) + 1,
                exercise=exercise,
                dosage=dosage,
                note=item.note,
                illustration=item.illustration if own_picture else exercise.illustration,
                illustration_source=program_path if own_picture else entry.path,
                illustration_field=("exercises", i, "illustration") if own_picture else ("illustration",),
                citations=cited,
                harder=_versions(library, exercise.progression, language, fallback),
                easier=_versions(library, exercise.regression, language, fallback),
                video=item.video or exercise.video,
                cautions=cautions,
                caution_citations=caution_cited,
            )
        )
    cards = [_sent_to_cards(card, card_of) for card in cards]
    if template.max_exercises and len(cards) > template.max_exercises:
        problems.append(where.problem(("exercises",), f"the {template.name!r} layout holds at most {template.max_exercises} "
                                      f"exercises, and this handout has {len(cards)} (use --template standard or compact, "
                                      f"or give the patient fewer exercises)"))
    if problems:
        raise InvalidInput(problems)
    handout = Handout(
        title=program.title,
        patient=program.patient,
        clinician=program.clinician,
        clinic=clinic,
        clinic_source=clinic_file[2] if clinic_file else program_path,
        clinic_field=() if clinic_file else ("clinic",),
        date=program.date or today,
        template=template,
        paper=program.paper or template.paper,
        cards=tuple(cards),
        note=program.note,
        references=tuple(library.references[ref_id] for ref_id in numbers),
        audience=audience,
        review=program.review,
        pain_rule=program.pain_rule,
        pain_call_at=program.pain_call_at,
        words=words_for(language),
        listed_at=(where.file, *where.where(("exercises",))),
    )
    return handout


def _versions(library: Library, ids: list[str], language: str, fallback: str | None) -> tuple[Version, ...]:
    """Other entries named in the handout's language; one that has no name in it is left out."""
    found = ((other, text_in(library.exercises[other].exercise.name, language, plain=library.exercises[other].exercise.language,
                             fallback=fallback)) for other in ids)
    return tuple(Version(name, other) for other, name in found if name is not None)


def _sent_to_cards(card: Card, card_of: dict[str, int]) -> Card:
    """The card's versions with the number of the card that has each, if this handout has it."""
    def numbered(versions: tuple[Version, ...]) -> tuple[Version, ...]:
        return tuple(replace(v, card=card_of.get(v.id)) for v in versions)
    return replace(card, harder=numbered(card.harder), easier=numbered(card.easier))


def _language_name(code: str) -> str:
    return {"en": "English", "es": "Spanish"}.get(code, repr(code))


def _untranslated(language: str, fallback: str | None) -> str:
    also = f" or {_language_name(fallback)}" if fallback else ""
    return (f"has no {_language_name(language)}{also} text for this {_language_name(language)} handout "
            f"(write it as `{language}:` here, or build with --fallback-language en to print the English)")


def _untranslated_entry(entry: Entry, missing: list[tuple], language: str, fallback: str | None) -> Problem:
    """One line for an entry that lacks the handout's language, naming every field it lacks."""
    fields = ", ".join(dotted(path) for path in missing[:6]) + (", ..." if len(missing) > 6 else "")
    name = _language_name(language)
    return entry.document.problem(missing[0], f"the exercise {entry.exercise.id!r} has no {name} text for {fields} "
                                  f"(write the `{language}:` texts in this file, or build with --fallback-language en "
                                  f"to print its English text on this {name} handout)")


ADVISED_MAXIMUM = 4  # adherence drops past about four exercises (handout guidelines)
LONG_ROUND = 30  # minutes: home programmes that patients keep up take a quarter to half an hour


def advice(handout: Handout) -> list[str]:
    """Warnings for the clinician about the set as a whole; they never stop a build."""
    found = []
    count = len(handout.cards)
    if count > ADVISED_MAXIMUM:
        found.append(f"{count} exercises, about {handout.minutes} minutes a session: patients do fewer exercises better (consider {ADVISED_MAXIMUM} or fewer)")
    if handout.minutes > LONG_ROUND:
        longest = max(handout.cards, key=lambda card: wording.minutes(card.dosage))
        which = f"the {count} exercises" if count > 1 else "the exercise"
        found.append(f"one round of {which} takes about {handout.minutes:,} minutes "
                     f"(more than {LONG_ROUND}): check the sets, reps, holds and rests "
                     f"({longest.exercise.id}: about {wording.minutes(longest.dosage):,} minutes)")
    hard = _hard_to_read(handout)
    if hard:
        found.append(f"{len(hard)} of the exercises read{'s' if len(hard) == 1 else ''} above grade {WARN_ABOVE:g}, the aim for "
                     f"patients: {', '.join(hard)} (use shorter words and sentences; handouts check scores each entry)")
    if handout.clinic is None:
        found.append("the handout has no clinic name or phone for the patient to call (add --clinic FILE, or clinic: in the program)")
    return found


def _hard_to_read(handout: Handout) -> list[str]:
    """'pelvic-drop (grade 6.4)' for each exercise whose English text reads above grade 6.

    Only the library's texts are scored (the clinician's notes are the patient's own, and
    would reach the grade cache); a handout in another language is not scored at all.
    """
    if handout.words.language != SCORED:
        return []
    found = []
    for card in handout.cards:
        score = exercise_grade(card.exercise)
        if score is not None and score.worst > WARN_ABOVE:
            found.append(f"{card.exercise.id} (grade {score.worst:.1f})")
    return found


def unknown_ids(program: Program, library: Library, where: Document, source: Path | None) -> list[Problem]:
    """A problem for each exercise id, or pose, in `program` (from `source`) that does not exist."""
    found = [where.problem(("exercises", i, "id"), library.unknown(item.id))
             for i, item in enumerate(program.exercises) if item.id not in library.exercises]
    for i, item in enumerate(program.exercises):
        if item.illustration and item.illustration.pose:
            missing = pose_problem(item.illustration.pose, source)
            if missing:
                found.append(where.problem(("exercises", i, "illustration", "pose"), missing))
    return found
