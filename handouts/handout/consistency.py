"""Notes that contradict the handout they are printed on.

The key points are computed from the cards, so they cannot disagree with them; a note is
written by hand, and can. A note that says "3 days a week" when the cards say 5, or
"about 15 minutes" when the key points say 14, leaves the patient to guess which is
right: such a number is reported to the clinician at build time and by `handouts check`.
The patterns are per language, for the notes of a handout in that language.
"""

from __future__ import annotations

import re

import msgspec

from .assemble import Handout

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7}
NUMBER = r"(\d+|" + "|".join(WORDS) + r")"


class Claim(msgspec.Struct, frozen=True):
    """What a phrase in a note states: days a week, times a day, or minutes."""

    kind: str
    pattern: re.Pattern


CLAIMS = {
    "en": [Claim("days", re.compile(NUMBER + r"\s+days?\s+(a|per|each)\s+week", re.I)),
           Claim("every day", re.compile(r"\bevery\s+day\b", re.I)),
           Claim("times", re.compile(NUMBER + r"\s+times\s+(a|per|each)\s+day", re.I)),
           Claim("minutes", re.compile(NUMBER + r"\s+min(ute)?s?\b", re.I))],
    "es": [Claim("days", re.compile(NUMBER + r"\s+d[ií]as?\s+(a|por|cada)\s+(la\s+)?semana", re.I)),
           Claim("every day", re.compile(r"\btodos\s+los\s+d[ií]as\b", re.I)),
           Claim("times", re.compile(NUMBER + r"\s+veces?\s+(al|por|cada)\s+d[ií]a", re.I)),
           Claim("minutes", re.compile(NUMBER + r"\s+min(uto)?s?\b", re.I))],
}


def contradictions(handout: Handout) -> list[str]:
    """Each number in the handout's notes that its cards or key points do not have."""
    found = []
    days = {card.dosage.days_per_week or 7 for card in handout.cards}
    times = {card.dosage.times_per_day or 1 for card in handout.cards}
    notes = [("the program's note", handout.note, days, times)]
    notes += [(f"the note on exercise {card.number} ({card.exercise.id})", card.note,
               {card.dosage.days_per_week or 7}, {card.dosage.times_per_day or 1}) for card in handout.cards]
    for where, text, said_days, said_times in notes:
        # a frequency in a note holds for every card it speaks of
        for claim, value, phrase in _claims(text or "", handout.words.language):
            if claim == "days" and said_days != {value}:
                found.append(f"{where} says {phrase!r}, but the cards say {_days(said_days)}")
            elif claim == "every day" and said_days != {7}:
                found.append(f"{where} says {phrase!r}, but the cards say {_days(said_days)}")
            elif claim == "times" and said_times != {value}:
                found.append(f"{where} says {phrase!r}, but the cards say {', '.join(map(str, sorted(said_times)))} a day")
            elif claim == "minutes" and where == "the program's note" and value != handout.minutes:
                found.append(f"{where} says {phrase!r}, but the key points say about {handout.minutes} minutes")
    return found


def _claims(text: str, language: str):
    for claim in CLAIMS.get(language, []):
        for match in claim.pattern.finditer(text):
            number = match.group(1).lower() if match.groups() else None
            value = int(number) if number and number.isdigit() else WORDS.get(number or "")
            yield claim.kind, value, match.group(0)


def _days(days: set[int]) -> str:
    return " or ".join(f"{d} days a week" if d < 7 else "every day" for d in sorted(days))
