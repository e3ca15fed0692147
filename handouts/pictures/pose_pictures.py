"""A card's pictogram frames from its pose file, made once per pose, width and side, and cached.

Kept in this process (a batch draws the same few poses again and again) and between
runs (cache.recall): reading a pose and building its scene is the costliest step of a
small build.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import msgspec
from msgspec import Meta

from ..errors import NotFound
from ..reading.cache import file_digest, recall, remember
from .pictogram.labels import FrameLabel

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

# A batch's poses at its widths on both sides, with room to spare. A pose's scene lives
# as long as its illustration is kept here (draw.scenes_of).
POSES_KEPT = 64
PICTURES_KEPT = 128


@lru_cache(maxsize=1)
def drawing_code() -> str:
    """A digest of the code that draws pictograms, part of every cached picture's key: a
    picture drawn by other code (an edit, not only a new version) never comes back."""
    digest = hashlib.sha256()
    for file in sorted((Path(__file__).parent / "pictogram").glob("*.py")):  # about 150 KB: well under a millisecond
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:20]


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


class PoseFrames(msgspec.Struct, frozen=True):
    """A pose file's pictures: its Start and Finish frames (or its one overlay), all of one size."""

    pictures: tuple[Flowable, ...]
    overlay: bool  # one picture of both poses, not two frames
    labels: tuple[FrameLabel, ...]  # which word labels each frame; none for an overlay (one picture)


# The files each pose file's pictures were drawn from: itself, then each base file looked
# for; and the pose file each name, in each YAML file, was last found to be.
_sources: dict[Path, tuple[Path, ...]] = {}
_found: dict[tuple[str, Path | None], Path] = {}


def pose_sources(name: str, source: Path | None) -> tuple[Path, ...]:
    """The pose file of a picture drawn in this process, and each base file it depends on."""
    path = _found.get((name, source)) or pose_path(name, source)
    return _sources.get(path, (path,))


def pose_frames(name: str, source: Path | None, width: float, mirrored: bool) -> PoseFrames:
    """A card's pictogram frames: their PDF operators, written once per pose file, width and side."""
    # Each card gets its own shallow copies (platypus sets attributes on the flowables it
    # lays out); the compressed operators are shared and never changed.
    path = _found[name, source] = pose_path(name, source)
    made = _pose_frames(path, width, mirrored)
    return PoseFrames(tuple(copy.copy(p) for p in made.pictures), made.overlay, made.labels)


Size = Annotated[float, Meta(gt=0, le=2000)]


class SavedFrame(msgspec.Struct, frozen=True, array_like=True, forbid_unknown_fields=True):
    width: Size
    height: Size
    operators: str  # base64 of the compressed PDF operators


class SavedFrames(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A pose's frames as the cache keeps them, with the base pose files they were drawn on."""

    frames: Annotated[list[SavedFrame], Meta(min_length=1, max_length=2)]
    overlay: bool
    labels: Annotated[list[FrameLabel], Meta(max_length=2)]
    base: Annotated[str, Meta(pattern="^[a-z0-9][a-z0-9-]*$", max_length=60)] | None  # the base pose named, if any
    bases: Annotated[list[str | None], Meta(max_length=2)]  # digest of each place it was looked for (None: no file there)


@lru_cache(maxsize=PICTURES_KEPT)  # two frames of 4-8 KB each, compressed: at most about 2 MB
def _pose_frames(path: Path, width: float, mirrored: bool) -> PoseFrames:
    # Kept between runs too (cache.recall), found by the pose file's content and proven
    # against its base files' content: reading a pose and building its scenes is the
    # costliest step of a small build, and a clinic draws the same few poses all day.
    from .pictogram.files import base_candidates
    from .pictogram.picture import PosePicture

    before = file_digest(path)
    key = [before, width, mirrored, drawing_code()]
    saved = recall("pictogram", key, SavedFrames) if before else None
    operators = _operators(saved, path) if saved else None
    if saved is not None and operators is not None:
        _sources[path] = (path, *base_candidates(path, saved.base)[: len(saved.bases)]) if saved.base else (path,)
        pictures = tuple(PosePicture(f.width, f.height, ops) for f, ops in zip(saved.frames, operators))
        return PoseFrames(pictures, saved.overlay, tuple(saved.labels))
    from .pictogram.pdfops import frame_pictures

    illustration = _pose(path)
    made = PoseFrames(tuple(frame_pictures(illustration, width, mirror=mirrored)), illustration.layout == "overlay", illustration.labels)
    looked_at = illustration.sources[1:]
    _sources[path] = illustration.sources
    if before is not None and file_digest(path) == before:  # what was drawn is what the key says
        frames = [SavedFrame(p.width, p.height, base64.b64encode(p.compressed).decode("ascii")) for p in made.pictures]
        remember("pictogram", key, SavedFrames(frames, made.overlay, list(made.labels), looked_at[0].stem if looked_at else None,
                                               [file_digest(p) for p in looked_at]))
    return made


def _operators(saved: SavedFrames, path: Path) -> list[bytes] | None:
    """The saved frames' operators, if their base files are as they were and their data is whole."""
    from .pictogram.files import base_candidates

    looked_at = base_candidates(path, saved.base)[: len(saved.bases)] if saved.base else []
    if len(looked_at) != len(saved.bases) or [file_digest(p) for p in looked_at] != saved.bases:
        return None  # a base file changed, or one appeared where it was looked for
    out = []
    for frame in saved.frames:
        try:
            operators = binascii.a2b_base64(frame.operators, strict_mode=True)
            zlib.decompressobj().decompress(operators, 64)  # a deflate stream (its start: the digest proved the rest whole)
        except (binascii.Error, ValueError, zlib.error):
            return None
        out.append(operators)
    return out


def pose_drawings(name: str, source: Path | None, width: float, mirrored: bool) -> list:
    """The frames as ReportLab Drawings, for a preview to export as PNG, SVG or PDF."""
    path = _found[name, source] = pose_path(name, source)
    drawings = [copy.copy(d) for d in _pose_drawings(path, width, mirrored)]
    _sources[path] = _pose(path).sources
    return drawings


@lru_cache(maxsize=4)  # about 175 KB a frame; a preview draws one pose
def _pose_drawings(path: Path, width: float, mirrored: bool) -> tuple:
    from .pictogram.draw import frame_drawings

    return tuple(frame_drawings(_pose(path), width, mirror=mirrored))
