"""Where each pose stands: grounded on its support and lined up with the other pose."""

from __future__ import annotations

import math

from .body import Body, forward_kinematics
from .geometry import Vec, add, cross, dot, sub
from .pose import PoseIllustration, Prop, ResolvedPose

DEFAULT_MAT = 0.022  # about 4 cm
DEFAULT_STEP = 0.05  # about 9 cm


def prop_of(ill: PoseIllustration, kind: str) -> Prop | None:
    return next((p for p in ill.props if p.prop == kind), None)


def mat_thickness(ill: PoseIllustration) -> float:
    mat = prop_of(ill, "mat")
    return (mat.size or DEFAULT_MAT) if mat else 0.0


def step_height(ill: PoseIllustration) -> float:
    step = prop_of(ill, "step")
    return (step.size or DEFAULT_STEP) if step else 0.0


def blend(a: ResolvedPose, b: ResolvedPose, t: float) -> ResolvedPose:
    """The pose a fraction `t` of the way from a to b (angles and shift linearly)."""
    angles: dict[str, dict[str, float]] = {}
    for joint in set(a.angles) | set(b.angles):
        ja, jb = a.angles.get(joint, {}), b.angles.get(joint, {})
        angles[joint] = {k: ja.get(k, 0.0) * (1 - t) + jb.get(k, 0.0) * t for k in set(ja) | set(jb)}
    return ResolvedPose(a.orientation, a.shift * (1 - t) + b.shift * t, angles)


def posed(ill: PoseIllustration, pose: ResolvedPose) -> Body:
    """The pose as joint angles make it, hip centre at the origin."""
    return forward_kinematics(pose.orientation, ill.facing, pose.angles)


def planted(ill: PoseIllustration, body: Body) -> Body:
    """The body rocked about its lowest point until the planted points touch the floor too.

    Joint angles alone rarely put both the shoulders and the feet of a bridge on the
    floor. Named in `planted:`, the feet are brought down (or up) to the support by
    turning the whole body about its lowest other point, in the upright plane across
    the picture (the plane a side view shows): the angles between the segments stay as
    written.
    """
    if not ill.planted:
        return body
    level = mat_thickness(ill)
    feet = {body.points[name].part for name in ill.planted}
    for _ in range(8):  # the lowest other point can change as the body rocks: settle again
        body = body.moved((0.0, level - body.lowest(), 0.0))
        turn = _rock(body, feet)
        if turn is None or abs(turn[2]) < 1e-4:
            break
        body = body.turned(*turn)
    return body.moved((0.0, level - body.lowest(), 0.0))


def _rock(body: Body, feet: set[str]) -> tuple[Vec, Vec, float] | None:
    """(pivot, axis, degrees): the smallest turn about the lowest other point that puts a
    ball of the feet on the floor, or None when no turn can."""
    targets = [b for n in feet for b in body.parts[n].balls]
    others = [b for n, p in body.parts.items() if n not in feet for b in p.balls]
    low = min(others, key=lambda b: b.c[1] - b.r)
    mid_z = sum(b.c[2] for b in targets) / len(targets)
    pivot = (low.c[0], low.c[1] - low.r, mid_z)  # on the contact line, level with the feet
    mid_x = sum(b.c[0] for b in targets) / len(targets)
    if abs(mid_x - pivot[0]) < 1e-6:
        return None  # the feet are straight above the pivot: rocking does not bring them down
    h = (math.copysign(1.0, mid_x - pivot[0]), 0.0, 0.0)
    best: float | None = None
    for b in targets:
        d = sub(b.c, pivot)
        u, v = dot(d, h), d[1]
        radius, phi = math.hypot(u, v), math.atan2(v, u)
        if radius <= b.r:
            continue
        for root in (math.asin(b.r / radius), math.pi - math.asin(b.r / radius)):
            theta = (math.degrees(root - phi) + 180.0) % 360.0 - 180.0
            if best is None or abs(theta) < abs(best):
                best = theta
    if best is None:
        return None
    # turning about h x up by +theta lifts h towards up, as in the angle sum above
    return pivot, cross(h, (0.0, 1.0, 0.0)), best


def offset(ill: PoseIllustration, pose: ResolvedPose, body: Body) -> Vec:
    """How far to move a freshly posed body so that it is grounded and aligned.

    Grounded: it stands, sits or lies on its support, nothing floats, nothing sinks
    (the lowest point on the floor or mat; with a step, the foot named on it on its
    top, the rest of the body free to hang lower). Aligned: the align point sits at
    the pose's page shift, so start and end line up on a joint that does not move.
    """
    level = mat_thickness(ill)
    step = prop_of(ill, "step")
    if step is not None and step.at:
        dy = level + step_height(ill) - body.bottom_of(step.at)
    else:
        dy = level - body.lowest()
    p = body.points[ill.align].c
    return (pose.shift - p[0], dy, -p[2])


def placed(ill: PoseIllustration, pose: ResolvedPose) -> Body:
    """The pose grounded on its support and aligned with the others."""
    body = planted(ill, posed(ill, pose))
    return body.moved(offset(ill, pose, body))


def placed_point(ill: PoseIllustration, pose: ResolvedPose, name: str) -> Vec:
    """One point of the placed pose, without moving the whole body (for arrow paths)."""
    body = planted(ill, posed(ill, pose))
    return add(body.points[name].c, offset(ill, pose, body))
