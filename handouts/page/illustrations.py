"""A card's picture as flowables: its pictogram or the clinic's own photos, and the caption."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..errors import NotFound, PictureError
from ..handout.assemble import Card, Handout
from ..pictures.pose_pictures import pose_picture
from .markup import para
from .paragraphs import Para
from .styles import Styles


def picture_width(handout: Handout) -> float:
    """How wide a card's pictures are, in points."""
    return (handout.template.frame_width_mm * 2 + 3) * mm  # STAND-IN: two frames and a gap


def illustration_flowables(card: Card, handout: Handout, s: Styles, *, scale: float = 1.0, caption: bool = True) -> list[Flowable]:
    """The card's pictures, `scale` times the template's size, and (unless left out) their caption."""
    width, greyscale = picture_width(handout) * scale, handout.template.greyscale_pictures
    illustration = card.illustration
    if illustration is None:
        return []
    if illustration.pose:
        # STAND-IN until the two-frame pictures land: two frames of the overlay, 40 mm wide, at most 34 mm tall
        frame_w = handout.template.frame_width_mm * mm * scale
        frame_h = frame_w * 0.85
        probe = pose_picture(illustration.pose, card.illustration_source, frame_w, card.mirrored)
        w = min(frame_w, frame_w * frame_h / probe.height) if probe.height > frame_h else frame_w
        one = pose_picture(illustration.pose, card.illustration_source, w, card.mirrored)
        # each word written out, so that `pybabel extract` finds it
        labels = [Para(para(word), s.caption) for word in (handout.words._("Start"), handout.words._("Finish"))]
        frames = Table([[one, pose_picture(illustration.pose, card.illustration_source, w, card.mirrored)], labels],
                       colWidths=[frame_w + 3 * mm, frame_w])
        frames.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        out: list[Flowable] = [frames]
    elif illustration.pictures:
        # the field, for errors: the program's own pictures for this card, or the entry's
        field = "illustration.pictures" if illustration is card.exercise.illustration else f"exercises[{card.number - 1}].illustration.pictures"
        out = [pictures_flowable(illustration.pictures, card.illustration_source, width, greyscale=greyscale, field=field)]
    else:  # a caption alone (or nothing): no picture to draw
        out = []
    if illustration.caption and caption:
        out.append(Para(para(illustration.caption), s.caption))
    return out


def pictures_flowable(names: list[str], source: Path | None, width: float, *, greyscale: bool = False,
                      field: str = "illustration.pictures") -> Flowable:
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
            message = str(error).removeprefix(f"{source}: ")
            raise PictureError(source, f"{field}[{i}]: {message}") from None
    if len(flowables) == 1:
        return flowables[0]
    table = Table([flowables], colWidths=[each + gap / 2] * len(flowables))
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table
