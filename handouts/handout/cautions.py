"""Cautions the tool checks: an exercise entry's `cautions` against a program's `conditions`.

An entry may say that it can aggravate a condition of a small, documented vocabulary
(reading/models.py `Condition`; the README's "Cautions" says what each covers), with the
reason for the clinician and the references behind it. When one of those conditions is
in the program, the match is on the handout's card (handout/assemble.py); `build`
tells the clinician on the terminal, and the clinician's copy prints it on the card.
The patient's copy says nothing of it: a clinician who wants the patient to know writes
the exercise's `note:`. With `--strict` a match is an error instead.
"""

from __future__ import annotations

from ..errors import InvalidInput
from ..reading.models import Condition, Program
from ..reading.yamlio import Document
from .assemble import Card, Handout
from .words import Words, words_for


def condition_name(words: Words, condition: Condition) -> str:
    """The condition in words, in the handout's language (English on the terminal)."""
    names = {
        "gluteal-tendinopathy": words._("gluteal tendinopathy"),
        "recent-hip-replacement": words._("recent hip replacement"),
        "pregnancy": words._("pregnancy"),
    }
    return names[condition]


def matches(handout: Handout) -> list[tuple[Card, int]]:
    """Each card with a caution for one of the patient's conditions, with the caution's index."""
    return [(card, i) for card in handout.cards for i in range(len(card.cautions))]


def notes(handout: Handout) -> list[str]:
    """A line for the clinician for each match, naming the exercise, the condition and the reason."""
    english = words_for("en")
    return [f"{card.exercise.name} ({card.exercise.id}): a caution for {condition_name(english, card.cautions[i].condition)}, "
            f"one of this patient's conditions: {card.cautions[i].reason}" for card, i in matches(handout)]


def refuse(handout: Handout, program: Program, where: Document) -> None:
    """--strict: a match is an error, in one line at the first exercise that has one."""
    found = matches(handout)
    if not found:
        return
    card, i = found[0]
    index = next(n for n, item in enumerate(program.exercises) if item.id == card.exercise.id)
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    message = (f"{card.exercise.name} ({card.exercise.id}): a caution for "
               f"{condition_name(words_for('en'), card.cautions[i].condition)}, one of this patient's conditions{more}: "
               f"{card.cautions[i].reason.rstrip('.')} (choose another exercise, or build without --strict)")
    raise InvalidInput([where.problem(("exercises", index, "id"), message)])
