"""One exercise card as flowables: name, picture, dose, steps, what to feel, mistakes,
when to stop, and the clinician's notes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..handout import wording
from ..handout.assemble import Card, Handout
from .blocks import Bookmark, MeasuredTable, boxed, columns, rule, stacked_height
from .illustrations import illustration_flowables
from .markup import para
from .paragraphs import Para
from .styles import Styles

DOSE_MIN_EMS = 12  # the narrowest dose box beside a picture: "Rest: 1 minute between sets" on two lines
WORDS_MIN_EMS = 22  # the narrowest column of steps beside the picture (about 45 letters); narrower, the card is stacked


def card_flowables(card: Card, handout: Handout, s: Styles, width: float, frame_height: float) -> list[Flowable]:
    """One exercise card: kept on one page, or in two named halves when longer than a page."""
    exercise = card.exercise
    markers = f' <super>{",".join(str(n) for n in card.citations)}</super>' if card.citations else ""
    title = Para(f"{card.number}. {para(exercise.name)}{markers}", s.heading)
    purpose = Para(para(exercise.purpose), s.body)
    dose_line = wording.summary(card.dosage)
    dose_para = Para(f"<b>{para(dose_line)}</b>", s.body) if dose_line else Spacer(1, 0)
    head: list[Flowable] = [Bookmark(f"exercise-{card.number}", f"{card.number}. {exercise.name}"), title, purpose, dose_para, Spacer(1, 6)]

    picture = illustration_flowables(card, handout.template, s)
    picture_width = picture_width_of(picture, handout)
    gutter = 6 * mm
    body: list[Flowable] = []
    what_to_do: list[Flowable] = []
    safety: list[Flowable] = []
    # two frames side by side leave the steps too narrow a column beside them: the
    # picture then stands beside the dose, with the steps across the card below
    roomy = width - picture_width - gutter >= WORDS_MIN_EMS * s.body.fontSize
    if handout.template.card_layout == "columns" and roomy:
        # picture and dose down the left, the words down the right
        left = picture + [Spacer(1, 6), dosage_box(card, handout, s, picture_width)]
        table = columns(left, steps(card, s) + details(card, s), picture_width + gutter, width, gutter)
        # A table row cannot run onto a second page; a card that long (very long steps)
        # is laid out stacked instead, which can.
        if table.wrap(width, frame_height)[1] < frame_height * 0.8:
            body = [table]
    if not body:
        # picture beside the dose, then the words across the whole width; the picture
        # above the dose when the dose would be squeezed into a column a few words wide
        beside = width - picture_width - gutter >= DOSE_MIN_EMS * s.body.fontSize
        dose_later: list[Flowable] = []
        if picture and beside:
            top = [columns(picture, [dosage_box(card, handout, s, width - picture_width - gutter)], picture_width + gutter, width, gutter)]
        else:
            top = [*picture, Spacer(1, 6), dosage_box(card, handout, s, width)] if picture else [dosage_box(card, handout, s, width)]
            if picture and stacked_height([*head, *top, *steps(card, s)], width, frame_height) > frame_height:
                # large print: the picture, the dose box and the steps are more than a page;
                # the dose box (its summary is under the name) leads the second half instead
                top, dose_later = top[:-1], [top[-1], Spacer(1, 6)]
        what_to_do, safety = [*top, Spacer(1, 6), *steps(card, s)], [*dose_later, *details(card, s)]
        body = what_to_do + safety

    notes = clinician_notes(card, s) if handout.audience == "clinician" else []
    end = [Spacer(1, 4)] + ([] if notes else [rule(handout, width)])
    # The clinician's notes follow the card in a block of their own, so that they never
    # push a patient's card onto two pages.
    tail = [KeepTogether([*notes, Spacer(1, 4), rule(handout, width)])] if notes else []
    blocks = [[*head, *body, *end]]
    if len(body) > 1 and stacked_height([*head, *body], width, frame_height) > frame_height:
        # Too long for one page (large print, long steps): two whole halves, the second
        # named, rather than a break wherever the page happens to end.
        again = Para(f"{card.number}. {para(exercise.name)} (continued)", s.heading)
        blocks = [[*head, *what_to_do], [again, *safety, *end]]
    return [*(KeepTogether(block) for block in blocks), *tail, Spacer(1, 12)]


def picture_width_of(picture: list[Flowable], handout: Handout) -> float:
    """The width the card gives its picture (two frames, one photo, an overlay); without
    one, the width of one photo, for the dose box in its place."""
    widths = [f.width for f in picture if not isinstance(f, Para)]
    return max(widths) if widths else handout.template.picture_width_mm * mm


def steps(card: Card, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Para("What to do", s.bold)]
    for number, text in enumerate(card.exercise.steps, start=1):
        out.append(Para(para(text), s.step, bulletText=f"{number}."))
    return out


def details(card: Card, s: Styles) -> list[Flowable]:
    exercise = card.exercise
    out: list[Flowable] = [Para("You should feel it", s.label), Para(para(exercise.feel_it), s.body),
                           Para("Avoid these mistakes", s.label)]
    out += [Para(para(text), s.step, bulletText="•") for text in exercise.mistakes]
    out += [Para("Stop and call us if", s.label), Para(para(exercise.stop_if), s.body)]
    if card.note:
        out += [Para("Note from your clinician", s.label), Para(para(card.note), s.body)]
    return out


def dosage_box(card: Card, handout: Handout, s: Styles, width: float) -> Flowable:
    rows = [[Para("Your dose", s.bold)]]
    for label, words in wording.rows(card.dosage):
        rows.append([Para(f"<b>{label}:</b> {para(words)}", s.body)])
    if len(rows) == 1:
        rows.append([Para("As shown by your clinician", s.body)])
    box = MeasuredTable(rows, colWidths=[width], hAlign="LEFT")
    box.setStyle(boxed(handout))
    return box


def clinician_notes(card: Card, s: Styles) -> list[Flowable]:
    notes = [(n, c.note) for n, c in zip(card.citations, card.exercise.citations) if c.note]
    out: list[Flowable] = []
    if notes or card.dosage.basis == "default":
        # named, since the notes may fall on the page after their card
        out.append(Para(f"For the clinician: {card.number}. {para(card.exercise.name)}", s.label))
    if card.dosage.basis == "default":
        out.append(Para("Dose: a conservative default; the sources give none.", s.small))
    out += [Para(f"[{n}] {para(text)}", s.small) for n, text in notes]
    return out
