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
    """A Pillow image of the drawing, white background; the shapes a picture block uses only
    (polygons, polylines, lines, circles, rectangles, dashed or not, text in a registered
    TrueType font, groups moved but not scaled or turned)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.graphics.shapes import Circle, Group, Line, Polygon, PolyLine, Rect, String
    from reportlab.pdfbase import pdfmetrics

    k = dpi / 72 * supersample
    w, h = max(1, round(drawing.width * dpi / 72)), max(1, round(drawing.height * dpi / 72))
    image = Image.new("RGB", (w * supersample, h * supersample), "white")
    draw = ImageDraw.Draw(image)
    top = drawing.height

    def colour(c):
        return None if c is None else (round(c.red * 255), round(c.green * 255), round(c.blue * 255))

    def stroke(pts, fill, width, closed, dash=None):
        if fill is None or width <= 0 or len(pts) < 2:
            return
        ring = pts + pts[:1] if closed else pts
        for run in _dashes(ring, [d * k for d in dash]) if dash else [ring]:
            px = max(1, round(width * k))
            draw.line(run, fill=fill, width=px, joint="curve")
            r = width * k / 2
            for x, y in run:  # round joins and caps
                draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def walk(node, dx: float, dy: float):
        def xy(points):
            return [((points[i] + dx) * k, (top - points[i + 1] - dy) * k) for i in range(0, len(points), 2)]

        for shape in node.getContents():
            if isinstance(shape, Group):
                a, b, c, d, e, f = shape.transform
                if (a, b, c, d) != (1, 0, 0, 1):
                    raise ValueError("the PNG fallback cannot draw scaled or turned groups")
                walk(shape, dx + e, dy + f)
            elif isinstance(shape, Polygon):
                pts = xy(shape.points)
                if shape.fillColor is not None and len(pts) >= 3:
                    draw.polygon(pts, fill=colour(shape.fillColor))
                stroke(pts, colour(shape.strokeColor), shape.strokeWidth, True, shape.strokeDashArray)
            elif isinstance(shape, PolyLine):
                stroke(xy(shape.points), colour(shape.strokeColor), shape.strokeWidth, False, shape.strokeDashArray)
            elif isinstance(shape, Line):
                stroke(xy([shape.x1, shape.y1, shape.x2, shape.y2]), colour(shape.strokeColor), shape.strokeWidth, False)
            elif isinstance(shape, Circle):
                x, y = (shape.cx + dx) * k, (top - shape.cy - dy) * k
                r = shape.r * k
                draw.ellipse((x - r, y - r, x + r, y + r), fill=colour(shape.fillColor))
            elif isinstance(shape, Rect):
                pts = xy([shape.x, shape.y, shape.x + shape.width, shape.y, shape.x + shape.width, shape.y + shape.height, shape.x, shape.y + shape.height])
                if shape.fillColor is not None:
                    draw.polygon(pts, fill=colour(shape.fillColor))
                # square corners: a rectangle's outline is mitred, not rounded
                if shape.strokeColor is not None and shape.strokeWidth > 0:
                    draw.polygon(pts, outline=colour(shape.strokeColor), width=max(1, round(shape.strokeWidth * k)))
            elif isinstance(shape, String):
                font = ImageFont.truetype(pdfmetrics.getFont(shape.fontName).face.filename, round(shape.fontSize * k))
                (x, y), = xy([shape.x, shape.y])
                draw.text((x, y), shape.text, font=font, fill=colour(shape.fillColor), anchor="ls")
            else:
                raise ValueError(f"the PNG fallback cannot draw a {type(shape).__name__}")

    walk(drawing, 0.0, 0.0)
    return image.resize((w, h), Image.Resampling.LANCZOS)


def _dashes(points: list[tuple[float, float]], pattern: list[float]) -> list[list[tuple[float, float]]]:
    """The dashes of a polyline: on for pattern[0], off for pattern[1], from its start."""
    import math

    runs: list[list[tuple[float, float]]] = []
    on, left, current = True, pattern[0], [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        seg = math.dist((x0, y0), (x1, y1))
        done = 0.0
        while seg - done > left:
            done += left
            t = done / seg
            p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                current.append(p)
                runs.append(current)
            else:
                current = [p]
            on = not on
            left = pattern[0] if on else pattern[1]
        left -= seg - done
        if on:
            current.append((x1, y1))
    if on and len(current) > 1:
        runs.append(current)
    return runs
