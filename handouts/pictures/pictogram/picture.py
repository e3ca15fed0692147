"""A pictogram ready to put in a PDF: its size and compressed operators (see pdfops).

Kept apart from the drawing code so that a picture recalled from the cache is shown
without importing any of it.
"""

from __future__ import annotations

import hashlib
import zlib

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFFormXObject,
    PDFName,
    PDFStream,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


class PosePicture(Flowable):
    """A pictogram ready to draw: its size and its compressed PDF operators, shared by every copy."""

    def __init__(self, width: float, height: float, compressed: bytes):
        super().__init__()
        self.width, self.height = width, height
        self.compressed = compressed  # the operators, zlib-compressed: a PDF's FlateDecode
        # named by its content: the same picture twice in a document is stored once
        self.form = "Pictogram." + hashlib.sha256(self.compressed).hexdigest()[:20]

    @property
    def operators(self) -> str:
        """The operators as text again (for tests and a look inside)."""
        return zlib.decompress(self.compressed).decode("ascii")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.form):
            _add_form(canvas, self)
        canvas.doForm(self.form)


def _add_form(canvas: Canvas, picture: PosePicture) -> None:
    """Put the picture in the canvas's document as a form XObject, already compressed.

    ReportLab's own forms (beginForm ... endForm) compress their operators again in every
    document. Here the stream is handed over compressed: a PDFStream whose dictionary
    already names its filter writes its bytes as they are. This relies on ReportLab's
    pdfdoc classes (PDFFormXObject uses a given Contents stream as it is) and the canvas's
    document (`_doc`, which has no public accessor); tests/test_pictogram_pdf.py reads
    the result back from a handout.
    """
    # A margin round the picture: a form clips to its box, and nothing of the picture
    # may be cut (its shapes lie inside its size; the margin is for safety alone).
    margin = picture.width / 4
    form = PDFFormXObject(-margin, -margin, picture.width + margin, picture.height + margin)
    form.hasImages = 0  # paths only: the basic procedure sets
    form.Contents = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), picture.compressed)
    canvas._doc.addForm(picture.form, form)
