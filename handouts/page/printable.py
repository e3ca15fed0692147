"""Whether every text of a handout can be printed with the embedded fonts.

Checked once the handout is assembled and before it is laid out, so that a letter no
font has is one error naming the file, line and field, never an empty box on paper.
"""

from __future__ import annotations

from typing import Iterator

import msgspec

from ..errors import InvalidInput
from ..handout.assemble import Handout
from ..reading.library import Library
from ..reading.models import Program
from ..reading.yamlio import Document
from .fonts import describe, unprintable


def check_printable(program: Program, where: Document, handout: Handout, library: Library, clinic: Document | None) -> None:
    """Refuse text with letters no embedded font has, naming where it is."""
    problems = []
    for document, path, text in _texts(program, where, handout, library, clinic):
        missing = unprintable(text)
        if missing:
            problems.append(document.problem(path, f"no font here can print {describe(missing)} (remove or replace it)"))
    if problems:
        raise InvalidInput(problems)


def _texts(program: Program, where: Document, handout: Handout, library: Library, clinic: Document | None) -> Iterator[tuple[Document, tuple, str]]:
    """Every text of the program and of the entries it uses, with where it came from."""
    yield from _strings(where, (), msgspec.to_builtins(program))
    if clinic is not None and handout.clinic is not None:
        yield from _strings(clinic, (), msgspec.to_builtins(handout.clinic))
    for card in handout.cards:
        yield from _strings(library.exercises[card.exercise.id].document, (), msgspec.to_builtins(card.exercise))


def _strings(document: Document, path: tuple, value: object) -> Iterator[tuple[Document, tuple, str]]:
    if isinstance(value, str):
        yield document, path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _strings(document, path + (key,), sub)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _strings(document, path + (i,), sub)


