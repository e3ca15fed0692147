"""Reading level of what the patient reads, by two formulas that often disagree.

The guidelines ask for grade 6 or below and never above 8. Formulas cannot credit
pictures, so only words are scored: the patient-facing text of each exercise, and of
each handout as a whole. textstat is pinned to 0.7.8: later versions load their
pronunciation dictionary through nltk at run time, which fails offline.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reading.models import Exercise, Program

WARN_ABOVE = 6.0
FAIL_ABOVE = 8.0


@dataclass(frozen=True)
class Grade:
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


def patient_text(exercise: Exercise) -> list[str]:
    """The sentences a patient reads on this exercise's card."""
    parts = [exercise.purpose, *exercise.steps, exercise.feel_it, *exercise.mistakes, exercise.stop_if]
    if exercise.illustration and exercise.illustration.caption:
        parts.append(exercise.illustration.caption)
    return parts


def handout_text(program: Program, exercises: list[Exercise]) -> list[str]:
    parts = [program.note or ""] + [item.note or "" for item in program.exercises]
    for exercise in exercises:
        parts += patient_text(exercise)
    return [p for p in parts if p]


def grade(parts: list[str]) -> Grade:
    import textstat

    # each part becomes a sentence, so a list item without a full stop is not run on
    text = " ".join(p.strip() if p.strip().endswith((".", "!", "?")) else p.strip() + "." for p in parts)
    return Grade(float(textstat.flesch_kincaid_grade(text)), float(textstat.smog_index(text)))
