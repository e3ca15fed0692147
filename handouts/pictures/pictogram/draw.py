"""Turning a pose illustration into a ReportLab Drawing of a given width.

Colours are given by role in the scene and chosen here: start pose a flat light grey
(a tint, not transparency, so it prints the same everywhere), end pose near-black, one
accent for arrows and bands (dark orange, a mid grey on a black-and-white printer,
between the two), props in pale greys with a thin edge so that they never look like
part of the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color, HexColor, white

from .pose import PoseIllustration
from .scene import Scene, build_scene

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

ACCENT_COLOUR = "#b35900"
START_COLOUR = "#b8b8b8"
END_COLOUR = "#1e1e1e"
PROP_COLOUR = "#e3e3e3"
EDGE_COLOUR = "#8c8c8c"
TINT_COLOUR = "#f2f2f2"
FLOOR_COLOUR = "#8c8c8c"
_SCENES: WeakKeyDictionary[PoseIllustration, Scene] = WeakKeyDictionary()
MAX_ASPECT = 0.75  # height / width: two pictures side by side must still fit a card
PAD = 0.025  # white space round the content, in body heights


def pose_drawing(
    ill: PoseIllustration,
    width: float,
    *,
    mirror: bool = False,
    accent: str = ACCENT_COLOUR,
    grey: str = START_COLOUR,
) -> Drawing:
    """The illustration `width` points wide; height from the content, at most 0.75 x width.

    The data always draws the right side working; `mirror=True` flips the picture
    left to right for the left side. A handout draws the same picture from
    pdfops.pose_picture, without a Drawing.
    """
    return render(scene_of(ill), width, mirror, role_colours(accent, grey))


def scene_of(ill: PoseIllustration) -> Scene:
    """The illustration's scene, built once while the illustration lives."""
    scene = _SCENES.get(ill)
    if scene is None:
        # the scene does not depend on width, side or colours: a handout that shows
        # the same exercise twice, or a preview then a handout, lays it out once
        scene = _SCENES[ill] = build_scene(ill)
    return scene


def role_colours(accent: str = ACCENT_COLOUR, grey: str = START_COLOUR) -> dict[str, Color]:
    """The colour of each role a scene item can take (see the module notes)."""
    return {
        "start": HexColor(grey),
        "end": HexColor(END_COLOUR),
        "accent": HexColor(accent),
        "white": white,
        "prop": HexColor(PROP_COLOUR),
        "edge": HexColor(EDGE_COLOUR),
        "tint": HexColor(TINT_COLOUR),
        "floor": HexColor(FLOOR_COLOUR),
    }


def fit(scene: Scene, width: float) -> tuple[float, float, float, float]:
    """Scale and offsets (k, ox, oy) that centre the scene in `width`, and the height."""
    x0, y0, x1, y1 = scene.bbox()
    w, h = x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD
    k = width / w
    height = h * k
    if height > MAX_ASPECT * width:
        k = MAX_ASPECT * width / h
        height = MAX_ASPECT * width
    ox = (width - (x1 - x0) * k) / 2 - x0 * k
    oy = (height - (y1 - y0) * k) / 2 - y0 * k
    return k, ox, oy, height


def render(scene: Scene, width: float, mirror: bool, colours: dict) -> Drawing:
    # imported here: a handout draws pictograms from pdfops without a Drawing, and this
    # module costs more to import (1.6 ms) than the operators take to write
    from reportlab.graphics.shapes import Drawing, Group, Polygon, PolyLine

    k, ox, oy, height = fit(scene, width)
    drawing = Drawing(width, height)

    def flat(points) -> list[float]:
        out: list[float] = []
        for x, y in points:
            px = ox + x * k
            out += [width - px if mirror else px, oy + y * k]
        return out

    for layer in scene.layers:
        group = Group()
        for item in layer.items:
            if item.closed:
                shape = Polygon(
                    flat(item.points),
                    fillColor=colours[item.fill] if item.fill else None,
                    strokeColor=colours[item.stroke] if item.stroke else None,
                    strokeWidth=item.width * k,
                    strokeLineJoin=1,
                )
            else:
                shape = PolyLine(
                    flat(item.points),
                    strokeColor=colours[item.stroke] if item.stroke else None,
                    strokeWidth=item.width * k,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                )
            group.add(shape)
        drawing.add(group, name=layer.name)
    return drawing
