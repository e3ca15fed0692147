"""Finding exercises in the library, and describing one as plain text.

What an entry holds reaches the terminal with its control and format characters written
as escapes (errors.one_line), as in error messages: a name cannot retitle the window,
clear the screen or reverse the text that follows it.
"""

from __future__ import annotations

import gc
from pathlib import Path

import msgspec

from ..errors import one_line
from ..reading.library import Library, load_program, settled, yaml_files
from ..reading.models import Exercise
from ..reading.resources import bundled
from ..reading.translations import DEFAULT, localized, text_in


class Filters(msgspec.Struct, frozen=True):  # (a Struct, made in C: a dataclass compiles its methods at import)
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
        text = " ".join([exercise.id, *_every_language(exercise.name), *_every_language(exercise.purpose),
                         *exercise.tags, *exercise.muscles]).casefold()
        return (
            all(t.casefold() in tags for t in self.tags)
            and has(exercise.muscles, self.muscle)
            and has([exercise.position], self.position)
            and has(exercise.equipment, self.equipment)
            and (self.level is None or exercise.level == self.level)
            and (self.text is None or all(word in text for word in self.text.casefold().split()))
        )


def _every_language(text: str | dict[str, str]) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def find(library: Library, filters: Filters) -> list[Exercise]:
    """The entries that match, by id, as written (their texts in every language they have)."""
    exercises = (entry.exercise for entry in library.exercises.values())
    return sorted((e for e in exercises if filters.match(e)), key=lambda e: e.id)


def in_language(exercises: list[Exercise], language: str = DEFAULT) -> list[Exercise]:
    """Each entry in `language` where it has it (else in its own), as `list --json` gives them."""
    # Each entry's copy in one language is many new objects and no garbage cycles: the
    # cycle collector, left on, would scan the whole library again and again (half the
    # time of listing 1,000 entries). Paused, as load_library pauses it, and restored.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return [localized(e, language, plain=e.language, fallback=e.language)[0] for e in exercises]
    finally:
        settled()  # the copies live until they are printed: not scanned once enabled again
        if was_enabled:
            gc.enable()


def program_names() -> list[str]:
    return [path.stem for path in yaml_files(bundled("programs"))]


class ProgramSummary(msgspec.Struct, frozen=True):
    """A bundled program as `list --programs --json` gives it: texts as written, in every language."""

    name: str
    title: str | dict[str, str]
    exercises: list[str]
    file: Path


def program_summaries() -> list[ProgramSummary]:
    summaries = []
    for name in program_names():
        program, _, path = load_program(name)
        summaries.append(ProgramSummary(name, program.title, [item.id for item in program.exercises], path))
    return summaries


def line(exercise: Exercise, language: str = DEFAULT) -> str:
    """One entry as a line of `handouts list`: its name in `language` where it has it.
    (Only the name, not a copy of the whole entry in one language: the line has no other
    text, and copying was a tenth of the time of listing 1,000 entries.)"""
    name = text_in(exercise.name, language, plain=exercise.language, fallback=exercise.language)
    if name is None:  # in neither language: its first, as `localized` gives it
        name = next(iter(exercise.name.values()))
    return one_line(f"{exercise.id:32} {name}  ({exercise.position}, {exercise.level})")


def describe_entry(exercise: Exercise, language: str = DEFAULT) -> str:
    from ..handout.wording import rows  # (the dose's words, for `show` only: not imported by `list`)
    from ..handout.words import words_for

    exercise, _ = localized(exercise, language, plain=exercise.language, fallback=exercise.language)
    lines = [f"{exercise.name} ({exercise.id})", exercise.purpose, ""]
    lines.append(f"Position: {exercise.position}   Level: {exercise.level}   Equipment: {', '.join(exercise.equipment) or 'none'}")
    lines.append(f"Muscles: {', '.join(exercise.muscles)}")
    if exercise.tags:
        lines.append(f"Tags: {', '.join(exercise.tags)}")
    lines += ["", "Steps:"] + [f"  {n}. {step}" for n, step in enumerate(exercise.steps, 1)]
    lines += ["", "Dose:"] + [f"  {label}: {words}" for label, words in rows(words_for(language), exercise.dosage, exercise.works)]
    lines += ["", f"Feel it: {exercise.feel_it}", "Mistakes:"] + [f"  - {m}" for m in exercise.mistakes]
    lines.append(f"Stop if: {exercise.stop_if}")
    if exercise.regression:
        lines.append(f"Easier: {', '.join(exercise.regression)}")
    if exercise.progression:
        lines.append(f"Harder: {', '.join(exercise.progression)}")
    if exercise.citations:
        lines.append(f"Cites: {', '.join(c.id for c in exercise.citations)}")
    if exercise.video:
        lines.append(f"Video: {exercise.video}")
    for caution in exercise.cautions:
        lines.append(f"Caution for {caution.condition}: {caution.reason} ({', '.join(caution.citations)})")
    if exercise.source:
        source = exercise.source
        lines.append(f"Source: {source.database}, entry {source.id} ({source.licence})"
                     + (f"; defaulted: {', '.join(source.defaulted)}" if source.defaulted else ""))
    return "\n".join(map(one_line, lines))
