"""Laying the flowables onto pages: the PDF, as bytes in memory.

The document has a footer on every page (clinic contact, "Page X of Y"), metadata and
a bookmark per exercise. Nothing is written to disk here (see commands.output).
"""

from __future__ import annotations

import gc
import io
from functools import lru_cache

import msgspec

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from .. import __version__
from ..errors import InvalidInput, Problem
from ..handout.assemble import Handout
from . import compression, rlsettings
from .fonts import BODY, clean, fonts, runs
from .layout import handout_flowables

PAPER = {"a4": A4, "letter": LETTER}


def render(handout: Handout) -> bytes:
    """The handout as PDF bytes."""
    data = _render(handout)
    # ReportLab's document, canvas and PDF objects point at one another, so only the
    # garbage collector frees them, with every page's text (about 300 KB a handout).
    # Now that _render has returned they are garbage, and still young: collecting the
    # young generations (a fraction of a millisecond) frees them at once, where waiting
    # for a full collection (9 ms, ever rarer as the process holds more) lets a batch's
    # memory creep up by megabytes.
    gc.collect(1)
    return data


# A layout of so many pages (the one-page sheet) that runs just over them, with a review date
# or on Letter's shorter page, draws its pictures smaller before it refuses the handout: the
# sheet the clinician asked for, with pictures a tenth or a fifth smaller, is more use than none
SHRINK = (1.0, 0.9, 0.8)


def _render(handout: Handout) -> bytes:
    template = handout.template
    for shrink in SHRINK if template.max_pages and handout.audience == "patient" else (1.0,):
        pages, data = _laid_out(msgspec.structs.replace(handout, template=msgspec.structs.replace(
            template, frame_width_mm=template.frame_width_mm * shrink)))
        if not template.max_pages or pages <= template.max_pages or handout.audience != "patient":
            return data
    file, line, column = handout.listed_at
    raise InvalidInput([Problem(file, line, column, "exercises", handout_too_long(handout, pages))])


def _laid_out(handout: Handout) -> tuple[int, bytes]:
    """The number of pages and the PDF."""
    rlsettings.apply()
    fonts()
    compression.install()
    template = handout.template
    margins = template.margins_mm
    page_width, page_height = PAPER[handout.paper]
    size, width = template.type_pt.footer, page_width - (margins.left + margins.right) * mm
    widest = handout.words._("Page {page} of {pages}", page=99, pages=99)
    footer, fitted, lines = _footer_fitted(handout, size, width - stringWidth(widest, BODY, size) - size, width)
    if fitted < FOOTER_MIN_PT:
        where = str(handout.clinic_source or "command line")
        raise InvalidInput([Problem(where, 0, 0, "clinic", "the patient's name, the date and the clinic's name and phone together "
                                    "are too long for the footer of each page (shorten the clinic's name)")])
    # the footer's lines and the room above its rule
    footer_height = max(len(lines), 1) * fitted * LINE + size * 1.1
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        leftMargin=margins.left * mm, rightMargin=margins.right * mm,
        topMargin=margins.top * mm, bottomMargin=margins.bottom * mm + footer_height,
        title=clean(handout.title),
        author=clean(handout.clinician or (handout.clinic.name if handout.clinic else "")),
        subject=handout.words._("Home exercise programme"),
        creator=f"handouts {__version__}",
        producer=f"handouts {__version__}",
        keywords=", ".join(card.exercise.name for card in handout.cards),
        invariant=1,
        pageCompression=1,
        initialFontName=BODY,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", frames=[frame])])
    story = handout_flowables(handout, doc.width, doc.height)

    made: list[_NumberedCanvas] = []

    def canvas_maker(*args, **kwargs) -> Canvas:
        made.append(_NumberedCanvas(*args, footer=footer, handout=handout, **kwargs))
        return made[-1]

    try:
        doc.build(story, canvasmaker=canvas_maker)
    except LayoutError:
        # Every block is made to fit a page or to split, so only type far too large
        # for its page, in a template, can leave one that does neither.
        raise InvalidInput([Problem(f"template {template.name!r}", 0, 0, "type_pt", "the type is too large for the page: "
                                    "part of the handout does not fit on a page (use smaller type or narrower margins)")]) from None
    # (the canvas keeps every page until save() adds the footers; the clinician's copy adds
    # evidence notes and the full references: it may run on, into the clinic's file)
    return len(made[-1]._pages), buffer.getvalue()


def handout_too_long(handout: Handout, pages: int) -> str:
    """Why a handout that runs past its layout's pages is refused, and what to do."""
    template, count = handout.template, len(handout.cards)
    sheets = "one side of a sheet" if template.max_pages == 1 else f"{template.max_pages} pages"
    return (f"these {count} exercises need {pages} pages in the {template.name!r} layout on {handout.paper} paper, "
            f"which prints {sheets} (give the patient fewer exercises, or use --template compact)")


