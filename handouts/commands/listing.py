"""Finding exercises in the library, and describing one as plain text.

What an entry holds reaches the terminal with its control and format characters written
as escapes (errors.one_line), as in error messages: a name cannot retitle the window,
clear the screen or reverse the text that follows it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

import msgspec

from ..errors import one_line
from ..handout.wording import rows
from ..reading.library import Library, yaml_files
from ..reading.models import Exercise
from ..reading.resources import bundled


@dataclass(frozen=True)
class Filters:
    tags: tuple[str, ...] = ()
    muscle: str | None = None
    position: str | None = None
    equipment: str | None = None
    level: str | None = None
    text: str | None = None

    def match(self, exercise: Exercise) -> bool:
        def has(values: list[str], wanted: str | None) -> bool:
            return wanted is None or any(wanted.casefold() in v.casefold() for v in values)

        tags = [t.casefold() for t in exercise.tags]
        text = " ".join([exercise.id, exercise.name, exercise.purpose, *exercise.tags, *exercise.muscles]).casefold()
        return (
            all(t.casefold() in tags for t in self.tags)
            and has(exercise.muscles, self.muscle)
            and has([exercise.position], self.position)
            and has(exercise.equipment, self.equipment)
            and (self.level is None or exercise.level == self.level)
            and (self.text is None or all(word in text for word in self.text.casefold().split()))
        )


def find(library: Library, filters: Filters) -> list[Exercise]:
    exercises = (entry.exercise for entry in library.exercises.values())
    return sorted((e for e in exercises if filters.match(e)), key=lambda e: e.id)


def program_names() -> list[str]:
    return [path.stem for path in yaml_files(bundled("programs"))]


def line(exercise: Exercise) -> str:
    """One entry as a line of `handouts list`."""
    return one_line(f"{exercise.id:32} {exercise.name}  ({exercise.position}, {exercise.level})")


def json_listing(found: list[Exercise]) -> str:
    """The entries as JSON for scripts; a control or format character in a text is a \\u escape."""
    text = json.dumps(msgspec.to_builtins(found), ensure_ascii=False, indent=2)
    return _UNCOMMON.sub(_json_escape, text)  # JSON's own line breaks are "\n"; one inside a string is already \\n


_UNCOMMON = re.compile("[^\x20-\x7e\n]")  # where a hidden character may be: looked at one by one
_HIDDEN = ("Cc", "Cf", "Zl", "Zp")


def _json_escape(found: re.Match) -> str:
    char = found.group()
    if unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code > 0xFFFF:  # as a UTF-16 pair, as JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def describe_entry(exercise: Exercise) -> str:
    lines = [f"{exercise.name} ({exercise.id})", exercise.purpose, ""]
    lines.append(f"Position: {exercise.position}   Level: {exercise.level}   Equipment: {', '.join(exercise.equipment) or 'none'}")
    lines.append(f"Muscles: {', '.join(exercise.muscles)}")
    if exercise.tags:
        lines.append(f"Tags: {', '.join(exercise.tags)}")
    lines += ["", "Steps:"] + [f"  {n}. {step}" for n, step in enumerate(exercise.steps, 1)]
    lines += ["", "Dose:"] + [f"  {label}: {words}" for label, words in rows(exercise.dosage)]
    lines += ["", f"Feel it: {exercise.feel_it}", "Mistakes:"] + [f"  - {m}" for m in exercise.mistakes]
    lines.append(f"Stop if: {exercise.stop_if}")
    if exercise.regression:
        lines.append(f"Easier: {', '.join(exercise.regression)}")
    if exercise.progression:
        lines.append(f"Harder: {', '.join(exercise.progression)}")
    if exercise.citations:
        lines.append(f"Cites: {', '.join(c.id for c in exercise.citations)}")
    return "\n".join(map(one_line, lines))
