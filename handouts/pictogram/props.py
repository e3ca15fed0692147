"""Props, tied to named body points so that they follow the pose.

Two kinds. Fixed props (floor, mat, step, bench, chair, wall, table, tape line,
pillow) stay put: they are fitted to the start pose and sized to hold every pose;
a bench or seat top is exactly as high as the body above it, so the body neither
floats over it nor sinks into it. Moving props (band, hand and ankle weights, barbell,
machine pads, a ball) are drawn with each pose, in that pose's colour; the end pose's
band takes the accent colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from .body import Body
from .geometry import Pt, Vec, add, circle_points, convex_hull, cross, dot, norm, scale, sub, unit
from .placement import mat_thickness, step_height
from .pose import PoseIllustration, Prop
from .shapes import (
    BAND_WIDTH, EDGE, GAP, HIP_LINE_REACH, HIP_LINE_WIDTH, PAD_EDGE,
    Box, Camera, DrawGroup, Item, box2d, box_items, halo_of, rounded, segment,
)  # fmt: skip

SIDES: dict[str, Vec] = {"left": (1.0, 0.0, 0.0), "right": (-1.0, 0.0, 0.0), "front": (0.0, 0.0, 1.0), "back": (0.0, 0.0, -1.0)}
TABLE_HEIGHT = 0.43
STEP_LENGTH = 0.3
SEAT_SLAB = 0.035


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


# ---------------------------------------------------------------- fixed props


@dataclass
class Fixed:
    """The fixed props of one picture, and what moving props need to know of them."""

    behind: list[Item] = field(default_factory=list)  # drawn before the figures
    under: list[Item] = field(default_factory=list)  # drawn after them (flat views), covering the halo at contact
    anchors: dict[str, Vec] = field(default_factory=dict)  # points other props tie to ("table")
    walls: dict[str, float] = field(default_factory=dict)  # side -> how far the wall is along that side
    seats: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # (x0, x1, z0, z1, top)


@dataclass
class _Fit:
    ill: PoseIllustration
    body: Body  # the pose the props are fitted to
    everyone: list[Body]  # every pose drawn with them, for sizes
    cam: Camera
    out: Fixed

    @property
    def level(self) -> float:
        return mat_thickness(self.ill)

    @property
    def supports(self) -> list[Item]:
        # seen from above, a support is behind the body lying on it; in a flat view it
        # is below it and drawn after, so that it covers the white halo at the contact
        return self.out.behind if self.cam.raised else self.out.under


def _mat(f: _Fit, prop: Prop) -> None:
    (x0, x1), (z0, z1) = extent(f.everyone, 0), extent(f.everyone, 2)
    f.supports.extend(box_items(f.cam, Box(x0 - 0.05, x1 + 0.05, 0.0, f.level, z0 - 0.05, z1 + 0.05)))


def _step(f: _Fit, prop: Prop) -> None:
    """A low step under one foot, its edge just inside that foot: the other leg hangs free."""
    assert prop.at
    foot, pelvis = f.body.points[prop.at].c, f.body.points["pelvis"].c
    outward = 1.0 if foot[0] - pelvis[0] >= -0.02 else -1.0
    inner = surface(f.body, prop.at, (-outward, 0.0, 0.0))
    edge = (-inner if outward > 0 else inner) - outward * 0.012
    x0, x1 = sorted((edge, edge + outward * STEP_LENGTH))
    f.supports.extend(box_items(f.cam, Box(x0, x1, f.level, f.level + step_height(f.ill), foot[2] - 0.18, foot[2] + 0.18)))


def _seat(f: _Fit, prop: Prop) -> None:
    """A bench (running from the point away from the hips) or a chair seat under the point."""
    assert prop.at
    p, pelvis = f.body.points[prop.at].c, f.body.points["pelvis"].c
    if prop.prop == "bench":
        away = 1.0 if p[0] >= pelvis[0] else -1.0
        x0, x1 = sorted((p[0] - away * 0.035, p[0] + away * 0.34))
        fz0, fz1 = -9.0, 9.0  # it reaches right across under the body
        depth = (p[2] - 0.2, p[2] + 0.2)
    else:
        forward = direction(f.body, "pelvis", "front")
        ranges = []
        for i in (0, 2):  # deeper than wide: from behind the buttocks to under the thighs
            a, b = (p[i] - 0.10 * forward[i], p[i] + 0.17 * forward[i]) if abs(forward[i]) > 0.5 else (p[i] - 0.16, p[i] + 0.16)
            ranges.append(tuple(sorted((a, b))))
        (x0, x1), (fz0, fz1) = ranges
        depth = (fz0, fz1)
    top = lowest_over(f.body, x0, x1, fz0, fz1)
    f.out.seats.append((x0, x1, fz0, fz1, top))
    f.supports.extend(box_items(f.cam, Box(x0, x1, top - SEAT_SLAB, top, *depth)))
    for lx in (x0 + 0.012, x1 - 0.042):
        for lz in ((depth[0] + 0.01, depth[0] + 0.04), (depth[1] - 0.04, depth[1] - 0.01)):
            if not f.cam.raised and lz[0] > depth[0] + 0.02:
                continue  # in a flat view the back legs hide behind the front ones
            f.supports.extend(box_items(f.cam, Box(lx, lx + 0.03, f.level, top - SEAT_SLAB, *lz)))
    if prop.prop == "chair":  # a backrest (a machine's back pad) against the back
        back = direction(f.body, "pelvis", "back")
        plane = surface(f.body, "upper_back", back) + 0.005
        # up to the shoulder blades, and seen from the front a little wider than the
        # shoulders and the arms beside them, so that it shows round the body
        rest_top = f.body.points["neck"].c[1] - 0.04
        bx, bz = [x0 - 0.06, x1 + 0.06], [depth[0] - 0.06, depth[1] + 0.06]
        if abs(back[0]) > 0.5:
            bx = sorted((back[0] * plane, back[0] * (plane + 0.04)))
        else:
            bz = sorted((back[2] * plane, back[2] * (plane + 0.04)))
        f.out.behind.extend(box_items(f.cam, Box(bx[0], bx[1], top, rest_top, bz[0], bz[1])))


def _wall(f: _Fit, prop: Prop) -> None:
    """A wall touching the body on one side, or the ball or pillow between them."""
    assert prop.side
    d = direction(f.body, prop.at or "pelvis", prop.side)
    reach = max(surface(f.body, prop.at, d) if prop.at else f.body.support("pelvis", d), f.body.support("thorax", d))
    for other in f.ill.props:
        if other.prop in ("ball", "pillow") and other.side == prop.side and other.at:
            reach = surface(f.body, other.at, d) + (other.size or 0.12)
    f.out.walls[prop.side] = reach
    (x0, x1), (z0, z1), top = extent(f.everyone, 0), extent(f.everyone, 2), extent(f.everyone, 1)[1]
    if abs(d[0]) > 0.5:  # beside the body, seen edge on
        a, b = sorted((d[0] * reach, d[0] * (reach + 0.05)))
        f.out.behind.extend(box_items(f.cam, Box(a, b, 0.0, top + 0.1, z0 - 0.1, z1 + 0.1)))
    elif d[2] < 0:  # behind the body: a panel we look at
        f.out.behind.extend(box_items(f.cam, Box(x0 - 0.14, x1 + 0.14, 0.0, top + 0.06, -reach - 0.02, -reach), fill="tint"))
    # a wall between us and the body would hide it: it is not drawn


def _table(f: _Fit, prop: Prop) -> None:
    """A table a step away on one side; its near leg is where a band can be tied."""
    assert prop.at and prop.side
    d = direction(f.body, prop.at, prop.side)
    p = f.body.points[prop.at].c
    near, far = add(p, scale(d, 0.33)), add(p, scale(d, 0.66))
    x0, x1 = sorted((near[0], far[0])) if abs(d[0]) > 0.5 else (p[0] - 0.2, p[0] + 0.2)
    z0, z1 = sorted((near[2], far[2])) if abs(d[2]) > 0.5 else (p[2] - 0.15, p[2] + 0.15)
    f.out.behind.extend(box_items(f.cam, Box(x0, x1, TABLE_HEIGHT - 0.035, TABLE_HEIGHT, z0, z1)))
    for lx in [(x0, x0 + 0.03), (x1 - 0.03, x1)] if abs(d[0]) > 0.5 else [(x0, x0 + 0.03)]:
        f.out.behind.extend(box_items(f.cam, Box(lx[0], lx[1], f.level, TABLE_HEIGHT - 0.035, z1 - 0.03, z1)))
    f.out.anchors["table"] = (near[0] + 0.015 * d[0], f.level + 0.05, z1 - 0.015)


def _line(f: _Fit, prop: Prop) -> None:
    """A tape line on the floor, halfway between where the point starts and ends."""
    assert prop.at
    xs = [b.points[prop.at].c[0] for b in f.everyone]
    mid, level = (min(xs) + max(xs)) / 2, f.level
    if f.cam.raised:
        z0, z1 = extent(f.everyone, 2)
        corners = ((mid - 0.012, z0 - 0.1), (mid + 0.012, z0 - 0.1), (mid + 0.012, z1 + 0.1), (mid - 0.012, z1 + 0.1))
        f.out.behind.append(Item([f.cam.xy((x, level, z)) for x, z in corners], fill="edge"))
    else:  # seen edge on it is a dark mark on the floor line
        f.out.under.append(Item([(mid - 0.015, level), (mid + 0.015, level), (mid + 0.015, level - 0.03), (mid - 0.015, level - 0.03)], fill="edge"))


def _pillow(f: _Fit, prop: Prop) -> None:
    """A pillow filling the gap under a point (a head lying on its side) down to the mat."""
    assert prop.at and prop.side
    d = direction(f.body, prop.at, prop.side)
    if d[1] > -0.5:
        return  # only under a point for now
    p = f.body.points[prop.at].c
    bottom = f.body.lowest([f.body.points[prop.at].part])
    box = Box(p[0] - 0.075, p[0] + 0.075, f.level, max(bottom, f.level + 0.01), p[2] - 0.08, p[2] + 0.08)
    f.supports.append(Item(rounded(box_items(f.cam, box)[0].points, 0.012), fill="prop", stroke="edge", width=EDGE))


FIXED: dict[str, Callable[[_Fit, Prop], None]] = {
    "mat": _mat, "step": _step, "bench": _seat, "chair": _seat,
    "wall": _wall, "table": _table, "line": _line, "pillow": _pillow,
}  # fmt: skip


def fixed_props(ill: PoseIllustration, body: Body, others: list[Body], cam: Camera) -> Fixed:
    """The props that stay put, fitted to `body` (the start pose), sized to hold the others too."""
    fit = _Fit(ill, body, [body, *others], cam, Fixed())
    for prop in ill.props:
        if prop.prop in FIXED:
            FIXED[prop.prop](fit, prop)
    return fit.out


# ---------------------------------------------------------------- props that move with the pose


def _limb_axis(body: Body, cam: Camera, point: str) -> tuple[Pt, float]:
    """The page direction of the limb a point sits on, and the limb's radius there."""
    part = body.parts[body.points[point].part]
    if len(part.balls) == 2:
        a, b = (cam.xy(ball.c) for ball in part.balls)
        p = cam.xy(body.points[point].c)
        n = math.dist(a, b) or 1.0
        t = max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (n * n)))
        return ((b[0] - a[0]) / n, (b[1] - a[1]) / n), part.balls[0].r + (part.balls[1].r - part.balls[0].r) * t
    return (0.0, 1.0), max(b.r for b in part.balls)


