"""The pose file format as strict models: views, poses and joint angles, props, arrows.

What each field means, for clinicians, is in images/poses/README.md; `load_pose_illustration`
(pose.py) reads a file into these and checks what the models alone cannot.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from ...reading.fields import Id, Strict
from ...reading.fields import about as describe  # Arrow has a field named `about`
from .labels import FrameLabel
from .proportions import JOINT_ANGLES

Orientation = Literal["standing", "sitting", "supine", "prone", "quadruped", "side-lying"]
View = Literal["front", "side", "front-above", "side-above", "three-quarter"]
# frames: a Start and a Finish picture side by side (the default); side-by-side is its older
# name; overlay: both poses in one picture, the start in light grey with a dashed outline.
Layout = Literal["frames", "side-by-side", "overlay"]
Direction = Literal["left", "right", "front", "back", "above", "below"]
PropKind = Literal[
    "floor", "mat", "wall", "step", "bench", "chair", "table", "line", "hip_line",
    "ball", "pillow", "band", "dumbbell", "ankle_weight", "barbell", "pad", "handle", "chair_back", "rail",
    "level", "weight_stack", "shadow", "ghost",
]  # fmt: skip
PointName = Annotated[str, Meta(min_length=1, max_length=40)]  # checked against the body's points
Size = Annotated[float, Meta(gt=0, le=1)]  # fractions of the body's height
Title = Annotated[str, Meta(min_length=1, max_length=200)]

# How far the camera looks down in the "-above" views, in degrees.
ELEVATION = {"front": 0.0, "side": 0.0, "front-above": 20.0, "side-above": 20.0, "three-quarter": 10.0}
# How far the camera turns about the vertical, towards the body's feet when lying.
YAW = {"three-quarter": 30.0}


def _angle(low: float, high: float):
    return Annotated[float, Meta(ge=low, le=high)] | None


def _joint_model(kind: str) -> type[Strict]:
    fields = [(name, _angle(*limits), None) for name, limits in JOINT_ANGLES[kind].items()]
    return msgspec.defstruct(kind.capitalize(), fields, bases=(Strict,), module=__name__)


_JOINT_MODELS = {kind: _joint_model(kind) for kind in JOINT_ANGLES}
Pelvis, Spine, Neck = _JOINT_MODELS["pelvis"], _JOINT_MODELS["trunk"], _JOINT_MODELS["neck"]
Hip, Knee, Ankle = _JOINT_MODELS["hip"], _JOINT_MODELS["knee"], _JOINT_MODELS["ankle"]
Shoulder, Elbow = _JOINT_MODELS["shoulder"], _JOINT_MODELS["elbow"]


class Pose(Strict):
    """A root orientation and joint angles in degrees; a joint left out keeps its base value."""

    orientation: Orientation | None = None
    shift: Annotated[Annotated[float, Meta(ge=-3, le=3)] | None, describe(
        "move this pose sideways on the page, in body heights (a step or a hop)")] = None
    pelvis: Pelvis | None = None  # type: ignore[valid-type]
    trunk: Spine | None = None  # type: ignore[valid-type]
    neck: Neck | None = None  # type: ignore[valid-type]
    right_hip: Hip | None = None  # type: ignore[valid-type]
    left_hip: Hip | None = None  # type: ignore[valid-type]
    right_knee: Knee | None = None  # type: ignore[valid-type]
    left_knee: Knee | None = None  # type: ignore[valid-type]
    right_ankle: Ankle | None = None  # type: ignore[valid-type]
    left_ankle: Ankle | None = None  # type: ignore[valid-type]
    right_shoulder: Shoulder | None = None  # type: ignore[valid-type]
    left_shoulder: Shoulder | None = None  # type: ignore[valid-type]
    right_elbow: Elbow | None = None  # type: ignore[valid-type]
    left_elbow: Elbow | None = None  # type: ignore[valid-type]


class BasePose(Pose):
    """A base pose file: a pose, with an optional title saying what it is."""

    title: Title | None = None


class Prop(Strict):
    prop: PropKind
    at: Annotated[PointName | None, describe("the body point the prop sits against, under or on")] = None
    to: Annotated[PointName | None, describe("a band's other end: a body point, or 'table'")] = None
    side: Annotated[Direction | None, describe("which side of the body point the prop is on")] = None
    size: Annotated[Size | None, describe("ball or pillow thickness, step height, in body heights")] = None
    # at least 0.1: nearer, the table's leg stood against the foot (and the knot on it read as round the ankle)
    distance: Annotated[Annotated[float, Meta(ge=0.1, le=1)] | None, describe(
        "how far a table stands out from the point `at`, to its near edge, in body heights")] = None


class Arrow(Strict):
    arc: Annotated[PointName | None, describe("draw the path of this point, as an arc about `about`")] = None
    about: Annotated[PointName | Annotated[list[PointName], Meta(min_length=2, max_length=2)] | None, describe(
        "the joint the arc turns about, or two points: the axis it turns about (a clamshell: [right_hip, right_ankle])")] = None
    move: Annotated[PointName | None, describe("a straight arrow from where this point starts to where it ends")] = None
    hold: Annotated[PointName | None, describe("a hold (isometric) mark beside this point")] = None
    offset: Annotated[Annotated[list[Annotated[float, Meta(ge=-1, le=1)]], Meta(min_length=2, max_length=2)] | None, describe(
        "[right, up] shift of the arrow on the page, in body heights")] = None
    gap: Annotated[Annotated[float, Meta(ge=0, le=0.5)] | None, describe("how far an arc runs outside the point's path")] = None
    bend: Annotated[Annotated[float, Meta(ge=-1, le=1)] | None, describe("bow a move arrow: 0 straight, 0.3 a hop")] = None
    length: Annotated[Annotated[float, Meta(gt=0, le=1)] | None, describe(
        "draw a move arrow this long (body heights), centred on the movement; an arc at least this long")] = None
    along: Annotated[Literal["path", "vertical", "horizontal"], describe(
        "a move arrow follows the point's path, or only its up-down or sideways part")] = "path"
    both_ways: bool = False


class PoseFileFields(Strict, kw_only=True):
    title: Title | None = None
    view: View
    layout: Layout = "frames"
    turn: Annotated[Annotated[float, Meta(ge=-90, le=90)] | None, describe(
        "walk round the body this many degrees towards the left of the picture (fine-tunes the view)")] = None
    look_down: Annotated[Annotated[float, Meta(ge=0, le=80)] | None, describe(
        "look down on the body from this many degrees above (fine-tunes the view)")] = None
    align: Annotated[PointName, describe("the body point that stays still between start and end")] = "pelvis"
    planted: Annotated[list[PointName], Meta(max_length=4), describe(
        "body points that must touch the floor too, e.g. the feet of a bridge")] = []
    labels: Annotated[Annotated[list[FrameLabel], Meta(min_length=2, max_length=2)] | None, describe(
        "the two frames' labels, from start, finish, hold, down, up (default: start, then finish, or hold with a hold mark)")] = None
    start: Pose = msgspec.field(default_factory=Pose)
    end: Pose
    props: Annotated[list[Prop], Meta(max_length=20)] = []
    arrows: Annotated[list[Arrow], Meta(max_length=6)] = []


class PoseFile(PoseFileFields, kw_only=True):
    base: Annotated[Id | None, describe("a base pose file in base/, by name")] = None


class PoseFileInlineBase(PoseFileFields, kw_only=True):
    base: Pose


# What each prop needs and allows, checked after the model so the message can say why.
PROP_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # kind -> (required, allowed)
    "floor": (set(), set()),
    "hip_line": (set(), set()),
    "mat": (set(), {"size", "side"}),  # side: back, the mat reaching out behind the body (fixed_props)
    "wall": ({"side"}, {"at", "side"}),
    "step": ({"at"}, {"at", "size"}),
    "bench": ({"at"}, {"at"}),
    "chair": ({"at"}, {"at"}),
    "table": ({"at", "side"}, {"at", "side", "distance"}),
    "line": ({"at"}, {"at"}),
    "ball": ({"at", "side"}, {"at", "side", "size"}),
    "pillow": ({"at", "side"}, {"at", "side", "size"}),
    "band": ({"at", "to"}, {"at", "to"}),
    "dumbbell": ({"at"}, {"at"}),
    "ankle_weight": ({"at"}, {"at"}),
    "barbell": ({"at"}, {"at", "side"}),
    "pad": ({"at", "side"}, {"at", "side"}),
    "handle": ({"at"}, {"at"}),
    "chair_back": ({"at"}, {"at"}),
    "rail": ({"at"}, {"at"}),
    "level": ({"at"}, {"at"}),
    "weight_stack": ({"at", "side"}, {"at", "side"}),
    "shadow": ({"at"}, {"at"}),
    "ghost": ({"at"}, {"at"}),  # a foot where it stood at the start, in the Finish frame (ghost.py)
}
GHOSTED = ("right_foot", "left_foot")  # the points a ghost can be at: a foot, the part of that name
PROP_HINT = {
    "band": "write `at:` and `to:`, the two body points the band goes round, e.g. right_thigh and left_thigh",
    "wall": "write `side:` left, right, back or front: where the wall is from the body",
    "step": "write `at:` the foot that stands on the step, e.g. right_foot",
}
