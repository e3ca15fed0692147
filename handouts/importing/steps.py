"""A source's instructions as a card's numbered steps, every word kept and in order.

A card shows 3 to 6 steps. Too many instructions are joined, two neighbours at a time,
the pair that makes the shortest step first; too few are split at a full stop, the
longest instruction first, at the full stop nearest its middle. No word is changed,
added or left out, except a full stop where two instructions are joined. What cannot be
fitted honestly (an instruction of one sentence cannot be split) is kept as it is and
flagged, never padded with words the source does not have.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FEWEST, MOST = 3, 6  # the card's rule
MOST_IMPORTED = 12  # what an imported entry may keep (models.ImportedExercise)
LONGEST = 2000  # characters in one step (models.Text)

# a full stop, question or exclamation mark, then a space and what starts a sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


class CannotFit(ValueError):
    """An instruction with a sentence longer than a step may be."""


@dataclass(frozen=True)
class Fitted:
    steps: tuple[str, ...]
    changes: tuple[str, ...]  # what was done, in words for the report


def tidy(text: str) -> str:
    """`text` with each run of spaces, tabs and line breaks made one space, invisible
    control characters (and halves of UTF-16 pairs, which JSON may hold) left out, and << >>
    written « »: the same words, as one line of text."""
    text = "".join(c for c in text if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    text = unicodedata.normalize("NFC", text)
    # << and >> are a placeholder's marks, which the library refuses (reading/placeholders):
    # in a database's text they stand for the quotation marks they imitate
    text = text.replace("<<", "«").replace(">>", "»")
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


def fit(instructions: list[str]) -> Fitted:
    """The instructions as 3 to 6 steps where that can be done honestly; CannotFit when a
    single sentence is longer than a step may be."""
    changes: list[str] = []
    steps = [text for text in map(tidy, instructions) if text]
    if len(steps) < len(instructions):
        changes.append(f"left out {len(instructions) - len(steps)} empty instruction(s)")
    steps = _short_enough(steps, changes)
    before = len(steps)
    while len(steps) < FEWEST:
        splittable = [i for i, text in enumerate(steps) if len(sentences(text)) > 1]
        if not splittable:
            break
        i = max(splittable, key=lambda k: len(steps[k]))
        steps[i:i + 1] = _halves(steps[i])
    if len(steps) != before:
        changes.append(f"split {before} instruction(s) into {len(steps)} steps at full stops")
    before = len(steps)
    while len(steps) > MOST:
        pairs = [i for i in range(len(steps) - 1) if len(_joined(steps[i], steps[i + 1])) <= LONGEST]
        if not pairs:
            break
        i = min(pairs, key=lambda k: len(steps[k]) + len(steps[k + 1]))
        steps[i:i + 2] = [_joined(steps[i], steps[i + 1])]
    if len(steps) != before:
        changes.append(f"joined {before} instructions into {len(steps)} steps")
    if len(steps) > MOST_IMPORTED:
        raise CannotFit(f"{len(steps)} instructions too long to join into {MOST_IMPORTED} steps or fewer")
    return Fitted(tuple(steps), tuple(changes))


def _short_enough(steps: list[str], changes: list[str]) -> list[str]:
    """Each instruction longer than a step may be, cut into steps at full stops."""
    out: list[str] = []
    for number, text in enumerate(steps, start=1):
        if len(text) <= LONGEST:
            out.append(text)
            continue
        parts: list[str] = []
        for sentence in sentences(text):
            if len(sentence) > LONGEST:
                raise CannotFit(f"instruction {number} has a sentence of {len(sentence)} characters (a step holds {LONGEST})")
            if parts and len(parts[-1]) + 1 + len(sentence) <= LONGEST:
                parts[-1] += " " + sentence
            else:
                parts.append(sentence)
        changes.append(f"cut instruction {number} ({len(text)} characters) into {len(parts)} steps at full stops")
        out += parts
    return out


def _halves(text: str) -> list[str]:
    """`text` in two at the full stop nearest its middle."""
    parts = sentences(text)
    lengths = [sum(len(p) + 1 for p in parts[:k]) for k in range(1, len(parts))]
    k = 1 + min(range(len(lengths)), key=lambda j: abs(lengths[j] - len(text) / 2))
    return [" ".join(parts[:k]), " ".join(parts[k:])]


def _joined(first: str, second: str) -> str:
    ended = first.rstrip(")\"'").endswith((".", "!", "?", ":", ";"))
    return f"{first}{'' if ended else '.'} {second}"