@dataclass
class _Pose:
    ill: PoseIllustration
    body: Body
    cam: Camera
    role: str  # the pose's colour
    fixed: Fixed

    def against(self, point: str, side: str, gap: float) -> Vec:
        """A point `gap` outside the body's surface at `point`, on that side."""
        d = direction(self.body, point, side)
        c = self.body.points[point].c
        return add(c, scale(d, surface(self.body, point, d) - dot(c, d) + gap))


def _band(p: _Pose, prop: Prop) -> DrawGroup:
    """A loop round two limbs (both thighs above the knees), or a strip from the table leg.

    The loop is the band as it lies in the room: a ring round each limb, square to it,
    and the two strands from one ring to the other, seen from the camera. Between limbs
    that part it stretches long and thin; round limbs side by side it is a short belt.
    """
    assert prop.at and prop.to
    colour = "accent" if p.role == "end" else p.role
    if prop.at in p.body.points and prop.to in p.body.points:
        ring: list[Pt] = []
        for name in (prop.at, prop.to):
            ring += [p.cam.xy(c) for c in _cross_section(p.body, name, BAND_WIDTH / 2)]
        hull = convex_hull(ring)
        loop = Item(hull + hull[:1], stroke=colour, width=BAND_WIDTH, closed=False)
        depth = max(p.cam.depth(p.body.points[n].c) for n in (prop.at, prop.to)) + 0.1
        return DrawGroup(depth, 10.0, [halo_of(loop)], [loop])
    ends, depth = [], -math.inf
    for name in (prop.at, prop.to):
        if name in p.body.points:
            ends.append((p.cam.xy(p.body.points[name].c), _limb_axis(p.body, p.cam, name)[1]))
            depth = max(depth, p.cam.depth(p.body.points[name].c))
        else:
            ends.append((p.cam.xy(p.fixed.anchors[name]), -0.004))
    (a, ra), (b, rb) = ends
    u = unit((b[0] - a[0], b[1] - a[1], 0.0))
    strip = segment((a[0] - u[0] * ra, a[1] - u[1] * ra), (b[0] + u[0] * rb, b[1] + u[1] * rb), BAND_WIDTH, colour)
    return DrawGroup(depth, 10.0, [halo_of(strip)], [strip])


