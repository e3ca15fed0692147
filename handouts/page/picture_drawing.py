"""A card's picture block (its labelled frames and caption) as one ReportLab Drawing, for a
preview written as PNG, SVG or PDF.

The block is laid out by the card's own flowables (illustrations.Frames, which holds the
caption, or a caption's paragraph alone), and this copies what they would draw: each frame's pictogram (as a Drawing of
the same shapes as the card's PDF operators) where the card puts it, each frame's edge, and
each line of text in the font, size and place where the paragraph sets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .illustrations import EDGE, EDGE_COLOUR, Frames

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


def block_drawing(flowables: list[Flowable], frames: list[Drawing], width: float) -> Drawing:
    """The flowables stacked as a card's column stacks them, `width` wide, as one Drawing;
    `frames` are the Drawings of the pictures in the Frames block, in order."""
    from reportlab.graphics.shapes import Drawing, Group

    sizes = [f.wrap(width, 10_000) for f in flowables]
    # as a table cell stacks its flowables: each one's space after, then the next one's before
    gaps = [a.getSpaceAfter() + b.getSpaceBefore() for a, b in zip(flowables, flowables[1:])]
    height = sum(h for _, h in sizes) + sum(gaps)
    drawing = Drawing(width, height)
    top = height
    for i, (flowable, (_, h)) in enumerate(zip(flowables, sizes)):
        y = top - h
        if isinstance(flowable, Frames):
            pictures = iter(frames)
            for piece in flowable.placed():
                if piece.kind == "picture":
                    group = Group(*next(pictures).contents)
                    group.translate(piece.x, y + piece.y)
                    drawing.add(group)
                elif piece.kind in ("label", "caption"):
                    assert isinstance(piece.flowable, Paragraph)
                    drawing.add(_text(piece.flowable, piece.x, y + piece.y))
                else:
                    drawing.add(_edge(piece.x, y + piece.y, piece.width, piece.height))
        elif isinstance(flowable, Paragraph):
            drawing.add(_text(flowable, 0.0, y))
        else:
            raise ValueError(f"a picture preview cannot draw a {type(flowable).__name__}")
        if i < len(gaps):
            top = y - gaps[i]
    return drawing


def _edge(x: float, y: float, w: float, h: float):
    from reportlab.graphics.shapes import Rect

    return Rect(x + EDGE / 2, y + EDGE / 2, w - EDGE, h - EDGE, fillColor=None, strokeColor=HexColor(EDGE_COLOUR), strokeWidth=EDGE)


def _text(paragraph: Paragraph, x: float, y: float):
    """Each run of text of a wrapped paragraph drawn at (x, y), where drawOn would set it.

    ReportLab sets the first baseline one font size below the paragraph's top
    (rl_config.paraFontSizeHeightOffset, on by default) and each next one a leading lower;
    a line's spare width goes before it when centred or set right.
    """
    from reportlab.graphics.shapes import Group, String

    style, lines = paragraph.style, paragraph.blPara.lines
    group = Group()
    share = 0.5 if style.alignment == TA_CENTER else 1.0 if style.alignment == TA_RIGHT else 0.0
    for i, line in enumerate(lines):
        if paragraph.blPara.kind == 0:
            extra = line[0]
            runs = [(" ".join(line[1]), paragraph.blPara.fontName, paragraph.blPara.fontSize, paragraph.blPara.textColor)]
            first = paragraph.blPara.fontSize
        else:
            extra = line.extraSpace
            runs = [(w.text, w.fontName, w.fontSize, w.textColor) for w in line.words]
            first = lines[0].fontSize
        baseline = y + paragraph.height - first - i * style.leading
        at = x + style.leftIndent + (style.firstLineIndent if i == 0 else 0) + share * extra
        for text, font, size, colour in runs:
            group.add(String(at, baseline, text, fontName=font, fontSize=size, fillColor=colour))
            at += stringWidth(text, font, size)
    return group
