"""Dosage and dates in the words a patient reads: "3 sets of 12, each side"."""

from __future__ import annotations

import datetime as dt
import math

from ..reading.models import Dosage

_TIMES = {1: "Once a day", 2: "Twice a day"}
_SIDES = {
    "each": "Each side: do all sets on one side, then the other",
    "both": "Both sides at the same time",
    "left": "Left side only",
    "right": "Right side only",
}
_SHORT_SIDES = {"each": "each side", "both": "both sides together", "left": "left side only", "right": "right side only"}


def seconds(value: int) -> str:
    if value >= 60 and value % 60 == 0:
        minutes = value // 60
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    if value > 60:
        return f"{value // 60} min {value % 60} s"
    return "1 second" if value == 1 else f"{value} seconds"


def amount(dosage: Dosage) -> str | None:
    """'3 sets of 12' or '2 sets of 10 steps each way', or None when neither is set."""
    reps = None
    if dosage.reps:
        reps = f"{dosage.reps} {dosage.reps_unit}" if dosage.reps_unit else str(dosage.reps)
    if dosage.sets and reps:
        return f"{'1 set' if dosage.sets == 1 else f'{dosage.sets} sets'} of {reps}"
    if dosage.sets:
        return "1 set" if dosage.sets == 1 else f"{dosage.sets} sets"
    if reps:
        return f"{reps} times" if not dosage.reps_unit else reps
    return None


def summary(dosage: Dosage) -> str:
    """The one line under a card's name: '3 sets of 12, each side'."""
    parts = [p for p in (amount(dosage), _SHORT_SIDES.get(dosage.side or "")) if p]
    if dosage.hold_seconds and dosage.hold_seconds > 1:
        parts.append(f"hold {seconds(dosage.hold_seconds)}")
    return ", ".join(parts)


def rows(dosage: Dosage) -> list[tuple[str, str]]:
    """The dosage box: every field that is set, as (label, words)."""
    found: list[tuple[str, str]] = []
    what = amount(dosage)
    if what:
        found.append(("How many", what))
    if dosage.hold_seconds:
        found.append(("Hold", f"{seconds(dosage.hold_seconds)} each time"))
    if dosage.rest_seconds is not None:
        found.append(("Rest", "No rest needed between sets" if dosage.rest_seconds == 0 else f"{seconds(dosage.rest_seconds)} between sets"))
    often = []
    if dosage.times_per_day:
        often.append(_TIMES.get(dosage.times_per_day, f"{dosage.times_per_day} times a day"))
    if dosage.days_per_week:
        often.append("every day" if dosage.days_per_week == 7 else f"{dosage.days_per_week} days a week")
    if often:
        found.append(("How often", ", ".join(often).capitalize()))
    if dosage.side:
        found.append(("Side", _SIDES[dosage.side]))
    if dosage.load:
        found.append(("Weight or band", dosage.load))
    return found


def minutes(dosage: Dosage) -> int:
    """A rough, generous estimate of one session of this exercise, in whole minutes."""
    sets, reps = dosage.sets or 1, dosage.reps or 10
    per_rep = 3 + (dosage.hold_seconds or 0)
    work = sets * reps * per_rep + max(sets - 1, 0) * (dosage.rest_seconds or 30)
    if dosage.side == "each":
        work *= 2
    return max(1, math.ceil(work / 60))


def long_date(day: dt.date) -> str:
    """'21 November 2026': no numeric form that reads differently in the US and Europe."""
    return f"{day.day} {day.strftime('%B')} {day.year}"
