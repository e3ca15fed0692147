"""Flat shapes in body heights, the camera that makes them, and the drawing's widths.

Every picture is built from two kinds of `Item`: a filled polygon or a stroked
polyline, coloured by role ("start", "end", "accent", "white", "prop", ...); draw.py
scales them to points and picks the colours.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .geometry import Pt, Vec, circle_points, convex_hull

# Widths, in body heights (at 6 cm a lying body is about 130 pt long: 0.01 is 1.3 pt).
GAP = 0.013  # the white halo that separates a limb from what lies behind it
ARROW_WIDTH = 0.025  # a bold line: the one mark in the picture that says "move this way"
HEAD_LENGTH = 0.07
HEAD_HALF_WIDTH = 0.046
ARROW_EDGE = 0.005  # a thin dark rim: on a mono laser the accent prints mid grey, and
# without it an arrow faded into a grey bottom leg or a wall (round 3); thinner than a
# band's edges, so the band stays a hollow ribbon and the arrow a solid line with a head
BAND_WIDTH = 0.022  # the band's light middle; with its dark edges it is wider than an arrow
BAND_EDGE = 0.008
EDGE = 0.006  # the outline of props
PAD_EDGE = 0.01  # the outline of a machine pad, in the colour of its pose
FLOOR_THICKNESS = 0.014
GHOST_EDGE = 0.007  # the dashed outline of an overlay's start pose: it differs in shape, not only in tint
GHOST_DASH = (0.022, 0.014)


# Named tuples, not dataclasses: quicker to make (a picture has hundreds) and to define.
class Item(NamedTuple):
    """One flat shape: a filled polygon (closed) or a stroked polyline, colours by role;
    `dash` (dash and gap lengths) strokes it dashed."""

    points: list[Pt]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0
    closed: bool = True
    dash: tuple[float, float] | None = None


class DrawGroup(NamedTuple):
    """Shapes drawn together at one depth: a white halo first, then the fills."""

    depth: float
    rank: float  # breaks ties in depth
    halo: list[Item]
    fill: list[Item]


class Camera:
    """Orthographic view, turned `yaw` degrees about the vertical, raised `elevation` degrees.

    Raising the camera tips the floor towards us; turning it shows a body lying across
    the picture a little from its feet, the view in which a clamshell opens.
    """

    def __init__(self, elevation: float, yaw: float = 0.0):
        self.c = math.cos(math.radians(elevation))
        self.s = math.sin(math.radians(elevation))
        self.cy = math.cos(math.radians(yaw))
        self.sy = math.sin(math.radians(yaw))
        self.raised = elevation > 0 or yaw != 0

    def _turn(self, v: Vec) -> tuple[float, float]:
        return v[0] * self.cy + v[2] * self.sy, -v[0] * self.sy + v[2] * self.cy

    def xy(self, v: Vec) -> Pt:
        x, z = self._turn(v)
        return (x, v[1] * self.c - z * self.s)

    def depth(self, v: Vec) -> float:
        _, z = self._turn(v)
        return z * self.c + v[1] * self.s


class Box(NamedTuple):
    """A box square to the room (a step, a bench top, a wall), in world coordinates."""

    x0: float
    x1: float
    y0: float
    y1: float
    z0: float
    z1: float

    def corners(self) -> list[Vec]:
        return [(x, y, z) for x in (self.x0, self.x1) for y in (self.y0, self.y1) for z in (self.z0, self.z1)]


def box_items(cam: Camera, box: Box, fill: str = "prop") -> list[Item]:
    """A box's outline; seen from above, its top face too, lighter, so it reads as solid."""
    items = [Item(convex_hull([cam.xy(c) for c in box.corners()]), fill=fill, stroke="edge", width=EDGE)]
    if cam.raised:
        top = [(box.x0, box.y1, box.z0), (box.x1, box.y1, box.z0), (box.x1, box.y1, box.z1), (box.x0, box.y1, box.z1)]
        items.append(Item([cam.xy(c) for c in top], fill="tint", stroke="edge", width=EDGE))
    return items


def segment(a: Pt, b: Pt, width: float, role: str) -> Item:
    return Item([a, b], stroke=role, width=width, closed=False)


def rounded(poly: list[Pt], r: float) -> list[Pt]:
    """A convex polygon with its corners rounded off by `r`, keeping its size."""
    cx = sum(p[0] for p in poly) / len(poly)
    cy = sum(p[1] for p in poly) / len(poly)
    pts: list[Pt] = []
    for x, y in poly:
        dx, dy = cx - x, cy - y
        n = math.hypot(dx, dy) or 1.0
        k = min(r * math.sqrt(2), n * 0.5)  # in along the diagonal, then out by r
        pts += circle_points(x + dx / n * k, y + dy / n * k, r, 12)
    return convex_hull(pts)


def box2d(c: Pt, along: Pt, half_len: float, half_wid: float, r: float) -> list[Pt]:
    """A rounded rectangle centred on `c`, its length along the unit vector `along`."""
    nx, ny = -along[1], along[0]
    corners = [
        (c[0] + along[0] * sa * half_len + nx * sw * half_wid, c[1] + along[1] * sa * half_len + ny * sw * half_wid)
        for sa, sw in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]
    return rounded(corners, r)


def halo_of(item: Item, by: float = GAP) -> Item:
    """The white shape that clears a gap of `by` round an item."""
    if not item.closed:
        return Item(item.points, stroke="white", width=item.width + 2 * by, closed=False)
    pts: list[Pt] = []
    for x, y in item.points:
        pts += circle_points(x, y, by + item.width / 2, 8)
    return Item(convex_hull(pts), fill="white")
