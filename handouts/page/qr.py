"""A QR code to an exercise's video, drawn as vectors, with a line that says what it is.

ReportLab draws the code itself (`reportlab.graphics.barcode.qr`): squares in the PDF,
sharp at any printer's resolution, made without a picture or the network. It is sized
to scan from paper: each square at least half a millimetre and the code at least 18 mm,
inside the four squares of white margin (the "quiet zone") a reader needs around it.
Error correction M survives a fold or a smudge (15% of the code).
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..handout.words import Words
from .fonts import BODY
from .markup import para
from .paragraphs import Para
from .styles import Styles

QUIET_MODULES = 4  # the white margin the QR standard asks for, in squares
MIN_MODULE = 0.5 * mm  # a phone's camera resolves this at reading distance
MIN_CODE = 18 * mm  # the code without its quiet zone
ERROR_CORRECTION = "M"
TEXT_BESIDE = 22 * mm  # the narrowest column the words fit beside the code


def qr_drawing(address: str, largest: float) -> Drawing:
    """The code for `address` as a drawing, quiet zone included, at most `largest` wide."""
    widget = QrCodeWidget(address, barLevel=ERROR_CORRECTION, barBorder=QUIET_MODULES)
    widget.qr.make()
    modules = widget.qr.getModuleCount()
    module = max(MIN_MODULE, MIN_CODE / modules)
    side = min(module * (modules + 2 * QUIET_MODULES), largest)  # squeezed only in a column narrower than any template's
    widget.barWidth = widget.barHeight = side
    drawing = Drawing(side, side, initialFontName=BODY)  # as the table round it: never ReportLab's own Helvetica
    drawing.add(widget)
    return drawing


def video_flowables(address: str | None, words: Words, s: Styles, width: float) -> list[Flowable]:
    """The QR code and "Scan to watch" beside it (below it in a narrow column); nothing without a video."""
    if not address:
        return []
    code = qr_drawing(address, width)
    text = Para(para(words._("Scan to watch")), s.caption)
    if width - code.width >= TEXT_BESIDE:
        table = Table([[code, text]], colWidths=[code.width, width - code.width], hAlign="LEFT")
    else:
        table = Table([[code], [text]], colWidths=[width], hAlign="LEFT")
    # The code's own quiet zone is its margin: no padding, so that the words sit just outside it.
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), BODY),  # else Helvetica
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 4), table]
