"""A card's picture as flowables: its pictogram or the clinic's own photos, and the caption."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Table, TableStyle

from ..errors import NotFound, PictureError
from ..handout.assemble import Card
from ..pictures.pose_pictures import pose_picture
from .markup import para
from .paragraphs import Para
from .styles import Styles


def illustration_flowables(card: Card, width: float, s: Styles, *, greyscale: bool = False) -> list[Flowable]:
    illustration = card.illustration
    if illustration is None:
        return []
    if illustration.pose:
        try:
            out: list[Flowable] = [pose_picture(illustration.pose, card.illustration_source, width, card.mirrored)]
        except PictureError as error:  # a pose file's name that leaves its folder: say which file and field named it
            raise error.named_in(card.illustration_source, (*card.illustration_field, "pose")) from None
    elif illustration.pictures:
        field = (*card.illustration_field, "pictures")  # for errors: the program's own pictures for this card, or the entry's
        out = [pictures_flowable(illustration.pictures, card.illustration_source, width, greyscale=greyscale, field=field)]
    else:  # a caption alone (or nothing): no picture to draw
        out = []
    if illustration.caption:
        out.append(Para(para(illustration.caption), s.caption))
    return out


def pictures_flowable(names: list[str], source: Path | None, width: float, *, greyscale: bool = False,
                      field: tuple = ("illustration", "pictures")) -> Flowable:
    from ..pictures.paths import resolve_picture_path
    from ..pictures.photos import prepare_picture

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
            raise error.named_in(source, (*field, i)) from None
    if len(flowables) == 1:
        return flowables[0]
    table = Table([flowables], colWidths=[each + gap / 2] * len(flowables))
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table
