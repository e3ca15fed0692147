"""A pictogram as PDF content-stream operators, made once and reused by every document.

A handout only ever draws a pictogram into a PDF. Going through a ReportLab Drawing
costs twice per picture: building the Drawing (every shape's attributes are checked)
and, in every document, walking it with renderPDF, which formats each of the thousand
or so coordinates again, then compressing them with the page. Here the scene's items
become the same path operators renderPDF would write (the same numbers, formatted by the
same `fp_str`, painted with the same operators, colours, widths, caps and joins), once
per frame of a pose, width and side, and are compressed once. A `PosePicture` then puts them in each
document as a form XObject, already compressed, and draws it with one `Do`.

The operators are self-contained: they save and restore the graphics state round
themselves, set every state they paint with (the dash, colours, width, cap, join),
and set no font and show no text, so they mean the same on any page of any document.
"""

from __future__ import annotations

import zlib

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import (
    fp_str,  # the number format of every ReportLab operator
)

from .draw import ACCENT_COLOUR, START_COLOUR, fit, role_colours, scenes_of
from .picture import PosePicture
from .pose import PoseIllustration
from .scene import Scene


def frame_pictures(
    ill: PoseIllustration, width: float, *, mirror: bool = False, accent: str = ACCENT_COLOUR, grey: str = START_COLOUR
) -> list[PosePicture]:
    """The illustration's frames, each `width` points wide (see draw.frame_drawings), as PDF operators."""
    scenes = scenes_of(ill)
    k, ox, oy, height = fit(scenes, width)
    colours = role_colours(accent, grey)
    return [PosePicture(width, height, zlib.compress(operators(scene, width, mirror, colours, (k, ox, oy)).encode("ascii")))
            for scene in scenes]


def operators(scene: Scene, width: float, mirror: bool, colours: dict[str, Color], placing: tuple[float, float, float]) -> str:
    """The scene's items as path operators, far to near, each painted as renderPDF paints
    the Polygon or PolyLine draw.render makes of it: even-odd fill, round joins, round caps
    on open lines. A state is written only when it changes from the shape before."""
    k, ox, oy = placing
    out = ["q", "[] 0 d"]  # whatever dash the page had, a pictogram's lines start solid
    state: dict[str, str] = {"d": "[] 0"}

    def put(operator: str, value: str) -> None:
        if state.get(operator) != value:
            state[operator] = value
            out.append(f"{value} {operator}")

    for layer in scene.layers:
        for item in layer.items:
            fill = colours[item.fill] if item.closed and item.fill else None
            stroke = colours[item.stroke] if item.stroke else None
            if fill is None and stroke is None:
                continue  # renderPDF paints nothing either
            if fill is not None:
                put("rg", fp_str(fill.red, fill.green, fill.blue))
            if stroke is not None:
                put("RG", fp_str(stroke.red, stroke.green, stroke.blue))
                put("w", fp_str(item.width * k))
                put("J", "0" if item.closed else "1")  # a Polygon's butt cap, a PolyLine's round one
                put("j", "1")
            # set for every shape, as renderPDF sets it (a fill after a dashed line undoes the dash)
            put("d", f"[{fp_str(item.dash[0] * k, item.dash[1] * k)}] 0" if item.dash else "[] 0")
            out.append(_path(item.points, width, mirror, k, ox, oy, item.closed))
            out.append("B*" if fill is not None and stroke is not None else "f*" if fill is not None else "S")
    out.append("Q")
    return "\n".join(out)


def _path(points: list[tuple[float, float]], width: float, mirror: bool, k: float, ox: float, oy: float, closed: bool) -> str:
    """Move to the first point, a line to each next one (every item has two or more)."""
    pairs = []
    for x, y in points:
        px = ox + x * k  # the arithmetic of draw.render's flat(): the same numbers
        pairs.append(fp_str(width - px if mirror else px, oy + y * k))
    return f"{pairs[0]} m {' l '.join(pairs[1:])} l" + (" h" if closed else "")
