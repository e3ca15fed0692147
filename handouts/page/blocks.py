"""The small pieces every section is built of: a bookmark, a table measured once, two
columns, a rule, a shaded box."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from ..handout.assemble import Handout
from .fonts import BODY


class Bookmark(Flowable):
    """An invisible mark that adds an outline entry (bookmark) where it is drawn."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class Gap(Flowable):
    """Room above a block that the frame drops at a page's top (its space before), where a
    spacer would stay: a spacer at a block's end can start a page of its own, blank."""

    def __init__(self, height: float):
        super().__init__()
        self.width, self.height, self.spaceBefore = 0, 0, height

    def draw(self) -> None:
        pass


class MeasuredTable(Table):
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


def stacked_height(flowables: list[Flowable], width: float, frame_height: float) -> float:
    return sum(f.wrap(width, frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def columns(left: list[Flowable], right: list[Flowable], left_width: float, width: float, gutter: float) -> Table:
    # splitInRow: only a card longer than a page is ever split, and then inside its columns
    table = MeasuredTable([[left, right]], colWidths=[left_width, width - left_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), BODY),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), gutter),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def rule(handout: Handout, width: float) -> Flowable:
    line = MeasuredTable([[""]], colWidths=[width], rowHeights=[1])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1, HexColor(handout.template.colours.rule)),
                              ("FONTNAME", (0, 0), (-1, -1), BODY)]))
    return line


def boxed(handout: Handout, padding: float = 2) -> TableStyle:
    """A shaded box; `padding` is the room above and below each row, and round the whole."""
    colours = handout.template.colours
    return TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, HexColor(colours.rule)),
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(colours.shade)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ("TOPPADDING", (0, 0), (-1, 0), padding + 2), ("BOTTOMPADDING", (0, -1), (-1, -1), padding + 3),
    ])
