"""What changed since the last visit: two resolved handouts compared, in the patient's words.

The comparison is of what each handout tells the patient, after each exercise's dose is
applied (the entry's dose with the program's changes), so a dose the program no longer
changes, and so is the entry's default again, shows as the numbers the patient now
does. It is a pure function of two handouts: `build --since` makes both from one
library, and a roster can call it the same way. Each part of a dose is compared as the
words the handout prints for it (handout/wording.py), so a change that prints the same
(a rest time with one set) is no change to the patient.

Exercises are matched by id and side first, then by id alone, so that an exercise done
on another side now is a change of side, not one stopped and one added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from . import wording
from .assemble import Card, Handout
from .words import Words

Aspect = Literal["amount", "hold", "rest", "often", "side", "load"]
# the order of the box's dose lines: the number of times and the leg first, so that they
# show when page 1 has no room for every change
FIRST: tuple[Aspect, ...] = ("amount", "side", "often", "hold", "rest", "load")


@dataclass(frozen=True)
class DoseChange:
    """One part of one exercise's dose, as the handout words it now and as it did."""

    name: str  # the exercise's name, in the new handout
    aspect: Aspect
    now: str | None  # None: this part is not in the dose any more
    was: str | None  # None: it is new


@dataclass(frozen=True)
class Changes:
    added: tuple[Card, ...] = ()  # cards of the new handout
    stopped: tuple[Card, ...] = ()  # cards of the old one
    doses: tuple[DoseChange, ...] = ()

    @property
    def none(self) -> bool:
        return not (self.added or self.stopped or self.doses)


def compare(old: Handout, new: Handout) -> Changes:
    """What changed from `old` to `new`, in the words of `new` (make both in its language)."""
    pairs, added, stopped = _matched(old.cards, new.cards)
    doses = []
    for was, now in pairs:
        before, after = _aspects(new.words, was), _aspects(new.words, now)
        doses += [DoseChange(now.exercise.name, aspect, after[aspect], before[aspect])
                  for aspect in after if after[aspect] != before[aspect]]
    return Changes(tuple(added), tuple(stopped), tuple(doses))


def _matched(old: tuple[Card, ...], new: tuple[Card, ...]) -> tuple[list[tuple[Card, Card]], list[Card], list[Card]]:
    """(old, new) pairs, the new cards without a pair, the old cards without a pair."""
    waiting = list(old)
    pairs: dict[int, Card] = {}  # new card's number -> its old card
    for same in (lambda a, b: (a.exercise.id, a.dosage.side) == (b.exercise.id, b.dosage.side),
                 lambda a, b: a.exercise.id == b.exercise.id):
        for card in new:
            if card.number in pairs:
                continue
            match = next((was for was in waiting if same(was, card)), None)
            if match is not None:
                pairs[card.number] = match
                waiting.remove(match)
    matched = [(pairs[card.number], card) for card in new if card.number in pairs]
    return matched, [card for card in new if card.number not in pairs], waiting


def _aspects(words: Words, card: Card) -> dict[Aspect, str | None]:
    """Each part of the card's dose in the words its dose box prints (the side in short)."""
    dosage = card.dosage
    return {
        "amount": wording.amount(words, dosage),
        "hold": wording.hold(words, dosage),
        "rest": _lower_first(wording.rest(words, dosage)),
        "often": _lower_first(wording.how_often(words, dosage)),
        "side": wording.side_short(words, dosage.side),
        "load": dosage.load,
    }


def _lower_first(text: str | None) -> str | None:
    """A phrase that starts a line on the card, inside a sentence here ("now once a day")."""
    return text[:1].lower() + text[1:] if text else text


def _leads(words: Words) -> dict[Aspect, Callable[[str], str]]:
    return {
        "amount": lambda name: words._("{name}:", name=name),
        "hold": lambda name: words._("{name}, hold:", name=name),
        "rest": lambda name: words._("{name}, rest:", name=name),
        "often": lambda name: words._("{name}, how often:", name=name),
        "side": lambda name: words._("{name}, which leg:", name=name),
        "load": lambda name: words._("{name}, weight or band:", name=name),
    }


def lines(words: Words, changes: Changes) -> list[tuple[str, str]]:
    """The box's lines as (bold lead, text): the exercises stopped (which no card shows),
    those added, then each part of a dose that changed, the number of times and the leg
    first. Empty when nothing changed. The layout shows as many as page 1 has room for,
    and then `more`."""
    found: list[tuple[str, str]] = []
    if changes.stopped:
        names = words._(", ").join(_named(words, card) for card in changes.stopped)
        found.append((words._("Stop doing:"), words._("{names}.", names=names)))
    if changes.added:
        names = words._(", ").join(_named(words, card) for card in changes.added)
        found.append((words.ngettext("New exercise:", "New exercises:", len(changes.added)), words._("{names}.", names=names)))
    leads = _leads(words)
    for change in sorted(changes.doses, key=lambda change: FIRST.index(change.aspect)):
        if change.now is None:
            text = words._("none now, was {was}.", was=change.was)
        elif change.was is None:
            text = words._("now {now} (new).", now=change.now)
        else:
            text = words._("now {now}, was {was}.", now=change.now, was=change.was)
        found.append((leads[change.aspect](change.name), text))
    return found


def more(words: Words, hidden: int) -> str:
    """The line in place of the last `hidden` lines: new exercises and doses, which the cards show."""
    return words.ngettext("And {n} more change: see the exercises below.", "And {n} more changes: see the exercises below.", hidden)


def _named(words: Words, card: Card) -> str:
    """The exercise's name, with the leg when it is one side only: the same exercise may be
    listed for each leg."""
    leg = wording.leg(words, card.dosage.side, card.exercise.works)
    return words._("{name} ({leg})", name=card.exercise.name, leg=leg) if leg else card.exercise.name
