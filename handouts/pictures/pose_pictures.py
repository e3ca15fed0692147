"""A card's pictogram frames from its pose file, made once per pose, width and side, and cached.

Kept in this process (a batch draws the same few poses again and again) and between
runs (cache.recall): reading a pose and building its scene is the costliest step of a
small build.
"""

from __future__ import annotations

import base64
import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NotFound
from ..reading.cache import recall, remember

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

# A batch's poses at its widths on both sides, with room to spare. A pose's scene lives
# as long as its illustration is kept here (draw.scenes_of).
POSES_KEPT = 64
PICTURES_KEPT = 128
# Part of every cached picture's key: a change to how pictures are drawn (not to a pose
# file, which the cache's stamps catch) must not bring back pictures drawn the old way.
DRAWING = "frames-1"


@lru_cache(maxsize=POSES_KEPT)
def _pose(path: Path):
    from .pictogram.pose import load_pose_illustration

    return load_pose_illustration(path)


def pose_path(name: str, source: Path | None) -> Path:
    """A bundled pose by name, or a pose file relative to the YAML file naming it."""
    from .pictogram.files import bundled_pose_path

    if name.endswith((".yaml", ".yml")):
        if source is None:
            raise NotFound(f"pose file {name!r} needs a program or exercise file to be relative to")
        from .paths import resolve_picture_path

        return resolve_picture_path(name, source, [source.parent])
    path = bundled_pose_path(name)
    if not path.is_file():
        raise NotFound(f"{source or 'command line'}: no bundled pose named {name!r}")
    return path


@dataclass(frozen=True)
class PoseFrames:
    """A pose file's pictures: its Start and Finish frames (or its one overlay), all of one size."""

    pictures: tuple[Flowable, ...]
    overlay: bool  # one picture of both poses, not two frames
    holds: bool  # the Finish frame is a position held still


def pose_frames(name: str, source: Path | None, width: float, mirrored: bool) -> PoseFrames:
    """A card's pictogram frames: their PDF operators, written once per pose file, width and side."""
    # Each card gets its own shallow copies (platypus sets attributes on the flowables it
    # lays out); the compressed operators are shared and never changed.
    made = _pose_frames(pose_path(name, source), width, mirrored)
    return PoseFrames(tuple(copy.copy(p) for p in made.pictures), made.overlay, made.holds)


@lru_cache(maxsize=PICTURES_KEPT)  # two frames of 4-8 KB each, compressed: at most about 2 MB
def _pose_frames(path: Path, width: float, mirrored: bool) -> PoseFrames:
    # Kept between runs too (cache.recall): reading a pose and building its scenes is the
    # costliest step of a small build, and a clinic draws the same few poses all day.
    from .pictogram.picture import PosePicture

    key = [str(path), width, mirrored, DRAWING]
    saved = recall("pictogram", key)
    if saved is not None:
        try:
            pictures = tuple(PosePicture(w, h, base64.b64decode(ops)) for w, h, ops in saved["frames"])
            return PoseFrames(pictures, bool(saved["overlay"]), bool(saved["holds"]))
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry: draw it again
    from .pictogram.pdfops import frame_pictures

    illustration = _pose(path)
    made = PoseFrames(tuple(frame_pictures(illustration, width, mirror=mirrored)), illustration.layout == "overlay", illustration.holds)
    remember("pictogram", key, illustration.sources, {
        "frames": [[p.width, p.height, base64.b64encode(p.compressed).decode("ascii")] for p in made.pictures],
        "overlay": made.overlay, "holds": made.holds})
    return made


def pose_drawings(name: str, source: Path | None, width: float, mirrored: bool) -> list:
    """The frames as ReportLab Drawings, for a preview to export as PNG, SVG or PDF."""
    return [copy.copy(d) for d in _pose_drawings(pose_path(name, source), width, mirrored)]


@lru_cache(maxsize=4)  # about 175 KB a frame; a preview draws one pose
def _pose_drawings(path: Path, width: float, mirrored: bool) -> tuple:
    from .pictogram.draw import frame_drawings

    return tuple(frame_drawings(_pose(path), width, mirror=mirrored))
