"""One exercise card as flowables: name, picture, dose, steps, what to feel, mistakes,
when to stop, and the clinician's notes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..handout import wording
from ..handout.assemble import Card, Handout
from ..handout.credit import credit
from .blocks import Bookmark, MeasuredTable, boxed, columns, rule, stacked_height
from .illustrations import illustration_flowables
from .markup import para
from .paragraphs import Para
from .qr import video_flowables
from .styles import Styles

DOSE_MIN_EMS = 12  # the narrowest dose box beside a picture: "Rest: 1 minute between sets" on two lines


def card_flowables(card: Card, handout: Handout, s: Styles, width: float, frame_height: float) -> list[Flowable]:
    """One exercise card: kept on one page, or in two named halves when longer than a page."""
    exercise = card.exercise
    markers = f' <super>{",".join(str(n) for n in card.citations)}</super>' if card.citations else ""
    title = Para(f"{card.number}. {para(exercise.name)}{markers}", s.heading)
    purpose = Para(para(exercise.purpose), s.body)
    dose_line = wording.amount(handout.words, card.dosage)
    dose_para = Para(f"<b>{para(dose_line)}</b>", s.body) if dose_line else Spacer(1, 0)
    head: list[Flowable] = [Bookmark(f"exercise-{card.number}", f"{card.number}. {exercise.name}"), title, purpose, dose_para, Spacer(1, 6)]

    picture_width = handout.template.picture_width_mm * mm
    picture = illustration_flowables(card, picture_width, s, greyscale=handout.template.greyscale_pictures)
    picture += video_flowables(card.video, handout.words, s, picture_width)  # the QR code under the picture
    gutter = 6 * mm
    body: list[Flowable] = []
    what_to_do: list[Flowable] = []
    safety: list[Flowable] = []
    if handout.template.card_layout == "columns":
        # picture and dose down the left, the words down the right
        left = picture + [Spacer(1, 6), dosage_box(card, handout, s, picture_width)]
        table = columns(left, steps(card, handout, s) + details(card, handout, s), picture_width + gutter, width, gutter)
        # A table row cannot run onto a second page; a card that long (very long steps)
        # is laid out stacked instead, which can.
        if table.wrap(width, frame_height)[1] < frame_height * 0.8:
            body = [table]
    if not body:
        # picture beside the dose, then the words across the whole width; the picture
        # above the dose when the dose would be squeezed into a column a few words wide
        beside = width - picture_width - gutter >= DOSE_MIN_EMS * s.body.fontSize
        if picture and beside:
            top = [columns(picture, [dosage_box(card, handout, s, width - picture_width - gutter)], picture_width + gutter, width, gutter)]
        else:
            top = [*picture, Spacer(1, 6), dosage_box(card, handout, s, width)] if picture else [dosage_box(card, handout, s, width)]
        what_to_do, safety = [*top, Spacer(1, 6), *steps(card, handout, s)], details(card, handout, s)
        body = what_to_do + safety

    notes = clinician_notes(card, handout, s) if handout.audience == "clinician" else []
    end = [Spacer(1, 4)] + ([] if notes else [rule(handout, width)])
    # The clinician's notes follow the card in a block of their own, so that they never
    # push a patient's card onto two pages.
    tail = [KeepTogether([*notes, Spacer(1, 4), rule(handout, width)])] if notes else []
    blocks = [[*head, *body, *end]]
    if len(body) > 1 and stacked_height([*head, *body], width, frame_height) > frame_height:
        # Too long for one page (large print, long steps): two whole halves, the second
        # named, rather than a break wherever the page happens to end.
        again = Para(para(handout.words._("{number}. {name} (continued)", number=card.number, name=exercise.name)), s.heading)
        blocks = [[*head, *what_to_do], [again, *safety, *end]]
    return [*(KeepTogether(block) for block in blocks), *tail, Spacer(1, 12)]


def steps(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Para(para(handout.words._("What to do")), s.bold)]
    for number, text in enumerate(card.exercise.steps, start=1):
        out.append(Para(para(text), s.step, bulletText=f"{number}."))
    return out


def details(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    exercise, words = card.exercise, handout.words
    out: list[Flowable] = [Para(para(words._("You should feel it")), s.label), Para(para(exercise.feel_it), s.body),
                           Para(para(words._("Avoid these mistakes")), s.label)]
    out += [Para(para(text), s.step, bulletText="•") for text in exercise.mistakes]
    out += [Para(para(words._("Stop and call us if")), s.label), Para(para(exercise.stop_if), s.body)]
    if card.note:
        out += [Para(para(words._("Note from your clinician")), s.label), Para(para(card.note), s.body)]
    return out


def dosage_box(card: Card, handout: Handout, s: Styles, width: float) -> Flowable:
    words = handout.words
    rows = [[Para(para(words._("Your dose")), s.bold)]]
    for label, text in wording.rows(words, card.dosage, card.exercise.works):
        rows.append([Para(f"<b>{para(words._('{label}:', label=label))}</b> {para(text)}", s.body)])
    if len(rows) == 1:
        rows.append([Para(para(words._("As shown by your clinician")), s.body)])
    box = MeasuredTable(rows, colWidths=[width], hAlign="LEFT")
    box.setStyle(boxed(handout))
    return box


def clinician_notes(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    words = handout.words
    notes = [(n, c.note) for n, c in zip(card.citations, card.exercise.citations) if c.note]
    out: list[Flowable] = []
    imported = credit(words, card)
    if notes or card.dosage.basis == "default" or imported:
        # named, since the notes may fall on the page after their card
        out.append(Para(para(words._("For the clinician: {number}. {name}", number=card.number, name=card.exercise.name)), s.label))
    if card.dosage.basis == "default":
        out.append(Para(para(words._("Dose: a conservative default; the sources give none.")), s.small))
    out += [Para(f"[{n}] {para(text)}", s.small) for n, text in notes]
    out += [Para(para(imported), s.small)] if imported else []
    return out