def _cross_section(body: Body, point: str, grow: float, n: int = 16) -> list[Vec]:
    """The ring round a limb at a point, square to the limb, just outside its surface."""
    part = body.parts[body.points[point].part]
    c = body.points[point].c
    if len(part.balls) != 2:
        r = max(b.r for b in part.balls) + grow
        return [(c[0] + r * x, c[1] + r * y, c[2]) for x, y in circle_points(0.0, 0.0, 1.0, n)]
    a, b = part.balls
    axis = unit(sub(b.c, a.c))
    t = max(0.0, min(1.0, dot(sub(c, a.c), axis) / (norm(sub(b.c, a.c)) or 1.0)))
    r = a.r + (b.r - a.r) * t + grow
    u = unit(cross(axis, (0.0, 0.0, 1.0) if abs(axis[2]) < 0.9 else (1.0, 0.0, 0.0)))
    v = cross(axis, u)
    return [add(c, add(scale(u, r * x), scale(v, r * y))) for x, y in circle_points(0.0, 0.0, 1.0, n)]


def _dumbbell(p: _Pose, prop: Prop) -> DrawGroup:
    """A hand weight across the hand: handle square to the forearm, a plate each end."""
    assert prop.at
    axis, _ = _limb_axis(p.body, p.cam, prop.at)
    n = (-axis[1], axis[0])
    h = p.cam.xy(p.body.points[prop.at].c)
    c = (h[0] + axis[0] * 0.01, h[1] + axis[1] * 0.01)
    fill = [segment((c[0] - n[0] * 0.05, c[1] - n[1] * 0.05), (c[0] + n[0] * 0.05, c[1] + n[1] * 0.05), 0.02, p.role)]
    fill += [Item(box2d((c[0] + n[0] * 0.055 * s, c[1] + n[1] * 0.055 * s), n, 0.016, 0.042, 0.008), fill=p.role) for s in (-1, 1)]
    return DrawGroup(p.cam.depth(p.body.points[prop.at].c) + 0.02, 10.0, [halo_of(it) for it in fill], fill)


