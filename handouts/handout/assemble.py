"""One handout, fully resolved: what the layout reads and nothing it has to look up.

A program (from a file, or made up from `-e` options) is matched against the library
here: ids are looked up, dosage overrides merged, sides applied, and references numbered
in order of first citation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import msgspec

from ..errors import InvalidInput, Problem
from ..reading.library import Library, pose_problem
from ..reading.models import (
    Clinic,
    Dosage,
    Exercise,
    Illustration,
    Program,
    Reference,
    Template,
)
from ..reading.yamlio import Document
from . import wording

Audience = Literal["patient", "clinician"]


@dataclass(frozen=True)
class Card:
    """One exercise as this patient does it."""

    number: int
    exercise: Exercise
    dosage: Dosage
    note: str | None
    illustration: Illustration | None
    illustration_source: Path | None  # the YAML file naming the pictures; their paths are relative to it
    illustration_field: tuple  # where in that file: ("illustration",), or ("exercises", 2, "illustration") in a program
    citations: tuple[int, ...]  # reference numbers, in the order the entry cites them

    @property
    def mirrored(self) -> bool:
        """Pictures show the right side working; a left-side exercise is mirrored."""
        return self.dosage.side == "left"


@dataclass(frozen=True)
class Handout:
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
) -> Handout:
    """Resolve `program` against `library`; InvalidInput names each unknown id.

    `clinic_file` (the clinic, its document and path) replaces the program's clinic.
    """
    where = source or Document("command line", None)
    problems = unknown_ids(program, library, where, program_path)
    cards: list[Card] = []
    numbers: dict[str, int] = {}
    seen: set[tuple[str, str | None]] = set()
    for i, item in enumerate(program.exercises):
        if item.id not in library.exercises:
            continue
        entry = library.exercises[item.id]
        dosage = entry.exercise.dosage.merged(item.dosage)
        if item.side:
            dosage = msgspec.structs.replace(dosage, side=item.side)
        key = (item.id, dosage.side)
        if key in seen:
            problems.append(where.problem(("exercises", i), f"{item.id!r} is listed twice (remove one, or give each a different side)"))
            continue
        seen.add(key)
        cited = tuple(numbers.setdefault(c.id, len(numbers) + 1) for c in entry.exercise.citations)
        own_picture = item.illustration is not None
        cards.append(
            Card(
                number=len(cards) + 1,
                exercise=entry.exercise,
                dosage=dosage,
                note=item.note,
                illustration=item.illustration if own_picture else entry.exercise.illustration,
                illustration_source=program_path if own_picture else entry.path,
                illustration_field=("exercises", i, "illustration") if own_picture else ("illustration",),
                citations=cited,
            )
        )
    if problems:
        raise InvalidInput(problems)
    handout = Handout(
        title=program.title,
        patient=program.patient,
        clinician=program.clinician,
        clinic=clinic_file[0] if clinic_file else program.clinic,
        clinic_source=clinic_file[2] if clinic_file else program_path,
        clinic_field=() if clinic_file else ("clinic",),
        date=program.date or today,
        template=template,
        paper=program.paper or template.paper,
        cards=tuple(cards),
        note=program.note,
        references=tuple(library.references[ref_id] for ref_id in numbers),
        audience=audience,
    )
    return handout


ADVISED_MAXIMUM = 4  # adherence drops past about four exercises (handout guidelines)


def advice(handout: Handout) -> list[str]:
    """Warnings for the clinician about the set as a whole; they never stop a build."""
    found = []
    count = len(handout.cards)
    if count > ADVISED_MAXIMUM:
        found.append(f"{count} exercises, about {handout.minutes} minutes a session: patients do fewer exercises better (consider {ADVISED_MAXIMUM} or fewer)")
    if handout.clinic is None:
        found.append("the handout has no clinic name or phone for the patient to call (add --clinic FILE, or clinic: in the program)")
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
