"""A handout as a list of ReportLab flowables. Nothing is written here.

Each section of the template becomes flowables in the template's order: a summary of
the whole program, the clinician's note, a check-off log, one card per exercise (kept on
one page, or in two named halves when longer than a page), and the references.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from . import wording
from .citations import ama
from .fonts import BODY
from .handout import Card, Handout
from .illustrations import illustration_flowables
from .markup import para
from .paragraphs import Para
from .styles import Styles, styles

DAYS = 7
DOSE_MIN_EMS = 12  # the narrowest dose box beside a picture: "Rest: 1 minute between sets" on two lines
LOGO_WIDTH, LOGO_HEIGHT = 45 * mm, 16 * mm


class Bookmark(Flowable):
    """An invisible mark that adds an outline entry (bookmark) where it is drawn."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class _Table(Table):
    """A Table measured once per width.

    ReportLab measures a table again on every wrap (our own fit check, a KeepTogether,
    the frame), each time wrapping every cell again. With every column's width given and
    no spanned cells, as in all of ours, its size depends on nothing but the width it is
    offered (ReportLab stops measuring a long table at the height offered only when rows
    are spanned), so a second measure at the same width is the first one's.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_measured_at") != availWidth:
            self._size = super().wrap(availWidth, availHeight)
            self._measured_at = availWidth
        return self._size


def handout_flowables(handout: Handout, frame_width: float, frame_height: float) -> list[Flowable]:
    s = styles(handout.template)
    story: list[Flowable] = header(handout, s, frame_width)
    for section in handout.template.sections:  # in the template's order
        if section == "summary":
            story += summary(handout, s, frame_width)
        elif section == "note" and handout.note:
            story += [Para("A note for you", s.heading), Para(para(handout.note), s.body), Spacer(1, 8)]
        elif section == "log" and handout.cards:
            story += log(handout, s, frame_width)
        elif section == "exercises":
            for card in handout.cards:
                story += card_flowables(card, handout, s, frame_width, frame_height)
        elif section == "references" and handout.references:
            story += references(handout, s)
    return story


def header(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if handout.clinic:
        name = Para(para(handout.clinic.name), s.clinic)
        logo = _logo(handout)
        if logo is None:
            out.append(name)
        else:
            row = _Table([[name, logo]], colWidths=[width - LOGO_WIDTH, LOGO_WIDTH])
            row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                     ("FONTNAME", (0, 0), (-1, -1), BODY)]))
            out.append(row)
    out.append(Para(para(handout.title), s.title))
    facts: list[tuple[str, bool]] = []  # (markup, shared)
    if handout.patient:
        # the one text that differs between the handouts of a batch: not kept for the next
        facts.append((f"<b>For:</b> {para(handout.patient)}", False))
    facts.append((f"<b>Date:</b> {wording.long_date(handout.date)}", True))
    if handout.clinician:
        facts.append((f"<b>From:</b> {para(handout.clinician)}", True))
    out += [Para(fact, s.body, shared=shared) for fact, shared in facts]
    out.append(Spacer(1, 6))
    return out


def _logo(handout: Handout) -> Flowable | None:
    clinic, source = handout.clinic, handout.clinic_source
    if clinic is None or not clinic.logo or source is None:
        return None
    from .pictures import prepare_picture, resolve_picture_path

    path = resolve_picture_path(clinic.logo, source, [source.parent])
    return prepare_picture(path, width_pt=LOGO_WIDTH, height_pt=LOGO_HEIGHT).flowable()


def summary(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    count = len(handout.cards)
    total = handout.minutes
    days = {card.dosage.days_per_week for card in handout.cards if card.dosage.days_per_week}
    lines = [f"<b>Your exercises:</b> {count} exercise{'s' if count != 1 else ''}, about {total} minutes in all each time."]
    if len(days) == 1:
        per_week = days.pop()
        lines.append("<b>How often:</b> " + ("every day." if per_week == 7 else f"{per_week} days a week."))
    lines.append("<b>Each exercise</b> has its own box with pictures and steps. Tick the log each day you do them.")
    box = _Table([[Para(line, s.body)] for line in lines], colWidths=[width])
    box.setStyle(_boxed(handout))
    return [box, Spacer(1, 10)]


def card_flowables(card: Card, handout: Handout, s: Styles, width: float, frame_height: float) -> list[Flowable]:
    """One exercise card: kept on one page, or in two named halves when longer than a page."""
    exercise = card.exercise
    markers = f' <super>{",".join(str(n) for n in card.citations)}</super>' if card.citations else ""
    title = Para(f"{card.number}. {para(exercise.name)}{markers}", s.heading)
    purpose = Para(para(exercise.purpose), s.body)
    dose_line = wording.summary(card.dosage)
    dose_para = Para(f"<b>{para(dose_line)}</b>", s.body) if dose_line else Spacer(1, 0)
    head: list[Flowable] = [Bookmark(f"exercise-{card.number}", f"{card.number}. {exercise.name}"), title, purpose, dose_para, Spacer(1, 6)]

    picture_width = handout.template.picture_width_mm * mm
    picture = illustration_flowables(card, picture_width, s, greyscale=handout.template.greyscale_pictures)
    gutter = 6 * mm
    body: list[Flowable] = []
    what_to_do: list[Flowable] = []
    safety: list[Flowable] = []
    if handout.template.card_layout == "columns":
        # picture and dose down the left, the words down the right
        left = picture + [Spacer(1, 6), dosage_box(card, handout, s, picture_width)]
        table = _columns(left, steps(card, s) + details(card, s), picture_width + gutter, width, gutter)
        # A table row cannot run onto a second page; a card that long (very long steps)
        # is laid out stacked instead, which can.
        if table.wrap(width, frame_height)[1] < frame_height * 0.8:
            body = [table]
    if not body:
        # picture beside the dose, then the words across the whole width; the picture
        # above the dose when the dose would be squeezed into a column a few words wide
        beside = width - picture_width - gutter >= DOSE_MIN_EMS * s.body.fontSize
        if picture and beside:
            top = [_columns(picture, [dosage_box(card, handout, s, width - picture_width - gutter)], picture_width + gutter, width, gutter)]
        else:
            top = [*picture, Spacer(1, 6), dosage_box(card, handout, s, width)] if picture else [dosage_box(card, handout, s, width)]
        what_to_do, safety = [*top, Spacer(1, 6), *steps(card, s)], details(card, s)
        body = what_to_do + safety

    notes = clinician_notes(card, s) if handout.audience == "clinician" else []
    end = [Spacer(1, 4)] + ([] if notes else [_rule(handout, width)])
    # The clinician's notes follow the card in a block of their own, so that they never
    # push a patient's card onto two pages.
    tail = [KeepTogether([*notes, Spacer(1, 4), _rule(handout, width)])] if notes else []
    blocks = [[*head, *body, *end]]
    if len(body) > 1 and _height([*head, *body], width, frame_height) > frame_height:
        # Too long for one page (large print, long steps): two whole halves, the second
        # named, rather than a break wherever the page happens to end.
        again = Para(f"{card.number}. {para(exercise.name)} (continued)", s.heading)
        blocks = [[*head, *what_to_do], [again, *safety, *end]]
    return [*(KeepTogether(block) for block in blocks), *tail, Spacer(1, 12)]


def _height(flowables: list[Flowable], width: float, frame_height: float) -> float:
    return sum(f.wrap(width, frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _columns(left: list[Flowable], right: list[Flowable], left_width: float, width: float, gutter: float) -> Table:
    table = _Table([[left, right]], colWidths=[left_width, width - left_width], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), BODY),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), gutter),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


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
    box = _Table(rows, colWidths=[width], hAlign="LEFT")
    box.setStyle(_boxed(handout))
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


def log(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    name_width = width * 0.34
    day_width = (width - name_width) / DAYS
    rows = [[Para("<b>Exercise</b>", s.small)] + [Para(f"<b>Day {d}</b>", s.small) for d in range(1, DAYS + 1)]]
    for card in handout.cards:
        rows.append([Para(f"{card.number}. {para(card.exercise.name)}", s.small)] + [""] * DAYS)
    rows.append([Para("<b>Pain today</b> (0 to 10)", s.small)] + [""] * DAYS)
    row_height = max(s.small.leading * 2, 28)
    table = _Table(rows, colWidths=[name_width] + [day_width] * DAYS, rowHeights=[None] + [row_height] * (len(rows) - 1),
                   repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, HexColor(handout.template.colours.rule)),
                               ("FONTNAME", (0, 0), (-1, -1), BODY),  # empty cells would name Helvetica
                               ("BACKGROUND", (0, 0), (-1, 0), HexColor(handout.template.colours.shade)),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    intro = Para("Tick a box each day you do the exercise. In the last row, write how bad your pain was: "
                 "0 means no pain, 10 means the worst pain you can think of.", s.body)
    title = Para("Your week", s.heading)
    # A new page unless the heading, the words and three rows fit here; after that a long
    # set's log may run on, its day row repeated.
    room = _height([title, intro], width, 10_000) + 6 + 3 * row_height
    return [CondPageBreak(room), title, intro, Spacer(1, 6), table, Spacer(1, 14)]


def references(handout: Handout, s: Styles) -> list[Flowable]:
    with_doi = handout.audience == "clinician"
    title = "References" if with_doi else "Where this advice comes from (for your clinician)"
    items: list[Flowable] = [Para(title, s.heading)]
    for number, reference in enumerate(handout.references, start=1):
        items.append(Para(para(ama(reference, with_doi=with_doi)), s.reference, bulletText=f"{number}."))
    # together, so that a few lines never sit alone on a last page
    return [KeepTogether(items)]


def _rule(handout: Handout, width: float) -> Flowable:
    line = _Table([[""]], colWidths=[width], rowHeights=[1])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1, HexColor(handout.template.colours.rule)),
                              ("FONTNAME", (0, 0), (-1, -1), BODY)]))
    return line


def _boxed(handout: Handout) -> TableStyle:
    colours = handout.template.colours
    return TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, HexColor(colours.rule)),
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(colours.shade)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
