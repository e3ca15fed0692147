"""The sections around the cards: the header, the key points, the note and the
references (the week's log is log.py). Each is one block that is never split."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from ..errors import PictureError
from ..handout.assemble import Handout
from ..handout.citations import ama
from ..handout.words import Words
from .blocks import Gap, MeasuredTable, boxed
from .fonts import BODY
from .markup import fonts_can_run_in, keep_together, no_short_last_line, para, run_in, unbroken
from .paragraphs import Para
from .styles import Styles

LOGO_WIDTH, LOGO_HEIGHT = 45 * mm, 16 * mm


def dense(handout: Handout) -> bool:
    """The compact layout, which says each thing once and runs labels in with their text, so
    that three cards share a page."""
    return handout.template.card_layout == "compact"


def log_at_end(handout: Handout) -> bool:
    """Whether the log comes after the cards on a page of its own (large print), away from page
    1's header and key points; the one-page sheet's, after its cards, is on the same side."""
    order = handout.template.sections
    return (handout.template.card_layout != "line" and {"log", "exercises"} <= set(order)
            and order.index("log") > order.index("exercises"))


def header(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """The clinic (name, address, logo), the title, and who, when and from whom."""
    words = handout.words
    out: list[Flowable] = []
    if handout.clinic:
        clinic = [Para(para(handout.clinic.name), s.clinic)]
        contact = "  ·  ".join(part for part in (handout.clinic.address, handout.clinic.phone, handout.clinic.email,
                                                 handout.clinic.website) if part)
        if contact:
            clinic.append(Para(para(contact), s.small))
        logo = _logo(handout)
        if logo is None:
            out += (_one_line(handout, contact, s, width) if dense(handout) else []) or clinic
        else:
            row = MeasuredTable([[clinic, logo]], colWidths=[width - LOGO_WIDTH, LOGO_WIDTH])
            row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                     ("FONTNAME", (0, 0), (-1, -1), BODY)]))
            out.append(row)
    out.append(Para(para(handout.title), s.title))
    # who, when and from whom on one line (two when long): the patient's name is the one text that
    # differs between the handouts of a batch, so its line is not kept for the next
    whose, sent = [], []  # the patient's facts, and the handout's
    if handout.patient:
        whose.append(_fact(words._("For:"), para(handout.patient), bound=True))
    sent.append(_fact(words._("Date:"), unbroken(words.long_date(handout.date)), bound=True))
    if handout.clinician:
        sent.append(_fact(words._("From:"), para(handout.clinician), bound=True))
    if handout.review:
        whose.append(_fact(words._("Next visit:"), unbroken(words.long_date(handout.review)), bound=True))
    join = "&nbsp;&nbsp;·&nbsp; ".join  # a line may break after a dot, never inside a fact
    line = Para(join(whose[:1] + sent + whose[1:]), s.names, shared=not handout.patient)
    if line.wrap(width, 1e6)[1] > s.names.leading * 1.01:
        # too long for one line: the name and the next visit on one, when and from whom on the
        # next ("From: Sam Rivera, / physiotherapist" broke in the middle of a fact, a line more)
        line = Para("<br/>".join(join(facts) for facts in (whose, sent) if facts), s.names, shared=not handout.patient)
    out.append(line)
    return [KeepTogether(out)]


def _one_line(handout: Handout, contact: str, s: Styles, width: float) -> list[Para]:
    """The clinic's name and contact as one line, when they fit it (a line of page 1 saved)."""
    name = handout.clinic.name
    if not contact or not fonts_can_run_in(name, contact):
        return []
    colour = handout.template.colours.text
    line = Para(f'{para(name)}&nbsp;&nbsp;&nbsp; <font name="{BODY}" size="{s.small.fontSize}" color="{colour}">{para(contact)}</font>',
                s.clinic)
    return [line] if line.wrap(width, 1e6)[1] <= s.clinic.leading * 1.01 else []


def _fact(label: str, markup: str, *, bound: bool = False) -> str:
    # bound: the label never ends a line apart from what it names ("Date:" there, the date below
    # it), nor breaks itself ("Next" there, "visit:" below it, in large print)
    return f"<b>{unbroken(label) if bound else para(label)}</b>{'&nbsp;' if bound else ' '}{markup}"


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


