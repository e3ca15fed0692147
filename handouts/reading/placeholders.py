"""Placeholders: the `<<FILL IN: what to write>>` texts of a new file, refused until replaced.

`handouts new` writes files in which every text a clinician must decide holds one. The
form cannot be mistaken for real text (no handout says ``<<`` or ``>>``), and every file
is refused while any part of one is left, even half deleted, so a placeholder never
reaches a patient: `validate` reports each as one line naming the file, line and field.
"""

from __future__ import annotations

from typing import Any, Iterator

import msgspec

from ..errors import Problem
from .yamlio import Document

MARKS = ("<<", ">>")
_ENCODER = msgspec.json.Encoder()


def placeholder(hint: str) -> str:
    """The placeholder for a text still to write, e.g. placeholder("a plain name")."""
    return f"{MARKS[0]}FILL IN: {hint}{MARKS[1]}"


def problems(document: Document) -> list[Problem]:
    """A problem for each text of the document that still holds a placeholder."""
    try:
        encoded = _ENCODER.encode(document.data)
    except (TypeError, ValueError, OverflowError):
        encoded = None  # a value JSON cannot hold: look at every text
    if encoded is not None and not any(mark.encode() in encoded for mark in MARKS):
        return []  # the common case, at the cost of one encoding
    return [document.problem(path, f"is still a placeholder: {_shown(text)} (write what it asks for in its place)")
            for path, text in _texts(document.data, ()) if any(mark in text for mark in MARKS)]


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def _shown(text: str) -> str:
    return repr(text if len(text) <= 90 else text[:87] + "...")