def _ankle_weight(p: _Pose, prop: Prop) -> DrawGroup:
    assert prop.at
    axis, r = _limb_axis(p.body, p.cam, prop.at)
    cuff = Item(box2d(p.cam.xy(p.body.points[prop.at].c), axis, 0.035, r + 0.016, 0.012), fill=p.role)
    return DrawGroup(p.cam.depth(p.body.points[prop.at].c) + 0.02, 10.0, [halo_of(cuff)], [cuff])


def _pad(p: _Pose, prop: Prop) -> DrawGroup:
    """A machine pad pressed against the outside of a limb, along it."""
    assert prop.at and prop.side
    axis, _ = _limb_axis(p.body, p.cam, prop.at)
    centre = p.against(prop.at, prop.side, 0.03)
    # machine-grey with an edge in the pose's colour: part of the machine, not of the body
    pad = Item(box2d(p.cam.xy(centre), axis, 0.06, 0.028, 0.014), fill="prop", stroke=p.role, width=PAD_EDGE)
    return DrawGroup(p.cam.depth(centre) + 0.05, 10.0, [halo_of(pad)], [pad])


def _handle(p: _Pose, prop: Prop) -> DrawGroup:
    """A machine's hand grip: a post from the seat (or the floor) up through the fist."""
    assert prop.at
    hand = p.body.points[prop.at].c
    tops = [seat[-1] for seat in p.fixed.seats]
    base = max(tops) - 0.02 if tops else mat_thickness(p.ill)
    top = (hand[0], hand[1] + 0.035, hand[2])
    a, b = p.cam.xy(top), p.cam.xy((hand[0], min(base, hand[1] - 0.05), hand[2]))
    post = Item(box2d(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), (0.0, 1.0), abs(a[1] - b[1]) / 2, 0.013, 0.006),
                fill="prop", stroke="edge", width=EDGE)
    # just behind the arm that holds it: the fist closes over it
    chain = p.body.parts[p.body.points[prop.at].part].chain
    depth = min(p.cam.depth(ball.c) for part in p.body.parts.values() if part.chain == chain for ball in part.balls) - 0.05
    return DrawGroup(depth, -1.0, [], [post])


