"""The body font with a plain zero: Atkinson Hyperlegible's 0 is slashed.

The slash tells 0 from O in codes and passwords, which a handout has none of; on its
doses, dates and phone numbers three of four PEMAT reviewers marked the slashed 0 as a
number a patient may not read ("1Ø"), and it is rare in print a patient sees. So the
zero's counter, which the slash cuts in two, is made whole: an oval the size of the two
pieces together. Nothing else changes: widths, metrics, every other letter. The font is
under the SIL Open Font License, which allows such a modified version (it names no
reserved font name) and embedding it in a document.

Reading and writing the font takes fontTools about 150 ms, so the made font is kept in
the cache, found by the digest of the font file's bytes (never by its path).
"""

# No `from __future__ import annotations`: msgspec would compile the Struct's annotation
# from text in every run that reads the kept font (see reading/cache.py).
import io
from pathlib import Path

import msgspec

from ..reading.cache import digest, recall, remember

RECIPE = 1  # raise when the drawing of the zero changes: the kept fonts are then made again


class Made(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    font: bytes


def plain_zero(path: str) -> io.BytesIO | str:
    """The font at `path` with a plain zero, as a file ReportLab can read; the font itself
    when its zero is not the slashed one this knows how to mend."""
    raw = Path(path).read_bytes()
    key = [digest(raw), RECIPE]
    kept = recall("font", key, Made)
    if kept is None:
        kept = Made(_mended(raw) or b"")
        remember("font", key, kept)
    if not kept.font:
        return path
    stream = io.BytesIO(kept.font)
    stream.name = path  # ReportLab names the font's file in its errors by this
    return stream


def _mended(raw: bytes) -> bytes | None:
    """The font's bytes with the zero's counter whole; None when the zero is not an outline,
    a counter and a slash (another version of the font: printed as it is)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(raw), recalcTimestamp=False)  # its own `modified` date kept: the same bytes every time
    glyphs = font["glyf"]
    zero = glyphs["zero"] if "zero" in glyphs else None
    if zero is None or zero.isComposite() or zero.numberOfContours != 3:
        return None
    points, ends, flags = zero.getCoordinates(glyphs)
    contours = [list(range(start, end + 1)) for start, end in zip([0, *[e + 1 for e in ends[:-1]]], ends)]
    boxes = [_box([points[i] for i in c]) for c in contours]
    outer = max(range(3), key=lambda i: _area(boxes[i]))
    pieces = [boxes[i] for i in range(3) if i != outer]
    hole = (min(b[0] for b in pieces), min(b[1] for b in pieces), max(b[2] for b in pieces), max(b[3] for b in pieces))
    x0, y0, x1, y1 = boxes[outer]
    if not (x0 < hole[0] < hole[2] < x1 and y0 < hole[1] < hole[3] < y1):
        return None
    # the counter: the outline scaled into the pieces' box, drawn the other way round (a
    # hole), its curve points kept: the stroke then thins at the top and bottom as before
    sx, sy = (hole[2] - hole[0]) / (x1 - x0), (hole[3] - hole[1]) / (y1 - y0)
    ring = contours[outer]
    inner = [(round(hole[0] + (points[i][0] - x0) * sx), round(hole[1] + (points[i][1] - y0) * sy)) for i in reversed(ring)]
    from fontTools.pens.ttGlyphPen import TTGlyphPointPen

    pen = TTGlyphPointPen(None)
    for contour in ([(points[i], flags[i] & 1) for i in ring], [(p, flags[i] & 1) for p, i in zip(inner, reversed(ring))]):
        pen.beginPath()
        for point, on_curve in contour:
            pen.addPoint(point, "qcurve" if on_curve else None)
        pen.endPath()
    glyphs["zero"] = pen.glyph()  # no hinting program: it named the old points
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _box(points: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])
