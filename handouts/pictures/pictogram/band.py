"""An exercise band: a loop round two limbs, or a strip from the table leg to a cuff.

Either is a ribbon: a light tint of the accent edged in dark on both sides, so that on a
mono laser it prints as a hollow strip and never as an arrow (an arrow is solid mid
grey, with no edges and a head).
"""

from __future__ import annotations

import math

from .body import Body
from .fixed_props import Fixed
from .geometry import (
    Pt,
    Vec,
    add,
    circle_points,
    convex_hull,
    cross,
    dot,
    norm,
    scale,
    sub,
    unit,
)
from .shapes import BAND_EDGE, BAND_WIDTH, Camera, DrawGroup, Item, halo_of

RING_POINTS = 24
BAND_HUG = 0.0  # a loop lies on the limbs, its middle on their surface: a hoop standing off them read as a tube
TABLE_KNOT = 0.022  # half the width of the knot round a table leg (the leg is 0.03 wide)


def limb_axis(body: Body, cam: Camera, point: str) -> tuple[Pt, float]:
    """The page direction of the limb a point sits on, and the limb's radius there."""
    part = body.parts[body.points[point].part]
    if len(part.balls) == 2:
        a, b = (cam.xy(ball.c) for ball in part.balls)
        p = cam.xy(body.points[point].c)
        n = math.dist(a, b) or 1.0
        t = max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (n * n)))
        return ((b[0] - a[0]) / n, (b[1] - a[1]) / n), part.balls[0].r + (part.balls[1].r - part.balls[0].r) * t
    return (0.0, 1.0), max(b.r for b in part.balls)


def band_groups(body: Body, cam: Camera, colour: str, fixed: Fixed, at: str, to: str) -> list[DrawGroup]:
    """The band between two body points (a loop round both), or from the table to a limb."""
    if at in body.points and to in body.points:
        return _loop(body, cam, colour, (at, to))
    return _strip(body, cam, colour, fixed, (at, to))


def _loop(body: Body, cam: Camera, colour: str, names: tuple[str, str]) -> list[DrawGroup]:
    """A loop round two limbs as it lies in the room: in the plane square to both, round
    the outside of each and straight across between them, stretching as they part.

    The strands behind the limbs are drawn behind them and the strands in front over
    them, so the band reads as wrapped round the legs, not as a ring held in front.
    """
    axes = [_axis(body, name) for name in names]
    normal = unit(add(*axes)) if norm(add(*axes)) > 1e-6 else axes[0]
    u = unit(cross(normal, (0.0, 0.0, 1.0) if abs(normal[2]) < 0.9 else (1.0, 0.0, 0.0)))
    v = cross(normal, u)
    origin = body.points[names[0]].c
    flat: dict[Pt, tuple[Vec, bool]] = {}  # the loop in its own plane -> (in the room, in front of its limb)
    for name in names:
        c, r = body.points[name].c, _radius(body, name) + BAND_HUG
        for x, y in circle_points(0.0, 0.0, r, RING_POINTS):
            room = add(c, add(scale(u, x), scale(v, y)))
            flat[(dot(sub(room, origin), u), dot(sub(room, origin), v))] = (room, cam.depth(room) >= cam.depth(c))
    path = [flat[p] for p in convex_hull(flat)]
    near = max(cam.depth(body.points[n].c) for n in names) + 0.1
    far = min(cam.depth(body.points[n].c) for n in names) - 0.3
    runs: list[tuple[bool, list[Pt]]] = []
    n = len(path)
    first = next((i for i in range(n) if path[i][1] != path[i - 1][1]), 0)  # where a run begins
    for k in range(n):
        room, front = path[(first + k) % n]
        if runs and runs[-1][0] == front:
            runs[-1][1].append(cam.xy(room))
        else:
            runs.append((front, [cam.xy(room)]))
    if len(runs) == 1:  # all in front (or all behind): one closed ring
        runs[0][1].append(runs[0][1][0])
    else:  # each run joined to the next halfway between them
        for (_, this), (_, after) in zip(runs, runs[1:] + runs[:1]):
            join = ((this[-1][0] + after[0][0]) / 2, (this[-1][1] + after[0][1]) / 2)
            this.append(join)
            after.insert(0, join)
    groups = []
    for front, points in runs:
        edge, core = _ribbon(points, colour)
        groups.append(DrawGroup(near if front else far, 10.0, [halo_of(edge)] if front else [], [edge, core]))
    return groups


