"""Pose illustration files: the strict models, base poses, and loading with one-line errors.

A pose illustration file says how to look (view, layout), what to show (a start pose
and an end pose, each a base pose with some joints changed), what the body touches or
holds (props tied to named body points) and how the movement is marked (arrows). The
format is described for clinicians in images/poses/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from ..errors import InvalidInput, Problem
from ..models import Id, Strict
from ..models import about as describe  # Arrow has a field named `about`
from ..resources import bundled
from ..validate import suggest, validate
from ..yamlio import Document, read_yaml
from .body import JOINT_ANGLES, ORIENTATION_UP, POINT_NAMES, VIEW_FACING
from .files import bundled_pose_names, bundled_pose_path  # noqa: F401 (part of this module's interface)

Orientation = Literal["standing", "sitting", "supine", "prone", "quadruped", "side-lying"]
View = Literal["front", "side", "front-above", "side-above", "three-quarter"]
Layout = Literal["overlay", "side-by-side"]
Direction = Literal["left", "right", "front", "back", "above", "below"]
PropKind = Literal[
    "floor", "mat", "wall", "step", "bench", "chair", "table", "line", "hip_line",
    "ball", "pillow", "band", "dumbbell", "ankle_weight", "barbell", "pad", "handle",
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


class Arrow(Strict):
    arc: Annotated[PointName | None, describe("draw the path of this point, as an arc about `about`")] = None
    about: Annotated[PointName | Annotated[list[PointName], Meta(min_length=2, max_length=2)] | None, describe(
        "the joint the arc turns about, or two points: the axis it turns about (a clamshell: [right_hip, right_ankle])")] = None
    move: Annotated[PointName | None, describe("a straight arrow from where this point starts to where it ends")] = None
    hold: Annotated[PointName | None, describe("a hold (isometric) mark beside this point")] = None
    offset: Annotated[Annotated[list[float], Meta(min_length=2, max_length=2)] | None, describe(
        "[right, up] shift of the arrow on the page, in body heights")] = None
    gap: Annotated[Annotated[float, Meta(ge=0, le=0.5)] | None, describe("how far an arc runs outside the point's path")] = None
    bend: Annotated[Annotated[float, Meta(ge=-1, le=1)] | None, describe("bow a move arrow: 0 straight, 0.3 a hop")] = None
    length: Annotated[Annotated[float, Meta(gt=0, le=1)] | None, describe(
        "draw a move arrow this long (body heights), centred on the movement")] = None
    along: Annotated[Literal["path", "vertical", "horizontal"], describe(
        "a move arrow follows the point's path, or only its up-down or sideways part")] = "path"
    both_ways: bool = False


class _File(Strict, kw_only=True):
    title: Title | None = None
    view: View
    layout: Layout = "overlay"
    turn: Annotated[Annotated[float, Meta(ge=-90, le=90)] | None, describe(
        "walk round the body this many degrees towards the left of the picture (fine-tunes the view)")] = None
    look_down: Annotated[Annotated[float, Meta(ge=0, le=80)] | None, describe(
        "look down on the body from this many degrees above (fine-tunes the view)")] = None
    align: Annotated[PointName, describe("the body point that stays still between start and end")] = "pelvis"
    planted: Annotated[list[PointName], Meta(max_length=4), describe(
        "body points that must touch the floor too, e.g. the feet of a bridge")] = []
    start: Pose = msgspec.field(default_factory=Pose)
    end: Pose
    props: Annotated[list[Prop], Meta(max_length=20)] = []
    arrows: Annotated[list[Arrow], Meta(max_length=6)] = []


class PoseFile(_File, kw_only=True):
    base: Annotated[Id | None, describe("a base pose file in base/, by name")] = None


class PoseFileInlineBase(_File, kw_only=True):
    base: Pose


# What each prop needs and allows, checked after the model so the message can say why.
PROP_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # kind -> (required, allowed)
    "floor": (set(), set()),
    "hip_line": (set(), set()),
    "mat": (set(), {"size"}),
    "wall": ({"side"}, {"at", "side"}),
    "step": ({"at"}, {"at", "size"}),
    "bench": ({"at"}, {"at"}),
    "chair": ({"at"}, {"at"}),
    "table": ({"at", "side"}, {"at", "side"}),
    "line": ({"at"}, {"at"}),
    "ball": ({"at", "side"}, {"at", "side", "size"}),
    "pillow": ({"at", "side"}, {"at", "side", "size"}),
    "band": ({"at", "to"}, {"at", "to"}),
    "dumbbell": ({"at"}, {"at"}),
    "ankle_weight": ({"at"}, {"at"}),
    "barbell": ({"at"}, {"at", "side"}),
    "pad": ({"at", "side"}, {"at", "side"}),
    "handle": ({"at"}, {"at"}),
}
PROP_HINT = {
    "band": "write `at:` and `to:`, the two body points the band goes round, e.g. right_thigh and left_thigh",
    "wall": "write `side:` left, right, back or front: where the wall is from the body",
    "step": "write `at:` the foot that stands on the step, e.g. right_foot",
}


@dataclass(frozen=True)
class ResolvedPose:
    """A pose with its base applied: every angle the file sets, by joint."""

    orientation: str
    shift: float
    angles: dict[str, dict[str, float]]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: draw.py caches by it
class PoseIllustration:
    """A checked pose illustration, ready to draw."""

    path: Path
    sources: tuple[Path, ...]  # every file read or looked for, the pose file first: what it depends on
    title: str | None
    view: str
    layout: str
    align: str
    planted: tuple[str, ...]
    elevation: float
    yaw: float
    start: ResolvedPose
    end: ResolvedPose
    props: tuple[Prop, ...]
    arrows: tuple[Arrow, ...]

    @property
    def facing(self) -> str:
        return "front" if self.view == "three-quarter" else self.view.split("-")[0]



def load_pose_illustration(path: Path) -> PoseIllustration:
    """Read, check and resolve one pose illustration file; InvalidInput with file:line errors."""
    path = Path(path)
    doc = read_yaml(path)
    inline = isinstance(doc.data.get("base"), dict)
    model = validate(doc, PoseFileInlineBase if inline else PoseFile)
    problems: list[Problem] = []
    sources: tuple[Path, ...] = (path,)
    if isinstance(model.base, Pose):
        base: Pose = model.base
    elif model.base is not None:
        base, looked_at = _load_base(doc, path, model.base)
        sources += looked_at
    else:
        base = Pose()
    start = _merge(base, model.start)
    end = _merge(base, model.end)
    resolved = []
    for key, pose in (("start", start), ("end", end)):
        if pose.orientation is None:
            problems.append(doc.problem((key,), "has no orientation (write `orientation: side-lying`, or the like, here or in the base pose)"))
            continue
        facing = "front" if model.view == "three-quarter" else model.view.split("-")[0]
        up, toward = ORIENTATION_UP[pose.orientation], VIEW_FACING[facing]
        if abs(sum(a * b for a, b in zip(up, toward))) > 0.5:
            fits = [v for v in ("front", "side") if abs(sum(a * b for a, b in zip(up, VIEW_FACING[v]))) < 0.5]
            problems.append(doc.problem(("view",), f"a {pose.orientation} body cannot be seen from the {facing} (use view: {fits[0]})"))
            continue
        resolved.append(ResolvedPose(pose.orientation, pose.shift or 0.0, _angles(pose)))
    _check_points(doc, model, problems)
    if problems:
        raise InvalidInput(problems)
    return PoseIllustration(
        path=path,
        sources=sources,
        title=model.title,
        view=model.view,
        layout=model.layout,
        align=model.align,
        planted=tuple(model.planted),
        elevation=ELEVATION[model.view] if model.look_down is None else model.look_down,
        yaw=YAW.get(model.view, 0.0) if model.turn is None else model.turn,
        start=resolved[0],
        end=resolved[1],
        props=tuple(model.props),
        arrows=tuple(model.arrows),
    )


def _load_base(doc: Document, path: Path, name: str) -> tuple[Pose, tuple[Path, ...]]:
    """The named base pose, and the files looked for up to the one read (a base file added
    next to the pose later would be read instead)."""
    candidates = [path.parent / "base" / f"{name}.yaml", bundled("images") / "poses" / "base" / f"{name}.yaml"]
    for i, candidate in enumerate(candidates):
        if candidate.is_file():
            base_doc = read_yaml(candidate)
            return validate(base_doc, BasePose), tuple(candidates[:i + 1])
    known = sorted({p.stem for folder in {c.parent for c in candidates} if folder.is_dir() for p in folder.glob("*.yaml")})
    raise InvalidInput([doc.problem(("base",), f"no base pose named {name!r} ({suggest(name, known)})")])


def _merge(base: Pose, override: Pose) -> Pose:
    """The base with every joint angle the override sets replaced, angle by angle."""
    data = _given(base)
    data.pop("title", None)
    for key, value in _given(override).items():
        if isinstance(value, dict):
            data[key] = {**data.get(key, {}), **value}
        else:
            data[key] = value
    return msgspec.convert(data, Pose)


def _given(pose: msgspec.Struct) -> dict:
    """The fields a pose (or a joint) sets, as plain data; its joints as mappings."""
    out = {}
    for name in pose.__struct_fields__:
        value = getattr(pose, name)
        if isinstance(value, msgspec.Struct):
            value = _given(value)
        if value is not None:
            out[name] = value
    return out


def _angles(pose: Pose) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for joint in Pose.__struct_fields__:
        value = getattr(pose, joint)
        if isinstance(value, msgspec.Struct):
            out[joint] = {k: float(v) for k, v in _given(value).items()}
    return out


def _check_points(doc: Document, model: _File, problems: list[Problem]) -> None:
    points = set(POINT_NAMES)

    def check(path: tuple, name: str | None, extra: tuple[str, ...] = ()) -> None:
        if name is not None and name not in points and name not in extra:
            problems.append(doc.problem(path, f"unknown body point {name!r} ({suggest(name, points | set(extra))})"))

    check(("align",), model.align)
    for i, name in enumerate(model.planted):
        check(("planted", i), name)
    kinds = [p.prop for p in model.props]
    for i, prop in enumerate(model.props):
        required, allowed = PROP_FIELDS[prop.prop]
        given = {f for f in ("at", "to", "side", "size") if getattr(prop, f) is not None}
        for missing in sorted(required - given):
            hint = PROP_HINT.get(prop.prop, f"write `{missing}:`")
            problems.append(doc.problem(("props", i), f"a {prop.prop} needs `{missing}:` ({hint})"))
        for unused in sorted(given - allowed):
            problems.append(doc.problem(("props", i, unused), f"a {prop.prop} does not use `{unused}:` (remove it)", key=True))
        if prop.prop == "wall" and prop.side in ("above", "below"):
            problems.append(doc.problem(("props", i, "side"), "a wall stands left, right, front or back of the body (not above or below)"))
        check(("props", i, "at"), prop.at)
        check(("props", i, "to"), prop.to, ("table",) if "table" in kinds else ())
        if kinds.count(prop.prop) > 1 and prop.prop in ("floor", "mat", "wall", "step", "bench", "chair", "table", "line"):
            if kinds.index(prop.prop) != i:
                problems.append(doc.problem(("props", i, "prop"), f"a second {prop.prop} (one is drawn; remove this one)"))
    for i, arrow in enumerate(model.arrows):
        kinds_set = [k for k in ("arc", "move", "hold") if getattr(arrow, k) is not None]
        if len(kinds_set) != 1:
            problems.append(doc.problem(("arrows", i), "write exactly one of `arc:`, `move:` or `hold:` (the body point the arrow follows)"))
        if arrow.arc is not None and arrow.about is None:
            problems.append(doc.problem(("arrows", i), "an arc needs `about:`, the joint it turns about (e.g. right_hip)"))
        if arrow.arc is None and arrow.about is not None:
            problems.append(doc.problem(("arrows", i, "about"), "`about:` is only for an arc (remove it)", key=True))
        for key in ("arc", "move", "hold"):
            check(("arrows", i, key), getattr(arrow, key))
        if isinstance(arrow.about, list):
            for j, name in enumerate(arrow.about):
                check(("arrows", i, "about", j), name)
        else:
            check(("arrows", i, "about"), arrow.about)


__all__ = [
    "Pose",
    "Prop",
    "Arrow",
    "PoseIllustration",
    "ResolvedPose",
    "load_pose_illustration",
    "bundled_pose_path",
    "bundled_pose_names",
]
