"""The pieces an exercise card is made of, for every arrangement of it (cards.py): its
heading, the dose (as a box or a line), the steps, where to feel it and when to stop,
the mistakes, the easier and harder versions with the sources, and the clinician's notes.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, TableStyle

from ..handout import wording
from ..handout.assemble import Card, Handout, Version
from ..handout.credit import credit
from .blocks import Bookmark, MeasuredTable, boxed, columns, stacked_height
from .fonts import BODY, BOLD
from .markup import bold_label, fonts_can_run_in, keep_together, no_short_last_line, para, run_in
from .paragraphs import Para
from .styles import Styles

GUTTER = 6 * mm
DOSE_SIDE = 4  # pt between the dose box's edge and its words
SHARED_LINES = 4  # at most, the versions and the note beside the sources
QR_COLUMN = 24 * mm  # a QR code at its smallest readable size, with its quiet zone, and its words below


def heading(card: Card, handout: Handout, s: Styles, *, purpose: bool = True, feel: bool = False,
            width: float | None = None) -> list[Flowable]:
    """The bookmark, the number and name, and (unless left out) what it is for, or (`feel`)
    where to feel it: on the name's line when both fit in `width`, a line saved, else on a
    line of its own."""
    name = handout.words._("{number}. {name}", number=card.number, name=card.exercise.name)
    out: list[Flowable] = [Bookmark(f"exercise-{card.number}", f"{card.number}. {card.exercise.name}")]
    size = s.body.fontSize
    if feel:
        label, what = handout.words._("You should feel it:"), card.exercise.feel_it
        texts, aside = (label, what), run_in(label, what)
        wide = stringWidth(label, BOLD, size) + stringWidth(" " + what, BODY, size)
    elif purpose:
        texts, aside = (card.exercise.purpose,), para(card.exercise.purpose)
        wide = stringWidth(card.exercise.purpose, s.body.fontName, size)
    else:
        return [*out, Para(para(name), s.card)]
    beside = stringWidth(name + "   ", s.card.fontName, s.card.fontSize) + wide
    if width is not None and beside <= width and fonts_can_run_in(name, *texts):
        run = f'{para(name)}&nbsp;&nbsp; <font name="{s.body.fontName}" size="{s.body.fontSize}">{aside}</font>'
        return [*out, Para(run, s.card)]
    return [*out, Para(para(name), s.card), Para(aside, s.body)]


def dosage_box(card: Card, handout: Handout, s: Styles, width: float, *, across: int = 1) -> Flowable:
    """Every part of the dose, a labelled line each, in a shaded box `across` columns wide:
    "How many: 12 times in a row, 3 sets" first (a reviewer read "Your dose" as a medical word)."""
    words = handout.words
    found = wording.rows(words, card.dosage, card.exercise.works) or [(words._("How many"), words._("as shown by your clinician"))]
    cells = []
    for label, text in found:
        heading = words._("{label}:", label=label)  # outside the f-string, where `pybabel extract` sees it
        cells.append(Para(f"<b>{para(heading)}</b> {para(no_short_last_line(keep_together(text)))}", s.body))
    rows = [cells[i:i + across] + [""] * (i + across - len(cells)) for i in range(0, len(cells), across)]  # row by row
    box = MeasuredTable(rows, colWidths=[width / across] * across, hAlign="LEFT")
    box.setStyle(boxed(handout, padding=0))
    # a row's two parts start level, and one that wraps runs on below (a table sets cells at
    # their bottom: the shorter part stood a line low, and the box read in a zigzag); the
    # lines' own leading parts the rows, so no padding between them, and a little less at the
    # sides (the dose beside a picture: a last word kept on its line, a line saved)
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -2), 0),
                             ("LEFTPADDING", (0, 0), (-1, -1), DOSE_SIDE), ("RIGHTPADDING", (0, 0), (-1, -1), DOSE_SIDE)]))
    return box


def dose_line(card: Card, handout: Handout, s: Styles) -> Flowable:
    """The whole dose in one paragraph: "How many: 12 times in a row, 3 sets; ...". """
    words = handout.words
    text = wording.one_line(words, card.dosage, card.exercise.works) or words._("as shown by your clinician")
    label = words._("How many:")  # outside the f-string, where `pybabel extract` sees it
    return Para(f"<b>{para(label)}</b> {para(text)}", s.body)


def steps(card: Card, s: Styles) -> list[Flowable]:
    """The numbered steps: the numbers say what they are."""
    return [Para(para(text), s.step, bulletText=f"{number}.") for number, text in enumerate(card.exercise.steps, start=1)]


def feel_stop_and_mistakes(card: Card, handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """Where to feel it and when to stop, beside the mistakes to avoid; and the QR code to the
    exercise's video, when it has one, at the end of the row (the row is tall enough for it)."""
    return two_columns(card, handout, s, width, [feel(card, handout, s), stop(card, handout, s)], mistakes(card, handout, s))


