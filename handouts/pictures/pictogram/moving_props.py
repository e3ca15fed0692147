"""Props that move with the pose (band, hand and ankle weights, barbell, machine pads,
handles, a ball, the hip line's shorts), tied to named body points.

Each is drawn with its pose, in that pose's colour, at its depth among the limbs; the
band (band.py) is a light tint of the accent edged in black.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .band import band_groups, limb_axis
from .body import Body
from .fixed_props import Fixed
from .geometry import Pt, Vec, add, capsule_outline, circle_points, clip_convex, dot, rounded_hull, scale, unit
from .placement import mat_thickness
from .pose import PoseIllustration, Prop
from .proportions import CHAIN_RANK
from .reach import direction, surface
from .shapes import (
    EDGE,
    PAD_EDGE,
    Camera,
    DrawGroup,
    Item,
    box2d,
    halo_of,
    segment,
)  # fmt: skip

PLATE_R = 0.075  # a weight plate seen end on, smaller than life (0.13)
LEVER_WIDTH = 0.022  # a machine's lever arm
SEAT_DROP = 0.06  # how far under the seat's top a lever turns
SHORTS_LEG = 0.25  # how far down the thigh the hip line's shorts reach: a hem, not trousers


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


def _band(p: _Pose, prop: Prop) -> list[DrawGroup]:
    """A loop round two limbs (both thighs above the knees), or a strip from the table leg (band.py)."""
    assert prop.at and prop.to
    return band_groups(p.body, p.cam, "band" if p.role == "end" else p.role, p.fixed, prop.at, prop.to)


def _dumbbell(p: _Pose, prop: Prop) -> DrawGroup:
    """A hand weight across the hand: handle square to the forearm, a plate each end."""
    assert prop.at
    axis, _ = limb_axis(p.body, p.cam, prop.at)
    n = (-axis[1], axis[0])
    h = p.cam.xy(p.body.points[prop.at].c)
    c = (h[0] + axis[0] * 0.01, h[1] + axis[1] * 0.01)
    fill = [segment((c[0] - n[0] * 0.05, c[1] - n[1] * 0.05), (c[0] + n[0] * 0.05, c[1] + n[1] * 0.05), 0.02, p.role)]
    fill += [Item(box2d((c[0] + n[0] * 0.055 * s, c[1] + n[1] * 0.055 * s), n, 0.016, 0.042, 0.008), fill=p.role) for s in (-1, 1)]
    return DrawGroup(p.cam.depth(p.body.points[prop.at].c) + 0.02, 10.0, [halo_of(it) for it in fill], fill)


def _ankle_weight(p: _Pose, prop: Prop) -> DrawGroup:
    assert prop.at
    axis, r = limb_axis(p.body, p.cam, prop.at)
    cuff = Item(box2d(p.cam.xy(p.body.points[prop.at].c), axis, 0.035, r + 0.016, 0.012), fill=p.role)
    return DrawGroup(p.cam.depth(p.body.points[prop.at].c) + 0.02, 10.0, [halo_of(cuff)], [cuff])


def _pad(p: _Pose, prop: Prop) -> list[DrawGroup]:
    """A machine pad pressed against the outside of a limb, along it; on a machine's seat, on
    the end of a lever arm that turns under the seat (a pad in the air reads as a cushion)."""
    assert prop.at and prop.side
    axis, _ = limb_axis(p.body, p.cam, prop.at)
    centre = p.against(prop.at, prop.side, 0.03)
    # machine-grey with an edge in the pose's colour: part of the machine, not of the body
    pad = Item(box2d(p.cam.xy(centre), axis, 0.06, 0.028, 0.014), fill="prop", stroke=p.role, width=PAD_EDGE)
    groups = [DrawGroup(p.cam.depth(centre) + 0.05, 10.0, [halo_of(pad)], [pad])]
    if p.fixed.seats:
        # down from the pad to under the seat, then in to a pivot under its middle: as the
        # knee goes out, the arm turns out with it
        hips = p.body.points["pelvis"].c
        low = max(seat[-1] for seat in p.fixed.seats) - SEAT_DROP
        bend = (centre[0], low, centre[2])
        pivot = (hips[0], low, hips[2] + 0.06)
        path = [p.cam.xy(c) for c in (centre, bend, pivot)]
        arm = [Item(path, stroke="edge", width=LEVER_WIDTH + 2 * EDGE, closed=False),
               Item(path, stroke="prop", width=LEVER_WIDTH, closed=False)]
        limb = p.body.parts[p.body.points[prop.at].part]
        # behind the thigh it runs under: the leg lies on the machine
        groups.append(DrawGroup(min(p.cam.depth(ball.c) for ball in limb.balls) - 0.06, -1.0, [], arm))
    return groups


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
    # a seam round it, as on a soft play ball: a plain ring reads as a hoop or a hole
    seam = [(c[0] + radius * math.cos(t), c[1] - radius * 0.35 * math.sin(t)) for t in (math.pi * i / 12 for i in range(13))]
    # over the body and the hip line (a white band that crossed it made it read as a ring,
    # an icon): a ball between the hip and a wall is seen beside the hip, never behind it
    return DrawGroup(math.inf, 10.0, [halo_of(ball)],
                     [ball, Item(seam, stroke=p.role, width=0.012, closed=False)])


def _barbell(p: _Pose, prop: Prop) -> DrawGroup:
    """A bar across the hips: seen end on, the near weight plate; from the front, bar and plates.

    End on, the plate is a solid disc (machine grey, a dark rim, the bar's dark end at its
    middle), smaller than life so that the body stays readable round it: drawn as a ring
    it read as a magnifying glass held in the hand.
    """
    assert prop.at
    centre = p.against(prop.at, prop.side or "front", 0.03)
    across = direction(p.body, "pelvis", "left")
    if abs(across[2]) > 0.7:
        near = add(centre, scale(across, 0.25 * math.copysign(1.0, across[2])))
        c = p.cam.xy(near)
        disc = Item(circle_points(c[0], c[1], PLATE_R, 36), fill="prop", stroke=p.role, width=0.02)
        hub = Item(circle_points(c[0], c[1], 0.024, 16), fill=p.role)
        return DrawGroup(p.cam.depth(near), 10.0, [halo_of(disc)], [disc, hub])
    a, b = p.cam.xy(add(centre, scale(across, -0.36))), p.cam.xy(add(centre, scale(across, 0.36)))
    fill = [segment(a, b, 0.022, p.role)] + [Item(box2d(end, (0.0, 1.0), 0.11, 0.02, 0.01), fill=p.role) for end in (a, b)]
    return DrawGroup(p.cam.depth(centre) + 0.2, 10.0, [halo_of(it) for it in fill], fill)


def chain_depth(body: Body, cam: Camera, chain: str) -> float:
    """Where a chain (the trunk, a leg, an arm) is drawn among the others: its balls' mean
    depth, with a hair of height in it (in a flat front view of someone lying on their
    side the top leg is drawn over the bottom one, as if seen from a little above)."""
    balls = [b for part in body.parts.values() if part.chain == chain for b in part.balls]
    depth = sum(cam.depth(b.c) for b in balls) / len(balls)
    height = sum(cam.xy(b.c)[1] for b in balls) / len(balls)
    return round(depth + 0.04 * height, 3)


def _half_plane(on: Pt, along: Pt, reach: float = 1.0) -> list[Pt]:
    """A large square on the left of the directed line through `on` along the unit `along`,
    counter-clockwise: what clip_convex keeps on that side of the line."""
    n = (-along[1], along[0])
    return [(on[0] + along[0] * a + n[0] * b, on[1] + along[1] * a + n[1] * b)
            for a, b in ((-reach, 0.0), (reach, 0.0), (reach, reach), (-reach, reach))]


def _hip_line(p: _Pose, prop: Prop) -> list[DrawGroup]:
    """Light grey shorts: the pelvis below the line through both hip joints, and each thigh
    down to a hem, so that the waistband's edge tilts with the pelvis, on the body itself.

    A white band through the hips, drawn over everything and a little past the body, read
    to every judge as a stick held at the waist (more so with the dashed level line on it);
    a garment never reaches past the body's outline. Each piece is drawn with its own part,
    just over it: a hand on the hip, or a leg in front, lies over them (light grey:
    draw.SHORTS_COLOUR).
    """
    a, b = p.cam.xy(p.body.points["right_hip"].c), p.cam.xy(p.body.points["left_hip"].c)
    u = unit((b[0] - a[0], b[1] - a[1], 0.0))
    # along the hip line leftwards on the page: what is below it lies on its left
    below = _half_plane(a, (u[0], u[1]) if u[0] < 0 else (-u[0], -u[1]))
    balls = p.body.parts["pelvis"].balls
    outline = rounded_hull([p.cam.xy(ball.c) for ball in balls], balls[0].r, 24)
    groups = [DrawGroup(chain_depth(p.body, p.cam, "trunk"), 0.5, [], [Item(clip_convex(below, outline), fill="shorts")])]
    for side in ("right", "left"):
        (hip, hr), (knee, kr) = ((p.cam.xy(ball.c), ball.r) for ball in p.body.parts[f"{side}_thigh"].balls)
        hem = (hip[0] + (knee[0] - hip[0]) * SHORTS_LEG, hip[1] + (knee[1] - hip[1]) * SHORTS_LEG)
        leg = capsule_outline(hip, hr, hem, hr + (kr - hr) * SHORTS_LEG, 18)
        down = unit((knee[0] - hip[0], knee[1] - hip[1], 0.0))
        # a straight hem square to the thigh, and nothing above the waistband
        piece = clip_convex(clip_convex(leg, _half_plane(hem, (-down[1], down[0]))), below)
        if len(piece) >= 3:
            chain = f"{side}_leg"
            groups.append(DrawGroup(chain_depth(p.body, p.cam, chain), CHAIN_RANK[chain] + 0.5, [], [Item(piece, fill="shorts")]))
    return groups


MOVING: dict[str, Callable[[_Pose, Prop], DrawGroup | list[DrawGroup]]] = {
    "band": _band, "dumbbell": _dumbbell, "ankle_weight": _ankle_weight, "pad": _pad,
    "ball": _ball, "barbell": _barbell, "hip_line": _hip_line, "handle": _handle,
}  # fmt: skip


def moving_props(ill: PoseIllustration, body: Body, cam: Camera, role: str, fixed: Fixed) -> list[DrawGroup]:
    """The props that move with this pose, each at its depth among the limbs."""
    pose = _Pose(ill, body, cam, role, fixed)
    groups: list[DrawGroup] = []
    for prop in ill.props:
        if prop.prop in MOVING:
            made = MOVING[prop.prop](pose, prop)
            groups += made if isinstance(made, list) else [made]
    return groups
