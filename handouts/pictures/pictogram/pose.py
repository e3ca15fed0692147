"""Loading a pose illustration file: its base pose applied, its points checked, one-line errors.

A pose illustration file says how to look (view, layout), what to show (a start pose
and an end pose, each a base pose with some joints changed), what the body touches or
holds (props tied to named body points) and how the movement is marked (arrows); its
format is in pose_file.py, and described for clinicians in images/poses/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

from ...errors import InvalidInput, Problem
from ...reading.validate import suggest, validate
from ...reading.yamlio import Document, read_yaml
from .body import POINT_NAMES
from .files import base_candidates, bundled_pose_names, bundled_pose_path  # noqa: F401 (part of this module's interface)
from .labels import FrameLabel
from .pose_file import (
    ELEVATION,
    GHOSTED,
    PROP_FIELDS,
    PROP_HINT,
    YAW,
    Arrow,
    BasePose,
    Pose,
    PoseFile,
    PoseFileFields,
    PoseFileInlineBase,
    Prop,
)
from .proportions import ORIENTATION_UP, VIEW_FACING

PROP_FIELD_NAMES = sorted(set().union(*(allowed for _, allowed in PROP_FIELDS.values())))  # every field some prop takes

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
    chosen_labels: tuple[FrameLabel, ...] | None = None  # the file's `labels:`, if it names them

    @property
    def facing(self) -> str:
        return "front" if self.view == "three-quarter" else self.view.split("-")[0]

    @property
    def holds(self) -> bool:
        """The end is a position held still (a hold mark): its frame is labelled as a hold."""
        return any(arrow.hold for arrow in self.arrows)

    @property
    def labels(self) -> tuple[FrameLabel, ...]:
        """Which word labels each frame (FrameLabel): the file's choice, or Start and then
        Finish, or Hold for a held end; none for an overlay, which is one picture."""
        if self.layout == "overlay":
            return ()
        return self.chosen_labels or ("start", "hold" if self.holds else "finish")


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
    _check_labels(doc, model, problems)
    if problems:
        raise InvalidInput(problems)
    return PoseIllustration(
        path=path,
        sources=sources,
        title=model.title,
        view=model.view,
        layout="frames" if model.layout == "side-by-side" else model.layout,  # its older name
        align=model.align,
        planted=tuple(model.planted),
        elevation=ELEVATION[model.view] if model.look_down is None else model.look_down,
        yaw=YAW.get(model.view, 0.0) if model.turn is None else model.turn,
        start=resolved[0],
        end=resolved[1],
        props=tuple(model.props),
        arrows=tuple(model.arrows),
        chosen_labels=tuple(model.labels) if model.labels else None,
    )


def _load_base(doc: Document, path: Path, name: str) -> tuple[Pose, tuple[Path, ...]]:
    """The named base pose, and the files looked for up to the one read (a base file added
    next to the pose later would be read instead)."""
    candidates = base_candidates(path, name)
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


def _check_labels(doc: Document, model: PoseFileFields, problems: list[Problem]) -> None:
    # each label's word is checked by the model (one of a fixed few); what it cannot see:
    if model.labels is None:
        return
    if model.layout == "overlay":
        problems.append(doc.problem(("labels",), "an overlay is one picture with no labels (remove `labels:`)", key=True))
    elif model.labels[0] == model.labels[1]:
        problems.append(doc.problem(("labels", 1), f"both frames labelled {model.labels[0]!r}: the reader cannot tell them apart"))


def _check_points(doc: Document, model: PoseFileFields, problems: list[Problem]) -> None:
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
        given = {f for f in PROP_FIELD_NAMES if getattr(prop, f) is not None}
        for missing in sorted(required - given):
            hint = PROP_HINT.get(prop.prop, f"write `{missing}:`")
            problems.append(doc.problem(("props", i), f"a {prop.prop} needs `{missing}:` ({hint})"))
        for unused in sorted(given - allowed):
            problems.append(doc.problem(("props", i, unused), f"a {prop.prop} does not use `{unused}:` (remove it)", key=True))
        if prop.prop == "mat" and prop.side not in (None, "back"):
            problems.append(doc.problem(("props", i, "side"), "a mat reaches out only behind the body (`side: back`) or not at all"))
        if prop.prop == "wall" and prop.side in ("above", "below"):
            problems.append(doc.problem(("props", i, "side"), "a wall stands left, right, front or back of the body (not above or below)"))
        if prop.prop == "ghost" and prop.at not in (None, *GHOSTED):
            problems.append(doc.problem(("props", i, "at"), "a ghost is a foot where it stood at the start: `at: right_foot` or `left_foot`"))
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
