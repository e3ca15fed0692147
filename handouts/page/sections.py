"""The sections around the cards: the header, the summary, the week's log and the references."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from ..errors import PictureError
from ..handout import wording
from ..handout.assemble import Handout
from ..handout.citations import ama
from .blocks import MeasuredTable, boxed, stacked_height
from .fonts import BODY
from .markup import para
from .paragraphs import Para
from .styles import Styles

DAYS = 7
LOGO_WIDTH, LOGO_HEIGHT = 45 * mm, 16 * mm


def header(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if handout.clinic:
        name = Para(para(handout.clinic.name), s.clinic)
        logo = _logo(handout)
        if logo is None:
            out.append(name)
        else:
            row = MeasuredTable([[name, logo]], colWidths=[width - LOGO_WIDTH, LOGO_WIDTH])
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
    from ..pictures.paths import resolve_picture_path
    from ..pictures.photos import prepare_picture

    try:
        path = resolve_picture_path(clinic.logo, source, [source.parent])
        return prepare_picture(path, width_pt=LOGO_WIDTH, height_pt=LOGO_HEIGHT).flowable()
    except PictureError as error:  # say which file and field named the logo
        raise error.named_in(source, (*handout.clinic_field, "logo")) from None


def summary(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    count = len(handout.cards)
    total = handout.minutes
    days = {card.dosage.days_per_week for card in handout.cards if card.dosage.days_per_week}
    lines = [f"<b>Your exercises:</b> {count} exercise{'s' if count != 1 else ''}, about {total} minutes in all each time."]
    if len(days) == 1:
        per_week = days.pop()
        lines.append("<b>How often:</b> " + ("every day." if per_week == 7 else f"{per_week} days a week."))
    lines.append("<b>Each exercise</b> has its own box with pictures and steps. Tick the log each day you do them.")
    box = MeasuredTable([[Para(line, s.body)] for line in lines], colWidths=[width])
    box.setStyle(boxed(handout))
    return [box, Spacer(1, 10)]


def log(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    name_width = width * 0.34
    day_width = (width - name_width) / DAYS
    rows = [[Para("<b>Exercise</b>", s.small)] + [Para(f"<b>Day {d}</b>", s.small) for d in range(1, DAYS + 1)]]
    for card in handout.cards:
        rows.append([Para(f"{card.number}. {para(card.exercise.name)}", s.small)] + [""] * DAYS)
    rows.append([Para("<b>Pain today</b> (0 to 10)", s.small)] + [""] * DAYS)
    row_height = max(s.small.leading * 2, 28)
    table = MeasuredTable(rows, colWidths=[name_width] + [day_width] * DAYS, rowHeights=[None] + [row_height] * (len(rows) - 1),
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
    room = stacked_height([title, intro], width, 10_000) + 6 + 3 * row_height
    return [CondPageBreak(room), title, intro, Spacer(1, 6), table, Spacer(1, 14)]


def references(handout: Handout, s: Styles) -> list[Flowable]:
    with_doi = handout.audience == "clinician"
    title = "References" if with_doi else "Where this advice comes from (for your clinician)"
    items: list[Flowable] = [Para(title, s.heading)]
    for number, reference in enumerate(handout.references, start=1):
        items.append(Para(para(ama(reference, with_doi=with_doi)), s.reference, bulletText=f"{number}."))
    # together, so that a few lines never sit alone on a last page
    return [KeepTogether(items)]
