"""Where a body reaches: how far it extends, which way a side of a point faces in the
room, how high its surface is over a footprint, and how far back a mat must reach to show
behind it. Props are fitted with these."""

from __future__ import annotations

import math

from .body import Body
from .geometry import Vec
from .shapes import Camera

SIDES: dict[str, Vec] = {"left": (1.0, 0.0, 0.0), "right": (-1.0, 0.0, 0.0), "front": (0.0, 0.0, 1.0), "back": (0.0, 0.0, -1.0)}


def extent(bodies: list[Body], axis: int) -> tuple[float, float]:
    """The lowest and highest world coordinate the bodies reach along one axis."""
    balls = [b for body in bodies for p in body.parts.values() for b in p.balls]
    return min(b.c[axis] - b.r for b in balls), max(b.c[axis] + b.r for b in balls)


def direction(body: Body, point: str, side: str) -> Vec:
    """An anatomical side of a body point as a room direction (above and below are the room's).

    Leg points take the side from their thigh or shank (a pad stays on the outside of
    a knee that swings out); the rest from the pelvis. Props stand square to the room,
    so the direction snaps to the nearest room axis.
    """
    if side == "above":
        return (0.0, 1.0, 0.0)
    if side == "below":
        return (0.0, -1.0, 0.0)
    part = body.points[point].part
    frame = body.frames[part.replace("_foot", "_shank") if part.endswith(("_thigh", "_shank", "_foot")) else "pelvis"]
    local = SIDES[side]
    world = [sum(frame[r][k] * local[k] for k in range(3)) for r in range(3)]
    axis = max(range(3), key=lambda i: abs(world[i]))
    out = [0.0, 0.0, 0.0]
    out[axis] = math.copysign(1.0, world[axis])
    return (out[0], out[1], out[2])


def surface(body: Body, point: str, d: Vec) -> float:
    """How far the body's surface around `point` reaches along the unit direction `d`."""
    return body.support(body.points[point].part, d)


def lowest_over(body: Body, x0: float, x1: float, z0: float = -9.0, z1: float = 9.0) -> float:
    """The lowest trunk or leg surface over a footprint: where a bench or seat top must be.

    The arms are left out: hands hang beside a seat and elbows beside a bench.
    """
    low = math.inf
    for part in body.parts.values():
        if part.chain.endswith("_arm"):
            continue
        for b in part.balls:
            dx = max(x0 - b.c[0], 0.0, b.c[0] - x1)
            dz = max(z0 - b.c[2], 0.0, b.c[2] - z1)
            d2 = dx * dx + dz * dz
            if d2 < b.r * b.r:
                low = min(low, b.c[1] - math.sqrt(b.r * b.r - d2))
    return low


def behind_the_figure(bodies: list[Body], cam: Camera, level: float, x0: float, x1: float, margin: float) -> float:
    """How far back (room z) a floor-level edge from x0 to x1 must lie to be drawn `margin`
    above every body on the page; unchanged (infinite) for a view from level or the side.

    Seen from above, a mat fitted closely round a body lying on its side has its far edge
    along the underside of the trunk, and the bent legs drawn below that line seem to stand
    on the floor or dig into the mat (judges saw a clamshell on all fours). Reaching back
    past the top of the figure, the mat lies all round the body on the page.
    """
    if cam.s <= 1e-6 or cam.cy <= 1e-6:
        return math.inf
    top = max(cam.xy(b.c)[1] + b.r for body in bodies for p in body.parts.values() for b in p.balls)
    # a corner (x, level, z) is drawn at level * c - (z * cy - x * sy) * s: solved for z at both ends
    return min(((level * cam.c - top - margin) / cam.s + x * cam.sy) / cam.cy for x in (x0, x1))