def how_often(handout: Handout) -> str | None:
    """'5 days a week' when every exercise says so; None when they differ."""
    words = handout.words
    days = {card.dosage.days_per_week for card in handout.cards}
    if len(days) != 1 or None in days:
        return None
    per_week = days.pop()
    return words._("every day") if per_week == 7 else words.ngettext("{n} day a week", "{n} days a week", per_week)


def days_of_each(handout: Handout) -> str | None:
    """'5 days a week for exercises 1 to 3, and 4 days a week for exercise 4' when the
    exercises have days of their own (a key point that only pointed at the cards said
    nothing); None when one has no days given. Each count stands by its unit: "exercises
    1, 2, 3: 5 days a week; exercise 4: 4 days" set numbers side by side ("3: 5", "4: 4"),
    which a reviewer found hard to read."""
    words = handout.words
    groups: dict[int, list[int]] = {}
    for card in handout.cards:
        if card.dosage.days_per_week is None:
            return None
        groups.setdefault(card.dosage.days_per_week, []).append(card.number)
    parts = []
    for per_week, numbers in sorted(groups.items(), key=lambda group: group[1][0]):
        which = words.ngettext("exercise {numbers}", "exercises {numbers}", len(numbers), numbers=_numbers(words, numbers))
        days = words._("every day") if per_week == 7 else words.ngettext("{n} day a week", "{n} days a week", per_week)
        parts.append(words._("{days} for {which}", which=which, days=days))
    return _listed(words, parts)


def _numbers(words: Words, numbers: list[int]) -> str:
    """'1 to 3' for a run of three or more, else '1 and 3', '1, 2 and 4'."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return words._("{first} to {last}", first=numbers[0], last=numbers[-1])
    return _listed(words, [str(n) for n in numbers], comma=False)


def _listed(words: Words, parts: list[str], comma: bool = True) -> str:
    """The parts as a list in words: 'a', 'a and b', 'a, b and c' (with `comma`, 'a, and b':
    between two clauses that each end in a number, the comma keeps them apart)."""
    if len(parts) < 2:
        return "".join(parts)
    rest = ", ".join(parts[:-1])
    return (words._("{rest}, and {last}", rest=rest, last=parts[-1]) if comma
            else words._("{rest} and {last}", rest=rest, last=parts[-1]))


def summary(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """The key points, said once for the whole handout: what, how long, how often, what a
    set is, when to stop and whom to call. On page 1, with the log: the sheet patients pin up."""
    return summary_box(handout, s, width, summary_lines(handout))


def summary_box(handout: Handout, s: Styles, width: float, lines: list[str]) -> list[Flowable]:
    """The key points' lines (markup) in their box: all it prints is in `lines`."""
    box = MeasuredTable([[Para(line, s.body)] for line in lines], colWidths=[width], splitInRow=1)  # a very long rule may run on
    box.setStyle(boxed(handout, padding=0))
    # right under the header (where every bundled layout has it), half the gap: the header's
    # last line has room below it, and the one-page sheet needs the room
    gap = 4 if handout.template.sections[0] == "summary" else 8
    return [KeepTogether([Gap(gap), box])]


def summary_lines(handout: Handout) -> list[str]:
    """The key points, a line (markup) each."""
    words = handout.words
    lines = []
    count = len(handout.cards)
    exercises = words.ngettext("{n} exercise", "{n} exercises", count)
    often = how_often(handout)
    if often or count == 1:
        about = words.ngettext("about {n} minute each time", "about {n} minutes each time", handout.minutes)
    else:  # the exercises have days of their own: the minutes are those of a day with all of them
        about = words.ngettext("about {n} minute on a day you do them all", "about {n} minutes on a day you do them all",
                               handout.minutes)
    lines.append(_fact(words._("Your exercises:"), para(words._("{exercises}, {minutes}.", exercises=exercises, minutes=about))))
    if handout.template.card_layout != "line":  # (the one-page sheet's lines give each dose whole, just below)
        often = often or days_of_each(handout)
        lines.append(_fact(words._("How often:"), para(no_short_last_line(keep_together(words._("{often}.", often=often))) if often
                                                            else words._("as each exercise's dose says."))))
        if log_at_end(handout):
            lines.append(_fact(words._("Your week:"), para(words._("tick each day you exercise, in the log at the end."))))
    else:  # the sheet has no steps: say where they are, so that no one guesses a movement from its picture
        lines.append(_fact(words._("How to do them:"), para(words._("as we showed you. Ask us for the full handout, "
                                                                     "which gives every step."))))
    if any(card.dosage.sets for card in handout.cards):
        lines.append(_fact(words._("A set:"), para(words._("the number of times given, done in a row."))))
    lines.append(run_in(words._("Stop and call us if"), common_stop(handout)))
    if handout.pain_rule:
        lines.append(_fact(words._("Pain rule:"), para(handout.pain_rule)))
        if log_at_end(handout):
            # the scale a pain rule's "4 of 10" is on, which the log explains pages later
            lines.append(_fact(words._("Pain scores:"), para(words._("0 is no pain, 10 the worst pain."))))
    # (compact and the one-page sheet say the phone once on page 1, at the top, as they say everything once)
    if handout.clinic and not ((dense(handout) or handout.template.card_layout == "line") and handout.clinic.phone):
        reach = f"{handout.clinic.name}, {handout.clinic.phone}" if handout.clinic.phone else handout.clinic.name
        lines.append(_fact(words._("Call us:"), para(reach)))
    return lines


