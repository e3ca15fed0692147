"""Movement marks in the one accent colour: arcs about a joint, straight moves, a hold.

An arc follows the real path of a body point as the pose blends from start to end
(so it bends the way the joint turns), drawn a little outside it. A move is a straight
(or bowed) arrow from where a point starts to where it ends: for translations, which
read better beside the body than on it. A hold is a small stopwatch.
"""

from __future__ import annotations

import math

from .body import Body
from .geometry import Pt, add, circle_points, dot, polyline_length, scale, sub, trim_polyline, unit
from .placement import blend, placed_point
from .pose import Arrow, PoseIllustration
from .shapes import (
    ARROW_EDGE,
    ARROW_WIDTH,
    GAP,
    HEAD_HALF_WIDTH,
    HEAD_LENGTH,
    Camera,
    Item,
    box2d,
    halo_of,
    segment,
)

SAMPLES = 12  # steps along an arc
STOPWATCH_R = 0.09  # the hold's stopwatch: bigger than an arrow's head, the frame's one big mark (0.06 read as a detail)
DEFAULT_GAP = 0.07  # an arc runs this far outside the point's path, in body heights
MIN_LENGTH = 0.2  # the shortest arc drawn, in body heights: three heads long
MIN_BOTH_WAYS = 0.26  # with a head at each end


def arrow_items(ill: PoseIllustration, cam: Camera, start: Body, end: Body) -> list[Item]:
    items: list[Item] = []
    for arrow in ill.arrows:
        offset = arrow.offset or [0.0, 0.0]
        if arrow.arc:
            items += _arrow(_arc_path(ill, cam, arrow, start, end), arrow.both_ways, offset)
        elif arrow.move:
            items += _arrow(_move_path(arrow, cam.xy(start.points[arrow.move].c), cam.xy(end.points[arrow.move].c)), arrow.both_ways, offset)
        elif arrow.hold:
            p = cam.xy(end.points[arrow.hold].c)
            items += stopwatch((p[0] + offset[0], p[1] + offset[1]))
    return items


def _arc_path(ill: PoseIllustration, cam: Camera, arrow: Arrow, start: Body, end: Body) -> list[Pt]:
    """The point's path from start to end pose, pushed `gap` further out from the pivot.

    About a joint, the push is on the page, away from the joint. About an axis (two
    points, e.g. the hip and the ankle of a clamshell), it is in the room, away from the
    axis, so the arc follows the turn even where the page shows its circle nearly edge on.
    A small movement (a leg lifted a few inches) would give an arrow all head and no
    line: its arc is drawn on along the same path, before and after, to a readable length.
    """
    assert arrow.arc and arrow.about
    path = _arc_through(ill, cam, arrow, start, end, [i / SAMPLES for i in range(SAMPLES + 1)])
    shortest = arrow.length or (MIN_BOTH_WAYS if arrow.both_ways else MIN_LENGTH)
    drawn = polyline_length(path)
    if 1e-9 < drawn < shortest:
        more = (shortest / drawn - 1) / 2  # as much again before the start as after the end
        path = _arc_through(ill, cam, arrow, start, end, [-more + (1 + 2 * more) * i / SAMPLES for i in range(SAMPLES + 1)])
    return path


def _arc_through(ill: PoseIllustration, cam: Camera, arrow: Arrow, start: Body, end: Body, steps: list[float]) -> list[Pt]:
    """The arc through the poses a fraction `t` of the way from start to end, for each t in steps."""
    assert arrow.arc and arrow.about
    gap = DEFAULT_GAP if arrow.gap is None else arrow.gap
    # the placed poses' own points at the two ends: only the steps between are posed here
    own = {0.0: start.points[arrow.arc].c, 1.0: end.points[arrow.arc].c}
    samples = [own.get(t) or placed_point(ill, blend(ill.start, ill.end, t), arrow.arc) for t in steps]
    if isinstance(arrow.about, list):
        a, b = (start.points[name].c for name in arrow.about)
        axis = unit(sub(b, a))
        path3 = []
        for p in samples:
            foot = add(a, scale(axis, dot(sub(p, a), axis)))
            path3.append(add(p, scale(unit(sub(p, foot)), gap)))
        return [cam.xy(p) for p in path3]
    pivot = cam.xy(start.points[arrow.about].c)
    path: list[Pt] = []
    for p in map(cam.xy, samples):
        dx, dy = p[0] - pivot[0], p[1] - pivot[1]
        n = math.hypot(dx, dy) or 1.0
        path.append((pivot[0] + dx / n * (n + gap), pivot[1] + dy / n * (n + gap)))
    return path


