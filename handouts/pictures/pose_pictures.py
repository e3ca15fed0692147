"""A card's pictogram from its pose file, made once per pose, width and side, and cached.

Kept in this process (a batch draws the same few poses again and again) and between
runs (cache.recall): reading a pose and building its scene is the costliest step of a
small build.
"""

from __future__ import annotations

import base64
import binascii
import copy
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import msgspec
from msgspec import Meta

from ..errors import NotFound
from ..reading.cache import file_digest, recall, remember

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


# The files each pose file's picture was drawn from: itself, then each base file looked
# for; and the pose file each name, in each YAML file, was last found to be.
_sources: dict[Path, tuple[Path, ...]] = {}
_found: dict[tuple[str, Path | None], Path] = {}


def pose_sources(name: str, source: Path | None) -> tuple[Path, ...]:
    """The pose file of a picture drawn in this process, and each base file it depends on."""
    path = _found.get((name, source)) or pose_path(name, source)
    return _sources.get(path, (path,))


def pose_picture(name: str, source: Path | None, width: float, mirrored: bool) -> Flowable:
    """A card's pictogram: its PDF operators, written once per pose file, width and side."""
    # Each card gets its own shallow copy (platypus sets attributes on the flowables it
    # lays out); the compressed operators are shared and never changed.
    path = _found[name, source] = pose_path(name, source)
    return copy.copy(_pose_picture(path, width, mirrored))


class SavedPicture(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A pictogram as the cache keeps it, with the base pose files it was drawn on."""

    width: Annotated[float, Meta(gt=0, le=2000)]
    height: Annotated[float, Meta(gt=0, le=2000)]
    operators: str  # base64 of the compressed PDF operators
    base: Annotated[str, Meta(pattern="^[a-z0-9][a-z0-9-]*$", max_length=60)] | None  # the base pose named, if any
    bases: Annotated[list[str | None], Meta(max_length=2)]  # digest of each place it was looked for (None: no file there)


@lru_cache(maxsize=PICTURES_KEPT)  # 6-11 KB each, compressed: at most about 1.5 MB
def _pose_picture(path: Path, width: float, mirrored: bool) -> Flowable:
    # Kept between runs too (cache.recall), found by the pose file's content and proven
    # against its base files' content: reading a pose and building its scene is the
    # costliest step of a small build, and a clinic draws the same few poses all day.
    from .pictogram.files import base_candidates
    from .pictogram.picture import PosePicture

    before = file_digest(path)
    key = [before, width, mirrored]
    saved = recall("pictogram", key, SavedPicture) if before else None
    operators = _operators(saved, path) if saved else None
    if saved is not None and operators is not None:
        _sources[path] = (path, *base_candidates(path, saved.base)[: len(saved.bases)]) if saved.base else (path,)
        return PosePicture(saved.width, saved.height, operators)
    from .pictogram.pdfops import pose_picture

    illustration = _pose(path)
    picture = pose_picture(illustration, width, mirror=mirrored)
    looked_at = illustration.sources[1:]
    _sources[path] = illustration.sources
    if before is not None and file_digest(path) == before:  # what was drawn is what the key says
        remember("pictogram", key, SavedPicture(picture.width, picture.height, base64.b64encode(picture.compressed).decode("ascii"),
                                                looked_at[0].stem if looked_at else None, [file_digest(p) for p in looked_at]))
    return picture


def _operators(saved: SavedPicture, path: Path) -> bytes | None:
    """The saved picture's operators, if its base files are as they were and its data is whole."""
    from .pictogram.files import base_candidates

    looked_at = base_candidates(path, saved.base)[: len(saved.bases)] if saved.base else []
    if len(looked_at) != len(saved.bases) or [file_digest(p) for p in looked_at] != saved.bases:
        return None  # a base file changed, or one appeared where it was looked for
    try:
        operators = binascii.a2b_base64(saved.operators, strict_mode=True)
        zlib.decompressobj().decompress(operators, 64)  # a deflate stream (its start: the digest proved the rest whole)
    except (binascii.Error, ValueError, zlib.error):
        return None
    return operators


def pose_flowable(name: str, source: Path | None, width: float, mirrored: bool) -> Flowable:
    """The pictogram as a ReportLab Drawing, for a preview to export as PNG, SVG or PDF."""
    path = _found[name, source] = pose_path(name, source)
    drawing = copy.copy(_pose_drawing(path, width, mirrored))
    _sources[path] = _pose(path).sources
    return drawing


@lru_cache(maxsize=4)  # about 175 KB each; a preview draws one
def _pose_drawing(path: Path, width: float, mirrored: bool) -> Flowable:
    from .pictogram.draw import pose_drawing

    return pose_drawing(_pose(path), width, mirror=mirrored)
