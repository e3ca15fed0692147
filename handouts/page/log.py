"""The week's log: a row an exercise, a column a dated day, rest days shaded, a pain row,
and what to do when the pain is high; never split over two pages."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..handout import schedule, wording
from ..handout.assemble import Handout
from .blocks import Gap, MeasuredTable, stacked_height
from .fonts import BODY
from .markup import para, unbroken
from .paragraphs import Para
from .sections import common_stop, log_at_end
from .styles import Styles

REST_SHADE = "#c8c8c8"  # a rest day's box: a mid grey that a mono laser prints as clearly grey


def log(handout: Handout, s: Styles, width: float, frame_height: float = float("inf")) -> list[Flowable]:
    """The week's check-off log: a row a exercise, a column a dated day, rest days shaded,
    and a pain row with what to do when it is high. Never split: a log taller than a page
    (many exercises in large print) is made tighter, its rows as tight as a tick allows, as
    on the one-page sheet. Without key points (the one-page sheet) it says when to stop too."""
    if handout.template.card_layout == "line":  # six exercises on one sheet: always short of room
        return [KeepTogether(_log(handout, s, width, tight=True, one_line=True))]
    # compact's days on one line ("Mon 7", the month in the log's title), as on the one-page
    # sheet: a line of page 1, which its references need when the header takes two (a review date)
    block = _log(handout, s, width, one_line=handout.template.card_layout == "compact")
    if stacked_height(block, width, frame_height) > frame_height:
        # large type in narrow day columns: the day's number under its name (the month is in
        # the log's title), the names given more of the width, so fewer take two lines
        block = _log(handout, s, width, tight=True, name_share=0.45)
    return [KeepTogether(block)]


def _log(handout: Handout, s: Styles, width: float, *, tight: bool = False, one_line: bool = False,
         name_share: float = 0.38) -> list[Flowable]:
    words = handout.words
    days = schedule.week(handout.date)
    name_width = width * name_share
    day_width = (width - name_width) / len(days)
    # words are looked up outside f-strings, where `pybabel extract` would not see them
    exercise, weekday, short_date = words._("Exercise"), words._("EEE"), words._("d MMM")  # CLDR date patterns
    # short of room, or a date wider than its column ("8 / Dec" went ragged), a day is its number
    # alone ("Tue 1"), on one line in compact and on the one-page sheet, and the month is named
    # once, in the log's title (a reviewer asked which month "Mon 7" was; under "Exercise", in
    # the corner, reviewers read it as a heading of the exercises' column)
    numbered = tight or one_line or any(stringWidth(words.date(day, short_date), BODY, s.small.fontSize) > day_width - 5 for day in days)
    head = [Para(f"<b>{para(exercise)}</b>", s.small)]

    def day_head(day) -> str:
        if not numbered:
            return f" <br/>{para(words.date(day, short_date))}"
        return f"&nbsp;{day.day}" if one_line else f" <br/>{day.day}"

    head += [Para(f"<b>{para(words.date(day, weekday))}</b>{day_head(day)}", s.small) for day in days]
    rows, rests = [head], []
    for r, card in enumerate(handout.cards, start=1):
        rows.append([Para(f"{card.number}. {para(card.exercise.name)}{_side_note(handout, card)}", s.small)] + [""] * len(days))
        on = schedule.exercise_days(card.dosage.days_per_week)
        rests += [(c + 1, r) for c in range(len(days)) if c not in on]
    pain, scale = words._("Pain after exercise"), words._("(0 to 10)")
    rows.append([Para(f"<b>{para(pain)}</b> {unbroken(scale)}", s.small)] + [""] * len(days))
    # a day every exercise rests has no "after exercise" to score: its pain box is a rest too
    rests += [(c + 1, len(rows) - 1) for c in range(len(days)) if all((c + 1, r) in rests for r in range(1, len(rows) - 1))]
    tick = max(s.small.fontSize * 1.6, 19)  # room to tick, even in a shaky hand
    # (short of room, the rows are as tight as a tick allows)
    pad = 3 if tight else 6
    heights = [None] + [max(tick, row[0].wrap(name_width - 12, 1e6)[1] + pad) for row in rows[1:]]
    table = MeasuredTable(rows, colWidths=[name_width] + [day_width] * len(days), rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, HexColor(handout.template.colours.rule)),
                               ("FONTNAME", (0, 0), (-1, -1), BODY),  # empty cells would name Helvetica
                               ("BACKGROUND", (0, 0), (-1, 0), HexColor(handout.template.colours.shade)),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               # the day's name and date fit a narrow column on two lines
                               ("LEFTPADDING", (1, 0), (-1, 0), 3), ("RIGHTPADDING", (1, 0), (-1, 0), 2),
                               *[("BACKGROUND", cell, cell, HexColor(REST_SHADE)) for cell in rests]]))
    intro = words._("tick a box each day you do it. Last row: pain after exercise, 0 (none) to 10 (worst).")
    if one_line:  # short of room: the title's dates take what the last row's name, said again, took
        intro = words._("tick a box each day you do it. Pain: 0 (none) to 10 (worst).")
    after = [words._("Pain {n} or more? Call us. Bring this sheet to your next visit.", n=handout.pain_call_at)]
    if rests:
        after.insert(0, words._("Grey boxes: rest days."))
    # the next visit once: where the log shares page 1 with the header, which says it, said
    # twice it ran a full Letter sheet onto a second (one-page) and compact's references onto a
    # third; large print's log, on the last page, says it again
    if handout.review and log_at_end(handout):
        day = words.date(handout.review, words._("EEEE d MMMM"))  # not inside another `_()`: extract skips those
        after.append(words._("Next visit: {date}.", date=day))
    if "summary" not in handout.template.sections:
        stop, label = common_stop(handout), words._("Stop and call us if")
        after.append(stop if stop.casefold().startswith(label.casefold()) else f"{label} {stop}")
    week = words._("Your week:")
    if numbered:
        first, last = days[0], days[-1]
        long = words._("d MMMM")  # a CLDR pattern: "13 December", es "13 de diciembre"
        start = str(first.day) if first.month == last.month else words.date(first, long)
        week = words._("Your week ({first} to {last}):", first=start, last=words.date(last, long))
    return [Gap(10), Para(f"<b>{para(week)}</b> {para(intro)}", s.body), Spacer(1, 4), table, Spacer(1, 2),
            Para(para(" ".join(after)), s.body)]


def _side_note(handout: Handout, card) -> str:
    leg = wording.leg(handout.words, card.dosage.side, card.exercise.works)
    return f" ({unbroken(leg)})" if leg else ""  # whole, on one line of the log