def _move_path(arrow: Arrow, a: Pt, b: Pt) -> list[Pt]:
    if arrow.along == "vertical":  # only the up or down part of the movement
        a, b = ((a[0] + b[0]) / 2, a[1]), ((a[0] + b[0]) / 2, b[1])
    elif arrow.along == "horizontal":
        a, b = (a[0], (a[1] + b[1]) / 2), (b[0], (a[1] + b[1]) / 2)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = math.dist(a, b) or 1e-9
    if arrow.length:  # a small movement drawn with a readable arrow, about the same middle
        k = arrow.length / length
        a, b = (mid[0] + (a[0] - mid[0]) * k, mid[1] + (a[1] - mid[1]) * k), (mid[0] + (b[0] - mid[0]) * k, mid[1] + (b[1] - mid[1]) * k)
        length = arrow.length
    bow = (arrow.bend or 0.0) * length  # a quadratic curve through a control point off the middle
    ctrl = (mid[0] - (b[1] - a[1]) / length * bow, mid[1] + (b[0] - a[0]) / length * bow)
    return [
        ((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * ctrl[0] + t * t * b[0], (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * ctrl[1] + t * t * b[1])
        for t in (i / SAMPLES for i in range(SAMPLES + 1))
    ]


def _arrow(path: list[Pt], both: bool, offset: list[float]) -> list[Item]:
    """A polyline with a filled head (or two), over a white halo so it reads on a limb."""
    path = [(x + offset[0], y + offset[1]) for x, y in path]
    path = [p for i, p in enumerate(path) if i == 0 or math.dist(p, path[i - 1]) > 1e-6]
    if len(path) < 2:
        return []
    heads = [_head(path)] + ([_head(path[::-1])] if both else [])
    line = trim_polyline(path, HEAD_LENGTH * 0.7 if both else 0.0, HEAD_LENGTH * 0.7)
    shaft = Item(line, stroke="accent", width=ARROW_WIDTH, closed=False)
    tips = [Item(h, fill="accent") for h in heads]
    # a dark rim round line and heads, under them: it keeps the arrow's outline on grey
    rims = [Item(line, stroke="end", width=ARROW_WIDTH + 2 * ARROW_EDGE, closed=False)]
    rims += [Item(h, fill="end", stroke="end", width=2 * ARROW_EDGE) for h in heads]
    # a white halo round the dark rim, as a limb has round its outline (a full GAP clear
    # of the rim, not of the accent): inside the old one, only 0.008 of white was left, and
    # on a mono laser the arrow's dark rim ran into a black limb or a grey wall it crossed
    halos = [halo_of(r) for r in rims]
    return halos + rims + [shaft] + tips


def _head(path: list[Pt]) -> list[Pt]:
    """A triangle at the path's end, aimed along its last head length (right on a curve too)."""
    tip = path[-1]
    back = _point_back(path, HEAD_LENGTH)
    dx, dy = tip[0] - back[0], tip[1] - back[1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    base = (tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH)
    return [tip, (base[0] - uy * HEAD_HALF_WIDTH, base[1] + ux * HEAD_HALF_WIDTH), (base[0] + uy * HEAD_HALF_WIDTH, base[1] - ux * HEAD_HALF_WIDTH)]


def _point_back(path: list[Pt], length: float) -> Pt:
    run = 0.0
    for a, b in zip(reversed(path[:-1]), reversed(path[1:])):
        seg = math.dist(a, b)
        if run + seg >= length:
            t = (length - run) / seg
            return (b[0] + (a[0] - b[0]) * t, b[1] + (a[1] - b[1]) * t)
        run += seg
    return path[0]


def stopwatch(c: Pt) -> list[Item]:
    """A stopwatch: the mark for a position held still (as large as an arrow's head is
    long, and more: the one thing that tells a hold from a lift at a glance)."""
    r = STOPWATCH_R
    ring = circle_points(c[0], c[1], r, 28)
    items = [Item(circle_points(c[0], c[1], r + 0.012 + GAP, 28), fill="white")]
    # the time gone by, a light wedge from twelve o'clock round to the hand: a timer
    # running, which a plain ring next to a lift's arrow did not say (judges saw two lifts)
    turn = [(c[0] + r * math.sin(a), c[1] + r * math.cos(a)) for a in (i * math.radians(100) / 8 for i in range(9))]
    items.append(Item([c, *turn], fill="accent"))  # solid: a light tint vanished on a mono print
    items.append(Item(ring + ring[:1], stroke="accent", width=0.018, closed=False))
    items.append(Item(box2d((c[0], c[1] + r + 0.018), (0.0, 1.0), 0.012, 0.02, 0.004), fill="accent"))
    items.append(segment(c, (c[0], c[1] + r * 0.62), 0.014, "end"))  # the hands dark, over the wedge
    items.append(segment(c, (c[0] + r * 0.6 * math.sin(math.radians(100)), c[1] + r * 0.6 * math.cos(math.radians(100))), 0.014, "end"))
    return items