def mistakes(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    """The mistakes to avoid, under their label, a bullet each."""
    out: list[Flowable] = [Para(para(handout.words._("Avoid these mistakes")), s.label)]
    return out + [Para(para(text), s.step, bulletText="•") for text in card.exercise.mistakes]


def feel_and_stop(card: Card, handout: Handout, s: Styles, width: float) -> list[Flowable]:
    """Where to feel it beside when to stop (the mistakes being elsewhere on the card), and
    the QR code to the exercise's video, when it has one, at the end of the row."""
    return two_columns(card, handout, s, width, [feel(card, handout, s)], [stop(card, handout, s)])


def two_columns(card: Card, handout: Handout, s: Styles, width: float, left: list[Flowable], right: list[Flowable], *,
                under: str = "", then: Callable[[float], list[Flowable]] | None = None) -> list[Flowable]:
    """`left` beside `right`, a half each, with `then(a half's width)` under the `under` one
    ("left" or "right"); and the video's QR code at the row's end, when the card has one."""
    def row(room: float) -> list[Flowable]:
        half = (room - GUTTER) / 2
        more = then(half) if then is not None else []
        return [columns(left + more if under == "left" else left, right + more if under == "right" else right,
                        half + GUTTER, room, GUTTER)]
    return _with_video(card, handout, s, width, row)


def _with_video(card: Card, handout: Handout, s: Styles, width: float, row) -> list[Flowable]:
    """`row(width)` with the QR code to the exercise's video at its end, when it has one."""
    if not card.video:
        return row(width)
    from .qr import video_flowables  # ReportLab's QR code modules: only for a card with a video

    room = width - QR_COLUMN - GUTTER
    return [columns(row(room), video_flowables(card.video, handout.words, s, QR_COLUMN), room + GUTTER, width, GUTTER)]


def feel(card: Card, handout: Handout, s: Styles) -> Flowable:
    return labelled(handout.words._("You should feel it:"), card.exercise.feel_it, s)


def stop(card: Card, handout: Handout, s: Styles) -> Flowable:
    return labelled(handout.words._("Stop and call us if"), card.exercise.stop_if, s)


def mistakes_line(card: Card, handout: Handout, s: Styles) -> Flowable:
    """The mistakes in one paragraph, for a card with no room for a list."""
    words = handout.words
    # the dose line's separator: capitals after it read as a list, in every language
    return labelled(words._("Avoid:"), " · ".join(m.rstrip(".") for m in card.exercise.mistakes) + ".", s)


def labelled(label: str, text: str, s: Styles) -> Flowable:
    """A bold label and its text in one paragraph: one line saved, and never apart. A text
    that already begins with the label ("Stop and call us if you feel...") has it in bold."""
    return Para(run_in(label, text), s.spaced)


def more(card: Card, handout: Handout, s: Styles, width: float, *, sources: bool = True) -> list[Flowable]:
    """The nearest easier and harder versions on one line, then the clinician's note, with the
    sources at the end of the versions' line or of the note's, whichever is shorter (the
    versions' on a tie); each only when there is one."""
    words = handout.words
    versions = []
    easier, harder = to_ask_about(card)
    # words are looked up outside f-strings, where `pybabel extract` would not see them
    # a version named inside this card's own name ("Clamshell" under "Clamshell with a band")
    # read as pointing at the card itself: it is said to be another, easier or harder, exercise
    inside = card.exercise.name.casefold()
    if easier:
        text = (words._("Ask us about an easier exercise: “{name}”.", name=easier.name) if easier.name.casefold() in inside
                else words._("Ask us about “{name}”.", name=easier.name))
        label = words._("Too hard?")
        versions.append(f"{bold_label(label)} {para(text)}")
    if harder:
        text = (words._("Ask us about a harder exercise: “{name}”.", name=harder.name) if harder.name.casefold() in inside
                else words._("Ask us about “{name}”.", name=harder.name))
        label = words._("Too easy?")
        versions.append(f"{bold_label(label)} {para(text)}")
    numbers = sources_text(card, handout) if sources else ""
    if not versions and not numbers:
        return [note(card, handout, s)] if card.note else []
    room = stringWidth(numbers, s.sources.fontName, s.sources.fontSize) + GUTTER if numbers else 0

    def row(left: list[Flowable]) -> Flowable:
        line = MeasuredTable([[left, Para(numbers, s.sources)]], colWidths=[width - room, room])
        line.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), BODY),
                                  *[(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]]))
        return line

    first = Para(" ".join(versions), s.spaced)
    if versions or not card.note:
        apart = [row([first]), *([note(card, handout, s)] if card.note else [])]
    else:  # the sources under the note, at the foot, rather than alone above it
        apart = [note(card, handout, s), row([Para("", s.spaced)])]
    if not card.note or not numbers:  # (no sources: nothing for the note to share a line with)
        return apart
    together = [row([first, note(card, handout, s)] if versions else [note(card, handout, s)])]
    tall = stacked_height(together, width, 1e9)
    # a row never splits: only a short note shares one (a long one stays a paragraph, which can)
    return together if tall < stacked_height(apart, width, 1e9) and tall <= SHARED_LINES * s.body.leading else apart