def _footer_parts(handout: Handout) -> tuple[list[str], list[str]]:
    """Who and when, then whom to call: every page says it, since pages get separated."""
    who = [handout.patient] if handout.patient else []
    who.append(handout.words.long_date(handout.date))
    clinic = handout.clinic  # its address, email and website are in the header: the phone is what a page needs
    call = [clinic.name] + ([clinic.phone] if clinic.phone else []) if clinic else []
    return [_flat(part) for part in who], [_flat(part) for part in call]


def _footer_fitted(handout: Handout, size: float, room: float,
                   full: float) -> tuple[tuple[list[str], list[str]], float, list[str]]:
    """The footer's parts, type size and lines; a patient's name too long for it is cut
    short there (with "…"): the header under the title prints it whole."""
    parts = _footer_parts(handout)
    fitted, lines = _footer_layout(parts, size, room, full)
    if fitted >= FOOTER_MIN_PT or not handout.patient:
        return parts, fitted, lines
    (name, *rest), call = parts
    for keep in range(len(name) - 1, 0, -1):
        parts = ([name[:keep].rstrip() + "…", *rest], call)
        fitted, lines = _footer_layout(parts, size, room, full)
        if fitted >= FOOTER_MIN_PT:
            break
    return parts, fitted, lines


def _flat(text: str) -> str:
    return clean(text).replace("\n", " ")  # a break in a name is a space here


class _NumberedCanvas(Canvas):
    """Draws the footer once every page exists, so it can say "Page X of Y"."""

    def __init__(self, *args, footer: tuple[list[str], list[str]], handout: Handout, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer, self._handout, self._pages = footer, handout, []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()
        # Bookmarks made on the next page must name the next page, as they would if the
        # page had really been added; save() winds the count back before adding them.
        self._doc.pageCounter += 1

    def save(self) -> None:
        self._doc.pageCounter = 1
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(len(self._pages))
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        template = self._handout.template
        size = template.type_pt.footer
        width, _ = self._pagesize
        left, right = template.margins_mm.left * mm, width - template.margins_mm.right * mm
        page = self._handout.words._("Page {page} of {pages}", page=self._pageNumber, pages=total)
        fitted, lines = _footer_layout(self._footer, size, right - left - self.stringWidth(page, BODY, size) - size, right - left)
        # the first line's baseline, so that the last sits on the bottom margin
        y = template.margins_mm.bottom * mm + (len(lines) - 1) * fitted * LINE
        self.saveState()
        self.setStrokeColor(HexColor(template.colours.rule))
        self.setLineWidth(0.8)
        self.line(left, y + size * 1.1, right, y + size * 1.1)
        self.setFillColor(HexColor(template.colours.text))
        self.setFont(BODY, size)
        self.drawRightString(right, y, page)
        for i, line in enumerate(lines):
            _draw_mixed(self, left, y - i * fitted * LINE, line, max(fitted, FOOTER_MIN_PT))
        self.restoreState()


FOOTER_MIN_PT = 8  # a clinic contact too long for the footer is set smaller, down to this
LINE = 1.25  # the footer's line spacing, in type sizes
_SEPARATOR = "  ·  "


def _footer_layout(parts: tuple[list[str], list[str]], size: float, room: float, full: float) -> tuple[float, list[str]]:
    """The footer's type size and lines: who and when, then whom to call, on one line at
    `size` when it fits in `room` (the width beside the page number), else on two (the
    second with the `full` width), at the largest size that fits, never above `size`.
    Below FOOTER_MIN_PT it does not fit."""
    fitted, lines = _fitted_footer(tuple(parts[0]), tuple(parts[1]), size, room, full)
    return fitted, list(lines)


# Every page of a handout, and every handout of a batch from one clinic, has the same
# footer; only a wider page number ("Page 10 of 12") changes the room beside it.
@lru_cache(maxsize=64)
def _fitted_footer(who: tuple[str, ...], call: tuple[str, ...], size: float, room: float,
                   full: float) -> tuple[float, tuple[str, ...]]:
    parts = who + call
    if not parts:
        return size, ()
    # one line; or who and when, then the clinic; or a clinic too long for a line split after its name
    options = [[_SEPARATOR.join(parts)]]
    options += [[_SEPARATOR.join(parts[:k]), _SEPARATOR.join(parts[k:])] for k in range(len(who), len(parts)) if k]

    def fit(lines: list[str]) -> float:
        limits = [room / max(_mixed_width(lines[0], 1), 1e-6)] + [full / max(_mixed_width(line, 1), 1e-6) for line in lines[1:]]
        return min(size, *limits)

    best = max(options, key=lambda lines: (fit(lines), -len(lines)))
    return fit(best), tuple(best)


def _mixed_width(text: str, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in runs(text))


def _draw_mixed(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """Draw plain text, switching to the fallback font for letters the body font lacks."""
    # One text object, so that a word set in two fonts is still one word to copy or read out.
    line = canvas.beginText(x, y)
    for font, run in runs(text):
        line.setFont(font, size)
        line.textOut(run)
    canvas.drawText(line)
