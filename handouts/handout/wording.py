"""A dose in the words a patient reads: "12 times in a row, 3 sets", which leg works.

One way to write each thing, everywhere it prints (the dose box, the one-page line, the
log): durations as "1 minute 30 seconds"; "times", not "reps"; no rest between sets
when there is one set; a side said as the leg that works and, where the position
depends on it, the side to lie or stand on. Every word comes from the catalogue.
"""

from __future__ import annotations

import math

from ..reading.models import Dosage
from .words import Words


def duration(words: Words, seconds: int) -> str:
    """'30 seconds', '2 minutes', '1 minute 30 seconds'."""
    whole, rest = divmod(seconds, 60)
    minutes = words.ngettext("{n} minute", "{n} minutes", whole) if whole else ""
    secs = words.ngettext("{n} second", "{n} seconds", rest) if rest or not whole else ""
    if minutes and secs:
        return words._("{minutes} {seconds}", minutes=minutes, seconds=secs)
    return minutes or secs


def amount(words: Words, dosage: Dosage) -> str | None:
    """'12 times in a row, 3 sets', '10 steps each way, 2 sets', '12 times', or None."""
    reps = _reps(words, dosage)
    if reps and dosage.sets and dosage.sets > 1:
        return words.ngettext("{reps} in a row, {n} set", "{reps} in a row, {n} sets", dosage.sets, reps=reps)
    if reps:
        return reps
    if dosage.sets:
        return words.ngettext("{n} set", "{n} sets", dosage.sets)
    return None


def _reps(words: Words, dosage: Dosage) -> str | None:
    """'12 times', '10 steps each way', or None."""
    if not dosage.reps:
        return None
    return (words._("{n} {unit}", n=dosage.reps, unit=dosage.reps_unit) if dosage.reps_unit
            else words.ngettext("{n} time", "{n} times", dosage.reps))


def hold(words: Words, dosage: Dosage) -> str | None:
    """'1 minute 30 seconds each time', or None."""
    return words._("{time} each time", time=duration(words, dosage.hold_seconds)) if dosage.hold_seconds else None


def rest(words: Words, dosage: Dosage) -> str | None:
    """'1 minute between sets', 'No rest needed between sets'; None with one set, which has no rest."""
    if dosage.rest_seconds is None or (dosage.sets or 1) <= 1:
        return None
    if dosage.rest_seconds == 0:
        return words._("No rest needed between sets")
    return words._("{time} between sets", time=duration(words, dosage.rest_seconds))


def how_often(words: Words, dosage: Dosage) -> str | None:
    """'once a day, 5 days a week', 'every day': after a label's colon (one_line capitalises
    each part it joins)."""
    parts = []
    if dosage.times_per_day:
        # "once" and "twice" are words of their own, not plural forms of "times"
        per_day = {1: words._("Once a day"), 2: words._("Twice a day")}
        parts.append(per_day.get(dosage.times_per_day) or words._("{n} times a day", n=dosage.times_per_day))
    if dosage.days_per_week:
        parts.append(words._("every day") if dosage.days_per_week == 7
                     else words.ngettext("{n} day a week", "{n} days a week", dosage.days_per_week))
    if not parts:
        return None
    text = words._("{first}, {second}", first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]
    return text[:1].lower() + text[1:]


def side(words: Words, chosen: str | None, works: str | None, sets: int = 1) -> str | None:
    """The side in words that cannot be read the wrong way round: which leg does the work,
    by how the exercise uses its legs (`works`), and where the position depends on it,
    which side to lie or stand on. Short, so that it stays one line in the dose box."""
    if chosen is None:
        return None
    if chosen in ("left", "right"):
        leg, other = (words._("left"), words._("right")) if chosen == "left" else (words._("right"), words._("left"))
        if works == "top-leg":
            return words._("Your {leg} leg. Lie on your {other} side.", leg=leg, other=other)
        if works == "standing-leg":
            return words._("Your {leg} leg. Stand on it.", leg=leg)
        if works == "moving-leg":
            return words._("Your {leg} leg moves. Stand on your {other}.", leg=leg, other=other)
        return words._("Your {leg} leg only.", leg=leg)
    if chosen == "each":  # the number of sets per leg: "each leg does all the sets" was read as 3 in all, or 6;
        # (a dose of one set names none: "all the sets" would ask which)
        # and when to change legs (reviewers found no step that said so), the number said for each
        # leg ("3 sets, then the other" beside "How many: 3 sets" read as two counts): lying, turning over
        if sets > 1 and works == "top-leg":
            return words.ngettext("{n} set on one side, then {n} on the other.", "{n} sets on one side, then {n} on the other.", sets)
        if sets > 1 and works in ("standing-leg", "moving-leg"):
            return words.ngettext("{n} set with one leg, then {n} with the other.", "{n} sets with one leg, then {n} with the other.", sets)
        return (words.ngettext("{n} set with each leg.", "{n} sets with each leg.", sets) if sets > 1
                else words._("Each leg does them all."))
    if works == "legs-in-turn":
        return words._("Both legs, taking turns.")
    return words._("Both legs at the same time.")


