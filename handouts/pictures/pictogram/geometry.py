"""Small vector helpers: 3-vectors and 3x3 rotations as plain tuples, 2-D convex hulls.

Plain tuples keep a pictogram to a few hundred float operations; numpy would cost more
to import than the whole drawing takes to compute.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows
Pt = tuple[float, float]



def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    n = norm(a)
    return scale(a, 1.0 / n) if n > 1e-12 else (0.0, 0.0, 0.0)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def mat_vec(m: Mat, v: Vec) -> Vec:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def mat_mul(a: Mat, b: Mat) -> Mat:
    # written out: this runs a few hundred times per picture
    (a0, a1, a2), (a3, a4, a5), (a6, a7, a8) = a
    (b0, b1, b2), (b3, b4, b5), (b6, b7, b8) = b
    return (
        (a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8),
        (a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8),
        (a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8),
    )


def chain(first: Mat, *ms: Mat) -> Mat:
    out = first
    for m in ms:
        out = mat_mul(out, m)
    return out


# Rotations by degrees about the frame's own axes, right-hand rule. Which sign means
# "flexion" depends on whether the segment points up or down; body.py decides that.
@lru_cache(maxsize=1024)
def rot_x(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


@lru_cache(maxsize=1024)
def rot_y(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


@lru_cache(maxsize=1024)
def rot_z(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def rotation_matrix(axis: Vec, deg: float) -> Mat:
    """The rotation by `deg` about the unit direction of `axis` (right-hand rule)."""
    x, y, z = unit(axis)
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    t = 1 - c
    return (
        (t * x * x + c, t * x * y - s * z, t * x * z + s * y),
        (t * x * y + s * z, t * y * y + c, t * y * z - s * x),
        (t * x * z - s * y, t * y * z + s * x, t * z * z + c),
    )


def rotate_about(v: Vec, origin: Vec, axis: Vec, deg: float) -> Vec:
    """`v` turned by `deg` about the line through `origin` along `axis` (Rodrigues)."""
    k = unit(axis)
    p = sub(v, origin)
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    turned = add(add(scale(p, c), scale(cross(k, p), s)), scale(k, dot(k, p) * (1 - c)))
    return add(origin, turned)


@lru_cache(maxsize=16)
def _unit_circle(n: int) -> tuple[Pt, ...]:
    return tuple((math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(n))


def circle_points(cx: float, cy: float, r: float, n: int = 20) -> list[Pt]:
    # a fixed phase keeps the output identical from run to run and side to side
    return [(cx + r * c, cy + r * s) for c, s in _unit_circle(n)]


def convex_hull(points: Iterable[Pt]) -> list[Pt]:
    """Andrew's monotone chain; counter-clockwise, no repeated first point."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def turn(o: Pt, a: Pt, b: Pt) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Pt] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-12:
            lower.pop()
        lower.append(p)
    upper: list[Pt] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-12:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _arc(cx: float, cy: float, r: float, a0: float, a1: float, step: float) -> list[Pt]:
    """Points on a circle from angle a0 to a1 (counter-clockwise, a1 >= a0), ends included."""
    n = max(1, math.ceil((a1 - a0) / step))
    turn = a1 - a0  # each angle worked out once, for its cosine and its sine
    return [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in (a0 + turn * i / n for i in range(n + 1))]


def capsule_outline(c1: Pt, r1: float, c2: Pt, r2: float, n: int = 20) -> list[Pt]:
    """The outline of the convex hull of two discs (a tapered limb), counter-clockwise."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    d = math.hypot(dx, dy)
    if d <= abs(r1 - r2) + 1e-9:  # one disc holds the other
        c, r = (c1, r1) if r1 >= r2 else (c2, r2)
        return circle_points(c[0], c[1], r, n)
    phi = math.atan2(dy, dx)
    alpha = math.acos((r1 - r2) / d)  # from the axis to the tangent point, seen from either centre
    step = 2 * math.pi / n
    front = _arc(c2[0], c2[1], r2, phi - alpha, phi + alpha, step)
    back = _arc(c1[0], c1[1], r1, phi + alpha, phi - alpha + 2 * math.pi, step)
    return front + back


def rounded_hull(centres: list[Pt], r: float, n: int = 20) -> list[Pt]:
    """The outline of the convex hull of equal discs: the centres' hull, grown by r."""
    hull = convex_hull(centres)
    if len(hull) < 3:
        if len(hull) == 2:
            return capsule_outline(hull[0], r, hull[1], r, n)
        return circle_points(hull[0][0], hull[0][1], r, n)
    step = 2 * math.pi / n
    out: list[Pt] = []
    for i, (x, y) in enumerate(hull):
        px, py = hull[i - 1]
        nx, ny = hull[(i + 1) % len(hull)]
        a0 = math.atan2(-(x - px), y - py)  # outward normal of the edge coming in
        a1 = math.atan2(-(nx - x), ny - y)  # and of the edge going out
        while a1 < a0:
            a1 += 2 * math.pi
        out += _arc(x, y, r, a0, a1, step)
    return out


def polyline_length(points: Sequence[Pt]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def trim_polyline(points: Sequence[Pt], start: float, end: float) -> list[Pt]:
    """The polyline with `start` cut off its beginning and `end` off its end (lengths)."""
    pts = list(points)
    total = polyline_length(pts)
    if total <= start + end + 1e-9:
        return pts
    return _cut_front(list(reversed(_cut_front(list(reversed(_cut_front(pts, start))), end))), 0)


def _cut_front(pts: list[Pt], length: float) -> list[Pt]:
    if length <= 0:
        return pts
    run = 0.0
    for i in range(len(pts) - 1):
        seg = math.dist(pts[i], pts[i + 1])
        if run + seg >= length:
            t = (length - run) / seg if seg else 0.0
            first = (pts[i][0] + (pts[i + 1][0] - pts[i][0]) * t, pts[i][1] + (pts[i + 1][1] - pts[i][1]) * t)
            return [first] + pts[i + 1 :]
        run += seg
    return pts[-1:]


def clip_convex(subject: list[Pt], window: list[Pt]) -> list[Pt]:
    """The part of a polygon inside a convex, counter-clockwise `window` (Sutherland-Hodgman)."""
    out = list(subject)
    for i, a in enumerate(window):
        b = window[(i + 1) % len(window)]
        ex, ey = b[0] - a[0], b[1] - a[1]
        if not out or ex == ey == 0:
            continue

        def side(p: Pt) -> float:  # positive inside (left of the edge)
            return ex * (p[1] - a[1]) - ey * (p[0] - a[0])

        pts, out = out, []
        for j, p in enumerate(pts):
            q = pts[(j + 1) % len(pts)]
            sp, sq = side(p), side(q)
            if sp >= 0:
                out.append(p)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                out.append((p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t))
    return out