def _strip(body: Body, cam: Camera, colour: str, fixed: Fixed, names: tuple[str, str]) -> list[DrawGroup]:
    """From the table (tied low on its leg) to a cuff round a limb, in front of it: the
    band is tied to this leg, and only passes behind the other."""
    ends, depths, cuffs = [], [], []
    for name in names:
        if name in body.points:
            ends.append((cam.xy(body.points[name].c), limb_axis(body, cam, name)[1]))
            depths.append(cam.depth(body.points[name].c))
            ring = convex_hull([cam.xy(c) for c in cross_section(body, name, BAND_WIDTH / 2)])
            cuff = _ribbon(ring + ring[:1], colour)
            cuffs.append(DrawGroup(cam.depth(body.points[name].c) + 0.1, 10.0, [halo_of(cuff[0])], list(cuff)))
        else:
            ends.append((cam.xy(fixed.anchors[name]), -0.004))
            depths.append(cam.depth(fixed.anchors[name]))
            # a knot round the table leg, in front of it: the band is tied there, not
            # just touching it (judges read a bare end as tied to the chair beside it)
            x, y = cam.xy(fixed.anchors[name])
            knot = _ribbon([(x - TABLE_KNOT, y), (x + TABLE_KNOT, y)], colour)
            cuffs.append(DrawGroup(cam.depth(fixed.anchors[name]) + 0.1, 10.0, [halo_of(knot[0])], list(knot)))
    (a, ra), (b, rb) = ends
    d = unit((b[0] - a[0], b[1] - a[1], 0.0))
    strip = _ribbon([(a[0] - d[0] * ra, a[1] - d[1] * ra), (b[0] + d[0] * rb, b[1] + d[1] * rb)], colour)
    # at the depth of its middle: from a table behind, it runs behind the leg between
    return [DrawGroup(sum(depths) / len(depths), 10.0, [halo_of(strip[0])], list(strip)), *cuffs]


def _ribbon(points: list[Pt], colour: str) -> tuple[Item, Item]:
    """A band along `points`: a dark stroke, and the band's colour down its middle."""
    return (Item(points, stroke="end", width=BAND_WIDTH + 2 * BAND_EDGE, closed=False),
            Item(points, stroke=colour, width=BAND_WIDTH, closed=False))


def _axis(body: Body, point: str) -> Vec:
    part = body.parts[body.points[point].part]
    return unit(sub(part.balls[-1].c, part.balls[0].c)) if len(part.balls) == 2 else (0.0, 1.0, 0.0)


def _radius(body: Body, point: str) -> float:
    part = body.parts[body.points[point].part]
    if len(part.balls) != 2:
        return max(b.r for b in part.balls)
    a, b = part.balls
    t = max(0.0, min(1.0, dot(sub(body.points[point].c, a.c), _axis(body, point)) / (norm(sub(b.c, a.c)) or 1.0)))
    return a.r + (b.r - a.r) * t


def cross_section(body: Body, point: str, grow: float, n: int = 16) -> list[Vec]:
    """The ring round a limb at a point, square to the limb, just outside its surface."""
    c = body.points[point].c
    axis, r = _axis(body, point), _radius(body, point) + grow
    if len(body.parts[body.points[point].part].balls) != 2:
        return [(c[0] + r * x, c[1] + r * y, c[2]) for x, y in circle_points(0.0, 0.0, 1.0, n)]
    u = unit(cross(axis, (0.0, 0.0, 1.0) if abs(axis[2]) < 0.9 else (1.0, 0.0, 0.0)))
    v = cross(axis, u)
    return [add(c, add(scale(u, r * x), scale(v, r * y))) for x, y in circle_points(0.0, 0.0, 1.0, n)]