def side_short(words: Words, chosen: str | None) -> str | None:
    """The side in a few words that fit inside a sentence, where the dose box's full
    sentence would not ("now each leg, was your left leg only"): what changed since the
    last visit."""
    if chosen == "left":
        return words._("your left leg only")
    if chosen == "right":
        return words._("your right leg only")
    if chosen == "each":
        return words._("each leg")
    if chosen == "both":
        return words._("both legs")
    return None


def leg(words: Words, chosen: str | None, works: str | None = None) -> str | None:
    """The log's short note of a side that is not both: 'left leg', or for an exercise that
    works the leg stood on, 'stand on left leg' ("Hip drop (right leg)" was read as the hip
    to drop)."""
    if works == "standing-leg" and chosen in ("left", "right"):
        return words._("stand on left leg") if chosen == "left" else words._("stand on right leg")
    if chosen == "left":
        return words._("left leg")
    if chosen == "right":
        return words._("right leg")
    return None


def rows(words: Words, dosage: Dosage, works: str | None) -> list[tuple[str, str]]:
    """The dose box: every field that is set, as (label, words)."""
    found: list[tuple[str, str]] = []
    what = amount(words, dosage)
    if what:
        found.append((words._("How many"), what))
    held = hold(words, dosage)
    if held:
        found.append((words._("Hold"), held))
    rested = rest(words, dosage)
    if rested:
        found.append((words._("Rest"), rested))
    often = how_often(words, dosage)
    if often:
        found.append((words._("How often"), often))
    sides = side(words, dosage.side, works, dosage.sets or 1)
    if sides:
        found.append((words._("Which leg"), sides))
    if dosage.load:
        found.append((words._("Weight or band"), dosage.load))
    return found


def one_line(words: Words, dosage: Dosage, works: str | None) -> str:
    """The whole dose in one line, for the compact and one-page layouts: "12 times in a
    row, 3 sets · Hold 1 second each time · Rest 1 minute between sets · ..."."""
    each_leg = dosage.side == "each" and bool(dosage.reps) and (dosage.sets or 1) > 1
    # the sets per leg said once, with the count they are sets of: "3 sets" at the start and
    # "3 sets with each leg" at the end was read as 3 in all or 6
    parts = [words.ngettext("{reps} in a row, {n} set with each leg", "{reps} in a row, {n} sets with each leg",
                            dosage.sets or 1, reps=_reps(words, dosage)) if each_leg else amount(words, dosage)]
    if dosage.hold_seconds:
        parts.append(words._("Hold {time} each time", time=duration(words, dosage.hold_seconds)))
    if dosage.rest_seconds is not None and (dosage.sets or 1) > 1:
        parts.append(words._("No rest needed between sets") if dosage.rest_seconds == 0
                     else words._("Rest {time} between sets", time=duration(words, dosage.rest_seconds)))
    parts += [how_often(words, dosage), None if each_leg else side(words, dosage.side, works, dosage.sets or 1), dosage.load]
    found = [part.rstrip(".") for part in parts if part]
    return "  ·  ".join(part[:1].upper() + part[1:] for part in found)


def minutes(dosage: Dosage) -> int:
    """A rough, generous estimate of one session of this exercise, in whole minutes.

    A rep is 3 seconds of movement plus its hold; a dose that gives a hold and no count
    is one hold a set (a 60-second plank), not ten; rest comes between sets; each side
    done in turn doubles it all.
    """
    sets = dosage.sets or 1
    reps = dosage.reps or (1 if dosage.hold_seconds else 10)
    per_rep = 3 + (dosage.hold_seconds or 0)
    rest = 30 if dosage.rest_seconds is None else dosage.rest_seconds  # 0 is no rest, not the default
    work = sets * reps * per_rep + max(sets - 1, 0) * rest
    if dosage.side == "each":
        work *= 2
    return max(1, math.ceil(work / 60))
