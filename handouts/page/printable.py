"""Whether every text that can be printed can be printed with the embedded fonts.

One rule for every text, wherever it comes from: the program, the clinic file, the
exercise entries and the references. `check_printable` is asked about one handout's
texts once it is assembled and before it is laid out (by build and by check alike);
`library_unprintable` about every entry and reference of a library (by check), so a
letter no font has is one error naming the file, line and field, never an empty box on
paper and never a reference that prints nothing.
"""

from __future__ import annotations

from typing import Iterator

import msgspec

from ..errors import InvalidInput, Problem
from ..handout.assemble import Handout
from ..reading.library import Library
from ..reading.models import Program
from ..reading.yamlio import Document
from .fonts import describe, unprintable

Texts = Iterator[tuple[Document, tuple, str]]


def check_printable(program: Program, where: Document, handout: Handout, library: Library, clinic: Document | None) -> None:
    """Refuse text with letters no embedded font has, naming where it is."""
    problems = _unprintable(_strings(where, (), msgspec.to_builtins(program)))
    if clinic is not None and handout.clinic is not None:
        problems += _unprintable(_strings(clinic, (), msgspec.to_builtins(handout.clinic)))
    for card in handout.cards:
        entry = library.exercises[card.exercise.id]
        problems += _once(entry.document, entry.exercise, ())
    for reference in handout.references:
        document, path = library.reference_places[reference.id]
        problems += _once(document, library.references[reference.id], path)
    if problems:
        raise InvalidInput(problems)


def library_unprintable(library: Library) -> list[Problem]:
    """A problem for each text of the library's entries and references that cannot be printed."""
    def texts() -> Texts:
        for entry in library.exercises.values():
            yield from _strings(entry.document, (), msgspec.to_builtins(entry.exercise))
        for reference_id in library.references:
            yield from _reference(library, reference_id)
    return _unprintable(texts())


def file_unprintable(document: Document, model: msgspec.Struct) -> list[Problem]:
    """A problem for each text of one file's model that cannot be printed."""
    return _unprintable(_strings(document, (), msgspec.to_builtins(model)))


# A library's entries and references are the same objects for every handout of a batch:
# each is looked through once (kept with the objects, so that an id is never another's).
_seen: dict[tuple[int, int], tuple[Document, msgspec.Struct, list[Problem]]] = {}
SEEN_MAX = 4096


def _once(document: Document, value: msgspec.Struct, path: tuple) -> list[Problem]:
    key = (id(document), id(value))
    seen = _seen.get(key)
    if seen is not None and seen[0] is document and seen[1] is value:
        return seen[2]
    problems = _unprintable(_strings(document, path, msgspec.to_builtins(value)))
    if len(_seen) >= SEEN_MAX:
        _seen.clear()
    _seen[key] = (document, value, problems)
    return problems


def _unprintable(texts: Texts) -> list[Problem]:
    problems = []
    for document, path, text in texts:
        missing = unprintable(text)
        if missing:
            problems.append(document.problem(path, f"no font here can print {describe(missing)} (remove or replace it)"))
    return problems


def _reference(library: Library, reference_id: str) -> Texts:
    document, path = library.reference_places[reference_id]
    yield from _strings(document, path, msgspec.to_builtins(library.references[reference_id]))


def _strings(document: Document, path: tuple, value: object) -> Texts:
    if isinstance(value, str):
        yield document, path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _strings(document, path + (key,), sub)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _strings(document, path + (i,), sub)
