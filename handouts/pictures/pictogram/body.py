"""The pictogram body: its balls and frames, posed by forward kinematics.

The proportions come from proportions.py (fractions of stature H). Every drawn segment is the
convex hull of a few balls (a limb is two balls, a thick rounded segment that tapers; the
trunk is two rings of balls), so its outline is right from any view angle and a prop can
be placed against its surface exactly (`Body.support`).

Frames. The body frame is x = the body's left, y = up (head), z = forward (the face),
origin at the midpoint between the hip joints. The world frame is X = right on the
page, Y = up, Z = towards the viewer; the floor is the plane Y = 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from .geometry import (
    Mat,
    Vec,
    add,
    chain,
    cross,
    dot,
    lerp,
    mat_mul,
    mat_vec,
    rot_x,
    rot_y,
    rot_z,
    rotate_about,
    rotation_matrix,
    sub,
)
from .proportions import (
    ANKLE_HEIGHT,
    FOOT,
    FOOT_R,
    FOREARM,
    FOREARM_R,
    HAND,
    HEAD_R,
    HIP_BREADTH,
    NECK,
    NOSE_R,
    ORIENTATION_UP,
    PELVIS_RINGS,
    RING_BALLS,
    SHANK,
    SHANK_R,
    SHOULDER_BREADTH,
    SIDES,
    THIGH,
    THIGH_R,
    THORAX_RINGS,
    TORSO_CORNER,
    TRUNK,
    UPPER_ARM,
    UPPER_ARM_R,
    VIEW_FACING,
    WAIST,
)  # fmt: skip


# The records below are named tuples, not frozen dataclasses: a picture makes thousands
# of them, and a named tuple is quicker both to make and to define when the module loads.
class Ball(NamedTuple):
    c: Vec
    r: float


class Part(NamedTuple):
    """One drawn segment: the convex hull of its balls."""

    name: str
    chain: str
    balls: tuple[Ball, ...]


class Point(NamedTuple):
    """A named body point that props, arrows and alignment refer to."""

    c: Vec
    part: str  # the segment whose surface is around this point


@dataclass
class Body:
    parts: dict[str, Part]
    points: dict[str, Point]
    frames: dict[str, Mat] = field(default_factory=dict)  # body-to-world rotation of some segments

    def moved(self, by: Vec) -> Body:
        dx, dy, dz = by
        parts = {
            n: Part(p.name, p.chain, tuple(Ball((b.c[0] + dx, b.c[1] + dy, b.c[2] + dz), b.r) for b in p.balls))
            for n, p in self.parts.items()
        }
        points = {n: Point((p.c[0] + dx, p.c[1] + dy, p.c[2] + dz), p.part) for n, p in self.points.items()}
        return Body(parts, points, self.frames)

    def turned(self, origin: Vec, axis: Vec, deg: float) -> Body:
        """The whole body turned `deg` about the line through `origin` along `axis`."""
        spin = rotation_matrix(axis, deg)

        def turn(v: Vec) -> Vec:
            return add(origin, mat_vec(spin, sub(v, origin)))

        parts = {n: Part(p.name, p.chain, tuple(Ball(turn(b.c), b.r) for b in p.balls)) for n, p in self.parts.items()}
        points = {n: Point(turn(p.c), p.part) for n, p in self.points.items()}
        frames = {n: mat_mul(spin, f) for n, f in self.frames.items()}
        return Body(parts, points, frames)

    def support(self, part: str, direction: Vec) -> float:
        """How far the surface of `part` reaches along the unit `direction` (support function)."""
        return max(dot(b.c, direction) + b.r for b in self.parts[part].balls)

    def lowest(self, parts: list[str] | None = None) -> float:
        """The world height of the lowest surface point of the body (or of some parts)."""
        names = parts if parts is not None else list(self.parts)
        return min(b.c[1] - b.r for n in names for b in self.parts[n].balls)

    def bottom_of(self, point: str) -> float:
        return self.lowest([self.points[point].part])


def placement(orientation: str, view: str) -> Mat:
    """The rotation from body to world for a root orientation seen from a view."""
    up = ORIENTATION_UP[orientation]
    facing = VIEW_FACING[view]
    if abs(dot(up, facing)) > 0.5:
        raise ValueError(f"a {orientation} body cannot face the viewer in a {view} view")
    right = cross(up, facing)
    return (right, up, facing)  # rows: world X, Y, Z as body-frame vectors


def _angle(angles: Mapping[str, Mapping[str, float]], joint: str, name: str) -> float:
    return float(angles.get(joint, {}).get(name, 0.0))


_RING = [(math.cos(2 * math.pi * i / RING_BALLS), math.sin(2 * math.pi * i / RING_BALLS)) for i in range(RING_BALLS)]


def _ring(origin: Vec, frame: Mat, height: float, half_x: float, half_z: float, shift: float, r: float) -> list[Ball]:
    (f0, f1, f2), (f3, f4, f5), (f6, f7, f8) = frame
    ox, oy, oz = origin
    hx, hz = max(half_x - r, 0.0), max(half_z - r, 0.0)
    balls = []
    for c, s in _RING:
        x, z = c * hx, shift + s * hz
        balls.append(Ball((ox + f0 * x + f1 * height + f2 * z, oy + f3 * x + f4 * height + f5 * z, oz + f6 * x + f7 * height + f8 * z), r))
    return balls


def _to_world(frame: Mat, local: Vec) -> Vec:
    # frame columns are the segment axes in world coordinates
    return (
        frame[0][0] * local[0] + frame[0][1] * local[1] + frame[0][2] * local[2],
        frame[1][0] * local[0] + frame[1][1] * local[1] + frame[1][2] * local[2],
        frame[2][0] * local[0] + frame[2][1] * local[1] + frame[2][2] * local[2],
    )


def _taper(a: Vec, b: Vec, radii: tuple[float, float]) -> tuple[Ball, Ball]:
    return Ball(a, radii[0]), Ball(b, radii[1])


def forward_kinematics(orientation: str, view: str, angles: Mapping[str, Mapping[str, float]]) -> Body:
    """The body for these joint angles, hip centre at the world origin.

    Sign conventions (all for the named side): flexion moves a limb forward (knee:
    the heel towards the buttock; ankle: toes up); abduction moves a limb out to its
    own side; rotation is external (outward) when positive. Trunk and neck: flexion
    bends forward, side_bend bends towards the right, rotation turns the face to the
    right. Pelvis: tilt pitches the whole body forward about the hips, side_tilt lifts
    the right side of the pelvis, rotation turns it to the right.
    """
    place = placement(orientation, view)
    # world = place . body  ->  a frame whose columns are the body axes in world terms
    root = chain(
        place,
        rot_y(-_angle(angles, "pelvis", "rotation")),
        rot_x(_angle(angles, "pelvis", "tilt")),
        rot_z(-_angle(angles, "pelvis", "side_tilt")),
    )
    origin: Vec = (0.0, 0.0, 0.0)
    parts: dict[str, Part] = {}
    points: dict[str, Point] = {}

    def frame_point(frame: Mat, at: Vec, local: Vec) -> Vec:
        return add(at, _to_world(frame, local))

    # Trunk: pelvis block from the hip joints to the waist, thorax from the waist up.
    pelvis_balls = [b for ring in PELVIS_RINGS for b in _ring(origin, root, *ring, TORSO_CORNER)]
    parts["pelvis"] = Part("pelvis", "trunk", tuple(pelvis_balls))
    waist = frame_point(root, origin, (0.0, WAIST, 0.0))
    thorax = chain(
        root,
        rot_x(_angle(angles, "trunk", "flexion")),
        rot_z(_angle(angles, "trunk", "side_bend")),
        rot_y(-_angle(angles, "trunk", "rotation")),
    )
    thorax_balls = [b for ring in THORAX_RINGS for b in _ring(waist, thorax, *ring, TORSO_CORNER)]
    parts["thorax"] = Part("thorax", "trunk", tuple(thorax_balls))
    neck_base = frame_point(thorax, waist, (0.0, TRUNK - WAIST, 0.0))
    neck = chain(
        thorax,
        rot_x(_angle(angles, "neck", "flexion")),
        rot_z(_angle(angles, "neck", "side_bend")),
        rot_y(-_angle(angles, "neck", "rotation")),
    )
    head = frame_point(neck, neck_base, (0.0, NECK + HEAD_R, 0.01))
    parts["head"] = Part("head", "head", (Ball(head, HEAD_R),))
    # a nose: in profile a bump on the face side, so the way the body faces shows (the
    # eyes, drawn in scene.py, show it from the front)
    parts["nose"] = Part("nose", "head", (Ball(frame_point(neck, head, (0.0, -0.01, HEAD_R * 0.88)), NOSE_R),))

    points["pelvis"] = Point(frame_point(root, origin, (0.0, 0.03, 0.0)), "pelvis")
    points["waist"] = Point(waist, "thorax")
    points["chest"] = Point(frame_point(thorax, waist, (0.0, 0.12, 0.0)), "thorax")
    points["upper_back"] = Point(frame_point(thorax, waist, (0.0, 0.15, 0.0)), "thorax")
    points["neck"] = Point(neck_base, "thorax")
    points["head"] = Point(head, "head")
    frames = {"pelvis": root, "thorax": thorax, "neck": neck}

    for side, s in SIDES.items():
        # Leg. Thigh: flexion then abduction; knee and ankle hinge about the thigh's x.
        hip = frame_point(root, origin, (s * HIP_BREADTH / 2, 0.0, 0.0))
        thigh = chain(root, rot_x(-_angle(angles, f"{side}_hip", "flexion")), rot_z(s * _angle(angles, f"{side}_hip", "abduction")))
        knee = frame_point(thigh, hip, (0.0, -THIGH, 0.0))
        shank = chain(thigh, rot_x(_angle(angles, f"{side}_knee", "flexion")))
        ankle = frame_point(shank, knee, (0.0, -SHANK, 0.0))
        foot = chain(shank, rot_x(-_angle(angles, f"{side}_ankle", "flexion")))
        heel = frame_point(foot, ankle, (0.0, -ANKLE_HEIGHT + FOOT_R[0], -0.035))
        toe = frame_point(foot, ankle, (0.0, -ANKLE_HEIGHT + FOOT_R[1], FOOT - 0.035 - FOOT_R[0] - FOOT_R[1]))
        # Hip rotation turns the whole leg about the hip-to-ankle line: for a straight
        # leg that is the usual turn of the toes; with the knees bent and the feet
        # together it opens the knee like a clamshell, the feet staying put.
        turn = -s * _angle(angles, f"{side}_hip", "rotation")
        if turn:
            axis = sub(ankle, hip)
            knee, heel, toe = (rotate_about(p, hip, axis, turn) for p in (knee, heel, toe))
        leg = f"{side}_leg"
        parts[f"{side}_thigh"] = Part(f"{side}_thigh", leg, _taper(hip, knee, THIGH_R))
        parts[f"{side}_shank"] = Part(f"{side}_shank", leg, _taper(knee, ankle, SHANK_R))
        parts[f"{side}_foot"] = Part(f"{side}_foot", leg, _taper(heel, toe, FOOT_R))
        points[f"{side}_hip"] = Point(hip, f"{side}_thigh")
        points[f"{side}_thigh"] = Point(lerp(hip, knee, 0.68), f"{side}_thigh")  # just above the knee, for bands
        points[f"{side}_knee"] = Point(knee, f"{side}_thigh")
        points[f"{side}_shin"] = Point(lerp(knee, ankle, 0.5), f"{side}_shank")
        points[f"{side}_ankle"] = Point(lerp(knee, ankle, 0.88), f"{side}_shank")
        points[f"{side}_heel"] = Point(heel, f"{side}_foot")
        points[f"{side}_toe"] = Point(toe, f"{side}_foot")
        points[f"{side}_foot"] = Point(lerp(heel, toe, 0.5), f"{side}_foot")
        frames[f"{side}_thigh"] = thigh
        frames[f"{side}_shank"] = shank

        # Arm. Flexion then abduction then rotation about the arm; elbow hinges forward.
        # Raising the arm past the horizontal lifts and swings the shoulder blade: the
        # joint rides up and in. Without this an arm overhead sticks out of the
        # shoulder like a post, and a body lying on its arm floats off the floor.
        raised = max(_angle(angles, f"{side}_shoulder", "flexion"), _angle(angles, f"{side}_shoulder", "abduction"))
        lift = max(0.0, min(1.0, (raised - 90.0) / 90.0))
        shoulder = frame_point(thorax, waist, (s * (SHOULDER_BREADTH / 2 - 0.03 * lift), TRUNK - WAIST + 0.02 * lift, 0.0))
        upper = chain(
            thorax,
            rot_x(-_angle(angles, f"{side}_shoulder", "flexion")),
            rot_z(s * _angle(angles, f"{side}_shoulder", "abduction")),
            rot_y(s * _angle(angles, f"{side}_shoulder", "rotation")),
        )
        elbow = frame_point(upper, shoulder, (0.0, -UPPER_ARM, 0.0))
        fore = chain(upper, rot_x(-_angle(angles, f"{side}_elbow", "flexion")))
        wrist = frame_point(fore, elbow, (0.0, -FOREARM, 0.0))
        hand = frame_point(fore, elbow, (0.0, -FOREARM - HAND * 0.45, 0.0))
        arm = f"{side}_arm"
        parts[f"{side}_upper_arm"] = Part(f"{side}_upper_arm", arm, _taper(shoulder, elbow, UPPER_ARM_R))
        parts[f"{side}_forearm"] = Part(f"{side}_forearm", arm, _taper(elbow, hand, FOREARM_R))
        points[f"{side}_shoulder"] = Point(shoulder, f"{side}_upper_arm")
        points[f"{side}_elbow"] = Point(elbow, f"{side}_upper_arm")
        points[f"{side}_wrist"] = Point(wrist, f"{side}_forearm")
        points[f"{side}_hand"] = Point(hand, f"{side}_forearm")
        frames[f"{side}_forearm"] = fore
    return Body(parts, points, frames)


# Every named point, for checking the names a pose file uses.
POINT_NAMES = sorted(forward_kinematics("standing", "front", {}).points)