CHANGES_LINES = 4  # the printed lines of the changes box, its heading's too: what page 1 of the standard layout has room for


def changes(handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """What changed since the last visit (build --since) in a box like the key points: a
    line a change, as many as fit CHANGES_LINES printed lines (the exercises stopped
    always), then how many more there are; one line when nothing changed. Nothing
    without --since."""
    from ..handout.changes import lines, more

    if handout.changes is None:
        return []
    words = handout.words
    found = [_fact(lead, para(text)) for lead, text in lines(words, handout.changes)]
    if not found:
        rows = [_fact(words._("Since your last visit:"), para(words._("nothing has changed. Keep going as before.")))]
    else:
        title = words._("What changed since your last visit")  # outside the f-string, where `pybabel extract` sees it
        heading = f"<b>{para(title)}</b>"
        for keep in range(len(found), 0, -1):
            rows = [heading, *found[:keep]] + ([para(more(words, len(found) - keep))] if keep < len(found) else [])
            if _printed_lines(rows, s, width) <= CHANGES_LINES:
                break
    box = MeasuredTable([[Para(row, s.body)] for row in rows], colWidths=[width])
    box.setStyle(boxed(handout, padding=0))
    return [KeepTogether([Gap(8), box])]


def _printed_lines(rows: list[str], s: Styles, width: float) -> int:
    inner = width - 12  # the box's padding, left and right (blocks.boxed)
    return sum(round(Para(row, s.body).wrap(inner, 1e6)[1] / s.body.leading) for row in rows)


def note(handout: Handout, s: Styles) -> list[Flowable]:
    if not handout.note:
        return []
    # a heading that says what follows (PEMAT-P): a program's note is how to go about the exercises
    title = handout.words._("Before you start")
    # its title run in, as the compact card's labels are: a line saved (on the one-page
    # sheet, the line a clinician's note under its exercise needs)
    if dense(handout) or handout.template.card_layout == "line":
        return [KeepTogether([Gap(8), Para(run_in(handout.words._("{label}:", label=title), handout.note), s.body)])]
    return [KeepTogether([Gap(8), Para(para(title), s.heading), Para(para(handout.note), s.body)])]


def common_stop(handout: Handout) -> str:
    """The stop rule all the cards share, or a general one when they differ."""
    stops = {card.exercise.stop_if for card in handout.cards}
    return stops.pop() if len(stops) == 1 else handout.words._("an exercise causes sharp pain.")


def references(handout: Handout, s: Styles) -> list[Flowable]:
    words = handout.words
    with_doi = handout.audience == "clinician"
    title = words._("References") if with_doi else words._("Where this advice comes from (for your clinician: you can skip it)")
    texts = [para(ama(reference, with_doi=with_doi, with_title=with_doi)) for reference in handout.references]
    if handout.template.reference_list == "run-in":  # one paragraph: no line left half empty after each
        run = "&nbsp;&nbsp; ".join(f"<b>{number}.</b>&nbsp;{text}" for number, text in enumerate(texts, start=1))
        return [KeepTogether([Para(para(title), s.label), Para(run, s.run_in_reference)])]
    items = [Para(text, s.reference, bulletText=f"{number}.") for number, text in enumerate(texts, start=1)]
    # the heading never without its first reference; the rest may follow on a later page,
    # each whole: a reference split across pages reads as two
    return [KeepTogether([Para(para(title), s.label), items[0]]), *(KeepTogether([item]) for item in items[1:])]