def _ball(p: _Pose, prop: Prop) -> DrawGroup:
    """A ball against the body; with a wall on that side, pinned to it (it rolls up and down)."""
    assert prop.at and prop.side
    radius = (prop.size or 0.12) / 2
    centre = list(p.against(prop.at, prop.side, radius))
    if prop.side in p.fixed.walls:
        d = direction(p.body, prop.at, prop.side)
        axis = max(range(3), key=lambda i: abs(d[i]))
        centre[axis] = d[axis] * (p.fixed.walls[prop.side] - radius)
    c = p.cam.xy((centre[0], centre[1], centre[2]))
    ball = Item(circle_points(c[0], c[1], radius, 28), fill="white", stroke=p.role, width=0.016)
    return DrawGroup(p.cam.depth((centre[0], centre[1], centre[2])), 10.0, [halo_of(ball)], [ball])


def _barbell(p: _Pose, prop: Prop) -> DrawGroup:
    """A bar across the hips: seen end on, the near plate; from the front, bar and plates."""
    assert prop.at
    centre = p.against(prop.at, prop.side or "front", 0.03)
    across = direction(p.body, "pelvis", "left")
    if abs(across[2]) > 0.7:
        near = add(centre, scale(across, 0.25 * math.copysign(1.0, across[2])))
        c = p.cam.xy(near)
        # smaller than life (a plate is a quarter of body height across) so that the
        # hips stay readable through the ring
        ring = circle_points(c[0], c[1], 0.085, 36)
        fill = [Item(ring + ring[:1], stroke=p.role, width=0.024, closed=False), Item(circle_points(c[0], c[1], 0.022, 16), fill=p.role)]
        return DrawGroup(p.cam.depth(near), 10.0, [halo_of(fill[0])], fill)
    a, b = p.cam.xy(add(centre, scale(across, -0.36))), p.cam.xy(add(centre, scale(across, 0.36)))
    fill = [segment(a, b, 0.022, p.role)] + [Item(box2d(end, (0.0, 1.0), 0.11, 0.02, 0.01), fill=p.role) for end in (a, b)]
    return DrawGroup(p.cam.depth(centre) + 0.2, 10.0, [halo_of(it) for it in fill], fill)


def _hip_line(p: _Pose, prop: Prop) -> DrawGroup:
    """A bar through both hip joints, across the pelvis and well out on either side, over
    a white halo: it shows the tilt of the pelvis on the body and beside it."""
    a, b = p.cam.xy(p.body.points["right_hip"].c), p.cam.xy(p.body.points["left_hip"].c)
    u = unit((b[0] - a[0], b[1] - a[1], 0.0))
    reach = HIP_LINE_REACH
    line = segment((a[0] - u[0] * reach, a[1] - u[1] * reach), (b[0] + u[0] * reach, b[1] + u[1] * reach), HIP_LINE_WIDTH, p.role)
    return DrawGroup(math.inf, 0.0, [halo_of(line)], [line])


MOVING: dict[str, Callable[[_Pose, Prop], DrawGroup]] = {
    "band": _band, "dumbbell": _dumbbell, "ankle_weight": _ankle_weight, "pad": _pad,
    "ball": _ball, "barbell": _barbell, "hip_line": _hip_line, "handle": _handle,
}  # fmt: skip


def moving_props(ill: PoseIllustration, body: Body, cam: Camera, role: str, fixed: Fixed) -> list[DrawGroup]:
    """The props that move with this pose, each at its depth among the limbs."""
    pose = _Pose(ill, body, cam, role, fixed)
    return [MOVING[p.prop](pose, p) for p in ill.props if p.prop in MOVING]


__all__ = ["Fixed", "fixed_props", "moving_props", "lowest_over", "direction", "surface", "extent", "GAP"]