def to_ask_about(card: Card) -> tuple[Version | None, Version | None]:
    """The nearest easier and harder versions, each unless the handout has it. A version is
    the clinician's to teach, so the patient is told to ask about it, by name, never to try
    it from its name alone; one the handout has is left out (the patient does it already, and
    "Too easy? Try exercise 3" left them asking whether to add it or swap), and so is the
    next one after it: a bigger step than the clinician chose."""
    def nearest_elsewhere(versions: tuple[Version, ...]) -> Version | None:
        return versions[0] if versions and versions[0].card is None else None
    return nearest_elsewhere(card.easier), nearest_elsewhere(card.harder)


def note(card: Card, handout: Handout, s: Styles) -> Flowable:
    return labelled(handout.words._("Note from your clinician:"), card.note or "", s)


def sources_text(card: Card, handout: Handout) -> str:
    """'Sources: 1, 3, 5', sorted: the numbers of the references behind the card, out of its heading."""
    if not card.citations:
        return ""
    numbers = ", ".join(str(n) for n in sorted(card.citations))
    return para(handout.words.ngettext("Source: {numbers}", "Sources: {numbers}", len(card.citations), numbers=numbers))


def clinician_notes(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    words = handout.words
    notes = [(n, c.note) for n, c in zip(card.citations, card.exercise.citations) if c.note]
    out: list[Flowable] = []
    imported = credit(words, card)
    if notes or card.dosage.basis == "default" or imported or card.cautions:
        # named, since the notes may fall on a later page than their card
        out.append(Para(para(words._("For the clinician: {number}. {name}", number=card.number, name=card.exercise.name)), s.label))
    out += caution_lines(card, handout, s)
    if card.dosage.basis == "default":
        out.append(Para(para(words._("Dose: a conservative default; the sources give none.")), s.small))
    out += [Para(f"[{n}] {para(text)}", s.small) for n, text in notes]
    out += [Para(para(imported), s.small)] if imported else []
    return out


def caution_lines(card: Card, handout: Handout, s: Styles) -> list[Flowable]:
    """Each of the entry's cautions for this patient's conditions, first: "Caution for this
    patient's gluteal tendinopathy: lying on the painful side... [5, 6]"."""
    from ..handout.cautions import condition_name

    words = handout.words
    out = []
    for caution, numbers in zip(card.cautions, card.caution_citations):
        label = words._("Caution for this patient's {condition}:", condition=condition_name(words, caution.condition))
        sources = f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""
        out.append(Para(f"<b>{para(label)}</b> {para(caution.reason)}{sources}", s.small))
    return out
