"""Turning a pose illustration into ReportLab Drawings of its frames, of a given width.

Colours are given by role in the scene and chosen here: the figure near-black (in both
frames, the limbs underneath a side-lying body dark grey; an overlay's start pose a flat light grey, a tint, not transparency, so it prints
the same everywhere), one accent for arrows and bands (dark orange, a mid grey on a
black-and-white printer: an arrow is solid accent, a band a light tint of it edged in
black, so the two differ in pattern and weight, not only in shape: moving_props), props in pale
greys with a thin edge so that they never look like part of the body, and the floor
seen from above a flat grey that a mono laser still prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color, HexColor, white

from .pose import PoseIllustration
from .scene import Scene, build_scenes, union_bbox

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

ACCENT_COLOUR = "#b35900"
START_COLOUR = "#b8b8b8"
END_COLOUR = "#1e1e1e"
# the limbs underneath a body lying on its side: a dark grey, so that the top leg reads
# apart from the bottom one where they overlap (in black the two merged into one shape)
FAR_COLOUR = "#8a8a8a"  # lighter than the accent prints in grey (#6a6a6a): an arrow stays apart from it
# the hip line's shorts: light, so that the dashed level line (EDGE_COLOUR) and an arrow
# (mid grey on a mono print) show over and beside them; not START_COLOUR, a grey figure
SHORTS_COLOUR = "#c2c2c2"
PROP_COLOUR = "#e3e3e3"
EDGE_COLOUR = "#8c8c8c"
TINT_COLOUR = "#ebebeb"
GROUND_COLOUR = "#e2e2e2"  # the floor seen from above: dark enough to print on a mono laser
FLOOR_COLOUR = "#8c8c8c"
GHOST_COLOUR = "#a0a0a0"  # where a stepping foot stood (ghost.py): a grey between the floor's and the arrow's
WALL_COLOUR = "#c4c4c4"  # a wall we look at: dark enough that a weak mono laser still prints it
BAND_TINT = 0.4  # how much of the accent is in a band's light middle
BOLD_TINT = 0.5  # a loop round lying thighs (band.py): darker, to show on the mat in greyscale
_SCENES: WeakKeyDictionary[PoseIllustration, tuple[Scene, ...]] = WeakKeyDictionary()
PAD = 0.012  # white space round the content, in body heights (the frame adds a little)
# A frame at most this many times as tall as it is wide. The scale is set by the figure:
# a lying body fills the frame's width, and a standing one is as tall as this allows
# rather than shrunk until its height fits a short, wide picture.
TALLEST = 0.95


def frame_drawings(
    ill: PoseIllustration,
    width: float,
    *,
    mirror: bool = False,
    accent: str = ACCENT_COLOUR,
    grey: str = START_COLOUR,
) -> list[Drawing]:
    """The illustration's frames (Start and Finish, or one overlay), each `width` points
    wide, all of one height and drawn at one scale and place (see fit).

    The data always draws the right side working; `mirror=True` flips the pictures
    left to right for the left side. A handout draws the same frames from
    pdfops.frame_pictures, without a Drawing.
    """
    scenes = scenes_of(ill)
    placing = fit(scenes, width)
    colours = role_colours(accent, grey)
    return [render(scene, width, mirror, colours, placing) for scene in scenes]


def scenes_of(ill: PoseIllustration) -> tuple[Scene, ...]:
    """The illustration's scenes, built once while the illustration lives."""
    scenes = _SCENES.get(ill)
    if scenes is None:
        # the scenes do not depend on width, side or colours: a handout that shows
        # the same exercise twice, or a preview then a handout, lays them out once
        scenes = _SCENES[ill] = build_scenes(ill)
    return scenes


def role_colours(accent: str = ACCENT_COLOUR, grey: str = START_COLOUR) -> dict[str, Color]:
    """The colour of each role a scene item can take (see the module notes)."""
    return {
        "start": HexColor(grey),
        "end": HexColor(END_COLOUR),
        "far": HexColor(FAR_COLOUR),
        "shorts": HexColor(SHORTS_COLOUR),
        "accent": HexColor(accent),
        # a band's middle: the accent thinned with white, so that between its black edges
        # it prints light, a hollow ribbon, where an arrow prints solid mid grey
        "band": _tint(HexColor(accent), BAND_TINT),
        "band_bold": _tint(HexColor(accent), BOLD_TINT),
        "white": white,
        "prop": HexColor(PROP_COLOUR),
        "edge": HexColor(EDGE_COLOUR),
        "tint": HexColor(TINT_COLOUR),
        "ground": HexColor(GROUND_COLOUR),
        "wall": HexColor(WALL_COLOUR),
        "floor": HexColor(FLOOR_COLOUR),
        "ghost": HexColor(GHOST_COLOUR),
    }


def _tint(colour: Color, amount: float) -> Color:
    """`amount` of the colour on white: a flat tint, not transparency (it prints predictably)."""
    return Color(*(1 - amount + amount * c for c in (colour.red, colour.green, colour.blue)))


def fit(scenes: tuple[Scene, ...], width: float) -> tuple[float, float, float, float]:
    """Scale and offsets (k, ox, oy) that centre what every frame holds in `width`, and the
    frames' height: one for all, so that what does not move stays in place from frame to frame."""
    x0, y0, x1, y1 = union_bbox(scenes)
    w, h = x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD
    k = min(width / w, TALLEST * width / h)
    height = h * k
    ox = (width - (x1 - x0) * k) / 2 - x0 * k
    oy = (height - (y1 - y0) * k) / 2 - y0 * k
    return k, ox, oy, height


def render(scene: Scene, width: float, mirror: bool, colours: dict, placing: tuple[float, float, float, float]) -> Drawing:
    # imported here: a handout draws pictograms from pdfops without a Drawing, and this
    # module costs more to import (1.6 ms) than the operators take to write
    from reportlab.graphics.shapes import Drawing, Group, Polygon, PolyLine

    k, ox, oy, height = placing
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
            dash = [item.dash[0] * k, item.dash[1] * k] if item.dash else None
            if item.closed:
                shape = Polygon(
                    flat(item.points),
                    fillColor=colours[item.fill] if item.fill else None,
                    strokeColor=colours[item.stroke] if item.stroke else None,
                    strokeWidth=item.width * k,
                    strokeLineJoin=1,
                    strokeDashArray=dash,
                )
            else:
                shape = PolyLine(
                    flat(item.points),
                    strokeColor=colours[item.stroke] if item.stroke else None,
                    strokeWidth=item.width * k,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                    strokeDashArray=dash,
                )
            group.add(shape)
        drawing.add(group, name=layer.name)
    return drawing
