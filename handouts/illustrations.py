"""A card's picture: a pictogram drawn from pose data, or the clinic's own photos."""

from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path

from reportlab.platypus import Flowable, Table, TableStyle

from .cache import recall, remember
from .errors import NotFound, PictureError
from .handout import Card
from .markup import para
from .paragraphs import Para
from .styles import Styles

# A batch's poses at its widths on both sides, with room to spare. A pose's scene lives
# as long as its illustration is kept here (draw.scene_of).
POSES_KEPT = 64
PICTURES_KEPT = 128


def illustration_flowables(card: Card, width: float, s: Styles, *, greyscale: bool = False) -> list[Flowable]:
    illustration = card.illustration
    if illustration is None:
        return []
    if illustration.pose:
        out: list[Flowable] = [pose_picture(illustration.pose, card.illustration_source, width, card.mirrored)]
    elif illustration.pictures:
        # the field, for errors: the program's own pictures for this card, or the entry's
        field = "illustration.pictures" if illustration is card.exercise.illustration else f"exercises[{card.number - 1}].illustration.pictures"
        out = [pictures_flowable(illustration.pictures, card.illustration_source, width, greyscale=greyscale, field=field)]
    else:  # a caption alone (or nothing): no picture to draw
        out = []
    if illustration.caption:
        out.append(Para(para(illustration.caption), s.caption))
    return out


@lru_cache(maxsize=POSES_KEPT)
def _pose(path: Path):
    from .pictogram import load_pose_illustration

    return load_pose_illustration(path)


def pose_path(name: str, source: Path | None) -> Path:
    """A bundled pose by name, or a pose file relative to the YAML file naming it."""
    from .pictogram.files import bundled_pose_path

    if name.endswith((".yaml", ".yml")):
        if source is None:
            raise NotFound(f"pose file {name!r} needs a program or exercise file to be relative to")
        from .pictures import resolve_picture_path

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
    from .pictogram import pose_drawing

    return pose_drawing(_pose(path), width, mirror=mirrored)


def pictures_flowable(names: list[str], source: Path | None, width: float, *, greyscale: bool = False,
                      field: str = "illustration.pictures") -> Flowable:
    from .pictures import prepare_picture, resolve_picture_path

    if source is None:
        raise NotFound("pictures need a program or exercise file to be relative to")
    gap = 4
    each = (width - gap * (len(names) - 1)) / len(names)
    flowables = []
    for i, name in enumerate(names):
        try:
            path = resolve_picture_path(name, source, [source.parent])
            flowables.append(prepare_picture(path, width_pt=each, height_pt=each * 1.2, greyscale=greyscale).flowable())
        except PictureError as error:  # say which file and field named the picture, then what is wrong with it
            message = str(error).removeprefix(f"{source}: ")
            raise PictureError(source, f"{field}[{i}]: {message}") from None
    if len(flowables) == 1:
        return flowables[0]
    table = Table([flowables], colWidths=[each + gap / 2] * len(flowables))
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table
