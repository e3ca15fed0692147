"""A card's pictogram from its pose file, made once per pose, width and side, and cached.

Kept in this process (a batch draws the same few poses again and again) and between
runs (cache.recall): reading a pose and building its scene is the costliest step of a
small build.
"""

from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NotFound
from ..reading.cache import recall, remember

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

# A batch's poses at its widths on both sides, with room to spare. A pose's scene lives
# as long as its illustration is kept here (draw.scene_of).
POSES_KEPT = 64
PICTURES_KEPT = 128


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


def pose_picture(name: str, source: Path | None, width: float, mirrored: bool) -> Flowable:
    """A card's pictogram: its PDF operators, written once per pose file, width and side."""
    # Each card gets its own shallow copy (platypus sets attributes on the flowables it
    # lays out); the compressed operators are shared and never changed.
    return copy.copy(_pose_picture(pose_path(name, source), width, mirrored))


@lru_cache(maxsize=PICTURES_KEPT)  # 6-11 KB each, compressed: at most about 1.5 MB
def _pose_picture(path: Path, width: float, mirrored: bool) -> Flowable:
    # Kept between runs too (cache.recall): reading a pose and building its scene is the
    # costliest step of a small build, and a clinic draws the same few poses all day.
    from .pictogram.picture import PosePicture

    key = [str(path), width, mirrored]
    saved = recall("pictogram", key)
    if saved is not None:
        return PosePicture(saved["width"], saved["height"], base64.b64decode(saved["operators"]))
    from .pictogram.pdfops import pose_picture

    illustration = _pose(path)
    picture = pose_picture(illustration, width, mirror=mirrored)
    remember("pictogram", key, illustration.sources,
             {"width": picture.width, "height": picture.height, "operators": base64.b64encode(picture.compressed).decode("ascii")})
    return picture


def pose_flowable(name: str, source: Path | None, width: float, mirrored: bool) -> Flowable:
    """The pictogram as a ReportLab Drawing, for a preview to export as PNG, SVG or PDF."""
    return copy.copy(_pose_drawing(pose_path(name, source), width, mirrored))


@lru_cache(maxsize=4)  # about 175 KB each; a preview draws one
def _pose_drawing(path: Path, width: float, mirrored: bool) -> Flowable:
    from .pictogram.draw import pose_drawing

    return pose_drawing(_pose(path), width, mirror=mirrored)
