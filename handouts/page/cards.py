"""One exercise card as flowables, kept whole on one page, in the template's arrangement.

A card reads top to bottom as a patient does the exercise: its name and what it is for;
the Start and Finish pictures with the whole dose; the numbered steps; where to feel it
and when to stop, beside the mistakes to avoid; the easier and harder versions; the
clinician's note; and, quietly at its foot, the numbers of the references behind it.
Nothing is said twice, so nothing can disagree. The template's `card_layout` arranges it:

- columns (standard): the pictures beside the dose box, then the rest across the page;
  where to feel it, the versions line, the note and the sources may fill the room a
  shorter column leaves (under the dose box, or under half of the last row) rather
  than take lines of their own (two cards fit a Letter page only so);
- stacked (large print): the pictures, the dose box in two columns, then the rest;
- compact: small pictures beside the dose in a line and the stop rule, then the steps
  and the mistakes in a line: three cards a page; the versions line, the note and the
  sources under or beside the pictures when they leave the room;
- line (one page): the pictures beside the name and the whole dose in one run of words,
  and the versions; no steps: the reminder a patient pins up, with the week's log.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..handout import wording
from ..handout.assemble import Card, Handout
from .blocks import columns, rule, stacked_height
from .card_parts import (
    GUTTER,
    clinician_notes,
    dosage_box,
    dose_line,
    feel,
    feel_stop_and_mistakes,
    heading,
    mistakes,
    mistakes_line,
    more,
    steps,
    stop,
    to_ask_about,
    two_columns,
)
from .illustrations import illustration_flowables, picture_width, prints_caption
from .markup import keep_together, no_short_last_line, para
from .paragraphs import Para
from .styles import Styles

DOSE_MIN_EMS = 12  # the narrowest dose box beside a picture: "Rest: 1 minute between sets" on two lines


def card_flowables(card: Card, handout: Handout, s: Styles, width: float, frame_height: float, *, dense: bool = False) -> list[Flowable]:
    """The card as one block that never splits, then (clinician's copy) its evidence notes as a second block."""
    return [KeepTogether(card_content(card, handout, s, width, frame_height, dense=dense)), *notes_blocks(card, handout, s, width)]


def card_content(card: Card, handout: Handout, s: Styles, width: float, frame_height: float, *, dense: bool = False) -> list[Flowable]:
    """The card's flowables, kept together.

    Of each set of arrangements the layout offers, the first (the plainest: each part
    where every card has it) that takes no more than the card's share of a page is
    taken, else the shortest; `dense`: the shortest. The next set (smaller pictures) is
    tried only when none of a set fits a page. The layout asks for dense cards only when
    a plain card would take more than its share (two cards on a Letter page): elsewhere
    every card reads in the plain order."""
    layout = handout.template.card_layout
    share = 0.0 if dense else card_share(handout, frame_height)
    for choices in ARRANGEMENTS[layout]:
        made = []
        for arrange, scale in choices:
            # the room between cards is the heading's space before, which a page's top drops
            content = [*arrange(card, handout, s, width, scale), Spacer(1, s.body.fontSize * 0.25), rule(handout, width)]
            tall = stacked_height(content[1:], width, frame_height)  # (content[0]: the bookmark, of no height)
            if tall <= share:
                return content
            made.append((tall, content))
        tall, content = min(made, key=lambda pair: pair[0])
        if tall <= frame_height:  # (the heading's space before: dropped at a page's top)
            break
    return content


def card_share(handout: Handout, frame_height: float) -> float:
    """How much of a page a card may take, for its layout's cards a page to fit."""
    return frame_height / CARDS_A_PAGE[handout.template.card_layout]


def notes_blocks(card: Card, handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """The clinician's evidence notes for the card, as a block of their own (none in the patient's copy)."""
    notes = clinician_notes(card, handout, s) if handout.audience == "clinician" else []
    # a block of its own, so that it never pushes a patient's card onto two pages
    return [KeepTogether([*notes, Spacer(1, 4), rule(handout, width)])] if notes else []


def _columns(card: Card, handout: Handout, s: Styles, width: float, scale: float) -> list[Flowable]:
    return _columns_with(card, handout, s, width, scale, Fill())


def _columns_tucked(card: Card, handout: Handout, s: Styles, width: float, scale: float) -> list[Flowable]:
    """As _columns, with the mistakes under the pictures: the shorter card when the pictures
    are shorter than the dose beside them (a body lying down)."""
    return _columns_with(card, handout, s, width, scale, Fill(tucked=True))


class Fill(NamedTuple):
    """Where a columns card puts what may fill the room a shorter column leaves."""

    tucked: bool = False  # the mistakes under the pictures, else beside where to feel it and when to stop
    feel: bool = False  # where to feel it under the dose box, else in the last row
    foot: str = ""  # the versions line and the clinician's note: "" on lines of their own, across the
    # card; "dose" under the dose box; "left" or "right" under that column of the last row
    caption: str = ""  # the picture's caption: "under" it, "beside" it under the dose box (in
    # the room standing figures' tall frames leave there), or "" none (large print always has it)


def _columns_with(card: Card, handout: Handout, s: Styles, width: float, scale: float, fill: Fill = Fill()) -> list[Flowable]:
    """The pictures beside the dose box, the steps, then where to feel it and when to stop
    beside the mistakes, then the foot; what `fill` names in the room a shorter column leaves."""
    always = prints_caption(handout.template)
    cue = card.illustration.caption if card.illustration and fill.caption == "beside" and not always else None
    # beside, a point under the box: the room there is what the taller pictures leave, often just a line
    beside = [dosage_box, *([lambda c, h, st, w: [Spacer(1, 1.0), Para(para(cue), st.caption)]] if cue else []),
              *([lambda c, h, st, w: feel(c, h, st)] if fill.feel else []), *([more] if fill.foot == "dose" else [])]
    pictures = _beside_pictures(card, handout, s, width, scale, beside, caption=fill.caption == "under" or always,
                                under=(lambda w: mistakes(card, handout, s)) if fill.tucked else None)
    feeling = [] if fill.feel else [feel(card, handout, s)]
    if fill.tucked:
        left, right = feeling, [stop(card, handout, s)]
    else:
        left, right = [*feeling, stop(card, handout, s)], mistakes(card, handout, s)
    if not left:  # the stop rule alone, across the card
        last, foot_apart = right, fill.foot != "dose"
    else:
        then = (lambda w: more(card, handout, s, w)) if fill.foot in ("left", "right") else None
        last, foot_apart = two_columns(card, handout, s, width, left, right, under=fill.foot, then=then), not fill.foot
    return [*heading(card, handout, s, width=width), _gap(s), *pictures, _gap(s), *steps(card, s), *last,
            *(more(card, handout, s, width) if foot_apart else [])]


def _stacked(card: Card, handout: Handout, s: Styles, width: float, scale: float) -> list[Flowable]:
    pictures = illustration_flowables(card, handout, s, scale=scale)
    return [*heading(card, handout, s, width=width), _gap(s), *pictures, _gap(s), dosage_box(card, handout, s, width, across=2), _gap(s),
            *steps(card, s), *feel_stop_and_mistakes(card, handout, s, width), *more(card, handout, s, width)]


def _compact(card: Card, handout: Handout, s: Styles, width: float, scale: float, foot: str = "") -> list[Flowable]:
    """The pictures beside the dose in a line and the stop rule, the steps, the mistakes in a
    line, then the foot (the versions line, the sources and the note): on lines of its own,
    or, by `foot`, in the room a shorter column leaves: under the pictures ("under") or
    beside them ("beside")."""
    beside = [lambda c, h, st, w: dose_line(c, h, st), lambda c, h, st, w: stop(c, h, st), *([more] if foot == "beside" else [])]
    return [*heading(card, handout, s, feel=True, width=width), *_compact_pictures(card, handout, s, width, scale, beside, foot),
            _gap(s), *steps(card, s), mistakes_line(card, handout, s), *(more(card, handout, s, width) if not foot else [])]


def _compact_tucked(card: Card, handout: Handout, s: Styles, width: float, scale: float, foot: str = "") -> list[Flowable]:
    """As _compact, with the mistakes beside the pictures too: the shorter card when the
    pictures are taller than the dose beside them (a body standing up)."""
    beside = [lambda c, h, st, w: dose_line(c, h, st), lambda c, h, st, w: stop(c, h, st),
              lambda c, h, st, w: mistakes_line(c, h, st), *([more] if foot == "beside" else [])]
    return [*heading(card, handout, s, feel=True, width=width), *_compact_pictures(card, handout, s, width, scale, beside, foot),
            _gap(s), *steps(card, s), *(more(card, handout, s, width) if not foot else [])]


def _compact_pictures(card: Card, handout: Handout, s: Styles, width: float, scale: float, beside, foot: str) -> list[Flowable]:
    under = (lambda w: more(card, handout, s, w)) if foot == "under" else None
    return _beside_pictures(card, handout, s, width, scale, beside, caption=False, under=under)


def _line(card: Card, handout: Handout, s: Styles, width: float, scale: float) -> list[Flowable]:
    """Its pictures, then its name and whole dose in one run of words, and its versions."""
    bookmark, name = heading(card, handout, s, purpose=False)
    words = handout.words
    text = wording.one_line(words, card.dosage, card.exercise.works) or words._("as shown by your clinician")
    # "5 / días", or "Banda / elástica suave", read as fragments: a short part of the dose
    # stays whole, a longer one keeps its numbers with their words (as in the dose box), and
    # the dot between two parts ends a line rather than starting the next
    parts = [part.replace(" ", "\xa0") if len(part) <= 24 else keep_together(part) for part in text.split("  ·  ")]
    text = no_short_last_line("\xa0· ".join(parts))
    line = Para(f"<b>{name.text}</b>&nbsp;&nbsp; {para(text)}", s.body)
    plain = [bookmark, *_beside_pictures(card, handout, s, width, scale, [lambda c, h, st, w: line, _versions_and_note], caption=False)]
    # the picture's caption says what to do in a line ("Hold the rail. Let the free hip drop,
    # then lift it."; without it the sheet has no step, PEMAT-P item 22), where the room
    # beside the pictures holds it: six exercises must still fit the sheet
    cue = card.illustration.caption if card.illustration else None
    if not cue:
        return plain
    how = [lambda c, h, st, w: line, lambda c, h, st, w: Para(para(cue), st.body), _versions_and_note]
    cued = [bookmark, *_beside_pictures(card, handout, s, width, scale, how, caption=False)]
    return cued if stacked_height(cued[1:], width, 1e6) <= stacked_height(plain[1:], width, 1e6) + 0.5 else plain


def _versions_and_note(card: Card, handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """The easier and harder versions and the clinician's note ("Hold the rail the whole
    time" is as much a part of the exercise as its dose), without the sources (the one-page
    sheet has no references)."""
    return more(card, handout, s, width, sources=False)


def _beside_pictures(card: Card, handout: Handout, s: Styles, width: float, scale: float, parts, *,
                     caption: bool = True, under=None) -> list[Flowable]:
    """The pictures (and `under(width)` below them) with `parts` (each made for the width
    left) beside them; below them when beside would squeeze the words into a column a few
    words wide."""
    pictures = illustration_flowables(card, handout, s, scale=scale, caption=caption)
    if not pictures:
        return [*(under(width) if under else []), *_made(parts, card, handout, s, width)]
    # as wide as they are drawn (a lying figure's: wider); words in their place, as two frames
    drawn = getattr(pictures[0], "frames_width", picture_width(handout) * scale)
    room = width - min(drawn, width) - GUTTER
    if room < DOSE_MIN_EMS * s.body.fontSize:
        return [*pictures, *(under(width) if under else []), _gap(s), *_made(parts, card, handout, s, width)]
    left = [*pictures, *(under(width - room - GUTTER) if under else [])]
    return [columns(left, _made(parts, card, handout, s, room), width - room, width, GUTTER)]


def _made(parts, card: Card, handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """Each part made for `width`: a flowable, or a list of them."""
    out: list[Flowable] = []
    for part in parts:
        made = part(card, handout, s, width)
        out += made if isinstance(made, list) else [made]
    return out


def _gap(s: Styles) -> Flowable:
    return Spacer(1, s.body.fontSize * 0.25)


# Every way of filling a columns card's room, the plain two first (of two as short, the first is taken)
# each with the picture's caption (the guidelines' card has one) under the pictures, then beside
# them under the dose box, then without it: two cards fit a page only so where a standing
# figure's tall frames leave no room under them (PEMAT-P item 17: a picture without its
# caption, in the standard layout, was scored down)
FILLS = [Fill(tucked, feel_, foot, caption) for feel_ in (False, True) for foot in ("", "dose", "left", "right")
         for tucked in (False, True) for caption in ("under", "beside", "")]


# How many cards each layout means to print on a page: what a card's share of it is.
CARDS_A_PAGE = {"columns": 2, "stacked": 1, "compact": 3, "line": 6}

# The arrangements each layout tries: the first of a set that takes no more than its share
# of a page, else the shortest of the set, and the next set only when
# none fits a page. A card too tall for a page has smaller pictures, and at last its dose
# beside them, never smaller words (large print needs it for its longest cards).
ARRANGEMENTS = {
    "columns": [[(partial(_columns_with, fill=fill), scale) for fill in FILLS] for scale in (1.0, 0.9, 0.8)],
    "stacked": [[(_stacked, 1.0)], [(_stacked, 0.9)], [(_stacked, 0.8)],
                *[[(_columns, scale), (_columns_tucked, scale)] for scale in (0.8, 0.7)]],
    "compact": [[(partial(arrange, foot=foot), scale) for foot in ("", "under", "beside") for arrange in (_compact, _compact_tucked)]
                for scale in (1.0, 0.9)],
    "line": [[(_line, 1.0)]],
}
