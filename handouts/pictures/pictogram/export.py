"""Writing a pictogram to a PNG, SVG or PDF file, chosen by the file's suffix.

The renderers are imported here, not at the top: a handout draws its pictograms without them, and
ReportLab's bitmap and SVG back-ends cost more to import than a page of pictograms to draw.

ReportLab 5 draws bitmaps only through the rlPyCairo back-end (pycairo, a C build), so
PNGs come from a small Pillow rasteriser of the few shape kinds a pictogram is made of
(polygons, polylines, lines, circles, rectangles), supersampled for smooth edges: one
path, the same on every machine.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import OutputError

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

PNG_DPI = 200


def export_drawing(drawing: Drawing, path: Path) -> None:
    """Write `drawing` to `path`: .png (about 200 dpi), .svg or .pdf."""
    path = Path(path)
    data = drawing_bytes(drawing, path.suffix, path)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None


def drawing_bytes(drawing: Drawing, suffix: str, name: Path | str = "picture") -> bytes:
    """`drawing` as the bytes of a .png (about 200 dpi), .svg or .pdf file, made in memory."""
    suffix = suffix.lower()
    if suffix == ".png":
        out = io.BytesIO()
        rasterise(drawing, PNG_DPI).save(out, format="PNG", optimize=True)
        return out.getvalue()
    if suffix == ".svg":
        from reportlab.graphics import renderSVG

        return renderSVG.drawToString(drawing).encode("utf-8")
    if suffix == ".pdf":
        from reportlab.graphics import renderPDF

        return renderPDF.drawToString(drawing)
    raise OutputError(f"{name}: a pictogram can be written as .png, .svg or .pdf, not {suffix or 'a file without a suffix'}")


def rasterise(drawing: Drawing, dpi: float = PNG_DPI, supersample: int = 4):
    """A Pillow image of the drawing, white background; the shapes pictograms use only."""
    from PIL import Image, ImageDraw
    from reportlab.graphics.shapes import Circle, Group, Line, Polygon, PolyLine, Rect

    k = dpi / 72 * supersample
    w, h = max(1, round(drawing.width * dpi / 72)), max(1, round(drawing.height * dpi / 72))
    image = Image.new("RGB", (w * supersample, h * supersample), "white")
    draw = ImageDraw.Draw(image)
    top = drawing.height

    def colour(c):
        return None if c is None else (round(c.red * 255), round(c.green * 255), round(c.blue * 255))

    def xy(points):
        return [(points[i] * k, (top - points[i + 1]) * k) for i in range(0, len(points), 2)]

    def stroke(pts, fill, width, closed):
        if fill is None or width <= 0 or len(pts) < 2:
            return
        px = max(1, round(width * k))
        ring = pts + pts[:1] if closed else pts
        draw.line(ring, fill=fill, width=px, joint="curve")
        r = width * k / 2
        for x, y in ring:  # round joins and caps
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def walk(node):
        for shape in node.getContents():
            if isinstance(shape, Group):
                if shape.transform not in ((1, 0, 0, 1, 0, 0), [1, 0, 0, 1, 0, 0]):
                    raise ValueError("the PNG fallback cannot draw transformed groups")
                walk(shape)
            elif isinstance(shape, Polygon):
                pts = xy(shape.points)
                if shape.fillColor is not None and len(pts) >= 3:
                    draw.polygon(pts, fill=colour(shape.fillColor))
                stroke(pts, colour(shape.strokeColor), shape.strokeWidth, True)
            elif isinstance(shape, PolyLine):
                stroke(xy(shape.points), colour(shape.strokeColor), shape.strokeWidth, False)
            elif isinstance(shape, Line):
                stroke(xy([shape.x1, shape.y1, shape.x2, shape.y2]), colour(shape.strokeColor), shape.strokeWidth, False)
            elif isinstance(shape, Circle):
                x, y = shape.cx * k, (top - shape.cy) * k
                r = shape.r * k
                draw.ellipse((x - r, y - r, x + r, y + r), fill=colour(shape.fillColor))
            elif isinstance(shape, Rect):
                pts = xy([shape.x, shape.y, shape.x + shape.width, shape.y, shape.x + shape.width, shape.y + shape.height, shape.x, shape.y + shape.height])
                if shape.fillColor is not None:
                    draw.polygon(pts, fill=colour(shape.fillColor))
                stroke(pts, colour(shape.strokeColor), shape.strokeWidth, True)
            else:
                raise ValueError(f"the PNG fallback cannot draw a {type(shape).__name__}")

    walk(drawing)
    return image.resize((w, h), Image.Resampling.LANCZOS)
