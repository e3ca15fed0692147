"""A card's picture as one flowable: its Start and Finish frames side by side, each with
its label over it (a pictogram's, or the clinic's two photos), and the caption.

The frames' width comes from the template (`frame_width_mm`), times the card's `scale`;
both frames of a pictogram are drawn at one scale and have one height
(pictures.pictogram.draw.fit). The labels are text in the card's own font, so that they
can be read aloud, searched and translated: their words are `FrameLabels`, from the
handout's message catalogue (`frame_labels`) unless the caller gives others.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import msgspec
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..errors import NotFound, PictureError
from ..handout.assemble import Card, Handout
from ..handout.words import Words
from ..pictures.pose_pictures import pose_frames
from ..reading.models import Illustration, Template
from .markup import para
from .paragraphs import Para
from .styles import Styles

FRAME_GAP = 0.1  # between two frames, a fraction of a frame's width
LABEL_GAP = 1.5  # pt between a label and the frame under it
CAPTION_GAP = 2.0  # pt between the frames and a caption under them
ASIDE_EMS = 9  # the narrowest caption beside the frames, in ems of its type (a short line of words)
INSET = 0.015  # white space inside a frame's edge (the picture has a little of its own)
EDGE = 0.6  # pt, the thin line round each frame
EDGE_COLOUR = "#9a9a9a"  # light enough to stay behind the picture, dark enough for a mono laser
PHOTO_TALLEST = 1.2  # a photo in a frame at most this many times as tall as the frame is wide
LOW = 0.6  # a pictogram less tall than this part of its width: a figure lying down (0.43 to 0.54; standing 0.87 up)


class FrameLabels(msgspec.Struct, frozen=True):
    """The words over the frames, one for each word a pose file may choose
    (pictogram.labels.FrameLabel). A hold's second frame is the position held still; down
    and up label a movement that goes down and back up past where it began."""

    start: str = "Start"
    finish: str = "Finish"
    hold: str = "Hold"
    down: str = "Down"
    up: str = "Up"


def frame_labels(words: Words) -> FrameLabels:
    """The labels in the handout's language (written out here, so that the catalogue's
    extraction finds them)."""
    return FrameLabels(start=words._("Start"), finish=words._("Finish"), hold=words._("Hold"),
                       down=words._("Down"), up=words._("Up"))


def prints_caption(template: Template) -> bool:
    """Whether a card prints its picture's caption: large print's stacked card, which shows
    everything; the others let the frames' labels and the steps say it (two cards fit a
    page only so)."""
    return template.card_layout == "stacked"


def frame_width(template: Template, scale: float = 1.0) -> float:
    """One frame's width, in points."""
    return template.frame_width_mm * mm * scale


def pose_frame_width(pose: str, source: Path | None, mirrored: bool, template: Template, scale: float = 1.0) -> float:
    """One frame's width for this pose: a figure lying down has a low frame, in which at
    the template's width it prints small (a clamshell's knees 2 cm long), so its frames
    are the template's `wide_frames` times wider."""
    width = frame_width(template, scale)
    if template.wide_frames == 1.0:
        return width
    # measured at the template's own width whatever the scale: a picture's shape does not
    # change with its size, and that drawing is the one a card's cache key makes anyway
    first = pose_frames(pose, source, inner_width(frame_width(template)), mirrored).pictures[0]
    return width * template.wide_frames if first.height < first.width * LOW else width


def inner_width(frame: float) -> float:
    """The width of the picture inside a frame `frame` points wide."""
    return frame * (1 - 2 * INSET)


def picture_width(handout: Handout) -> float:
    """How wide a card's pictures are, in points: two frames and the gap between them (a
    single photo is as wide)."""
    return frame_width(handout.template) * (2 + FRAME_GAP)


def illustration_flowables(card: Card, handout: Handout, s: Styles, *, scale: float = 1.0, caption: bool = True,
                           labels: FrameLabels | None = None) -> list[Flowable]:
    """The card's pictures, `scale` times the template's size, labelled, and (unless left
    out) their caption; nothing without an illustration."""
    illustration = card.illustration
    if illustration is None:
        return []
    # the field, for errors: the program's own illustration for this card, or the entry's
    return picture_flowables(illustration, card.illustration_source, card.mirrored, handout.template, s, scale=scale,
                             caption=caption, labels=labels or frame_labels(handout.words), field=card.illustration_field)


def picture_flowables(illustration: Illustration, source: Path | None, mirrored: bool, template: Template, s: Styles, *,
                      scale: float = 1.0, caption: bool = True, labels: FrameLabels = FrameLabels(),
                      field: tuple = ("illustration",)) -> list[Flowable]:
    """An illustration's frames, labelled, and its caption (a card's, or a preview's)."""
    width = frame_width(template, scale)
    words = Para(para(illustration.caption), s.caption) if illustration.caption and caption else None
    if illustration.pose:
        try:
            width = pose_frame_width(illustration.pose, source, mirrored, template, scale)
            frames = pose_frames(illustration.pose, source, inner_width(width), mirrored)
        except PictureError as error:  # a pose file's name that leaves its folder: say which file and field named it
            raise error.named_in(source, (*field, "pose")) from None
        names = [None] if frames.overlay else [getattr(labels, key) for key in frames.labels]
        return [Frames(list(frames.pictures), [_label(w, s) for w in names], width, words)]
    if illustration.pictures:
        files = illustration.pictures
        if len(files) == 1:  # one photo: the exercise as the clinic shows it, as wide as two frames
            one = width * (2 + FRAME_GAP)
            return [Frames(photo_flowables(files, source, inner_width(one), inner_width(one) * PHOTO_TALLEST / 2,
                                           greyscale=template.greyscale_pictures, field=(*field, "pictures")), [None], one, words)]
        inner = inner_width(width)
        pictures = photo_flowables(files, source, inner, inner * PHOTO_TALLEST, greyscale=template.greyscale_pictures, field=(*field, "pictures"))
        return [Frames(pictures, [_label(labels.start, s), _label(labels.finish, s)], width, words)]
    return [words] if words is not None else []  # a caption alone: no picture to draw


def _label(words: str | None, s: Styles) -> Para | None:
    return None if words is None else Para(para(words), _centred(s.bold))


@lru_cache(maxsize=8)  # one per template's styles; shared, as Para's caches key by style
def _centred(style: ParagraphStyle) -> ParagraphStyle:
    # a word or two on one line: lines closer than the body's (a translation may need two)
    return ParagraphStyle(f"{style.name}-frame-label", parent=style, alignment=TA_CENTER, keepWithNext=0, spaceBefore=0, spaceAfter=0,
                          leading=style.fontSize * 1.2)


def photo_flowables(names: list[str], source: Path | None, width: float, height: float, *, greyscale: bool = False,
                    field: tuple = ("illustration", "pictures")) -> list[Flowable]:
    """The clinic's pictures, each fitted to a box of `width` x `height` points."""
    from ..pictures.paths import resolve_picture_path
    from ..pictures.photos import prepare_picture

    if source is None:
        raise NotFound("pictures need a program or exercise file to be relative to")
    flowables = []
    for i, name in enumerate(names):
        try:
            path = resolve_picture_path(name, source, [source.parent])
            flowables.append(prepare_picture(path, width_pt=width, height_pt=height, greyscale=greyscale).flowable())
        except PictureError as error:  # say which file and field named the picture, then what is wrong with it
            raise error.named_in(source, (*field, i)) from None
    return flowables


class Placed(NamedTuple):
    """Where one piece of a `Frames` block goes: its lower left corner, from the block's."""

    kind: str  # "picture", "label", "caption" or "edge" (a frame's outline: width x height)
    x: float
    y: float
    width: float
    height: float
    flowable: Flowable | None = None


class Frames(Flowable):
    """Pictures side by side, each in a thin-edged frame `frame` points wide, its label
    (if any) centred over it, all frames as tall as the tallest picture; then the caption,
    beside the frames when the width they are given leaves room for it (a card across the
    whole page), or else under them."""

    def __init__(self, pictures: list[Flowable], labels: list[Para | None], frame: float, caption: Para | None = None):
        super().__init__()
        assert len(pictures) == len(labels)
        self.pictures, self.labels, self.frame, self.caption = pictures, labels, frame, caption
        self.gap = frame * FRAME_GAP
        self.frames_width = self.width = len(pictures) * frame + (len(pictures) - 1) * self.gap
        self.height = 0.0
        self._placed: list[Placed] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        sizes = [p.wrap(inner_width(self.frame), availHeight) for p in self.pictures]
        inset = self.frame * INSET
        tall = max(h for _, h in sizes) + 2 * inset
        label_heights = [label.wrap(self.frame, availHeight)[1] for label in self.labels if label is not None]
        top = tall + (max(label_heights) + LABEL_GAP if label_heights else 0.0)
        placed, edges = [], []
        for i, (picture, label, (w, h)) in enumerate(zip(self.pictures, self.labels, sizes)):
            x = i * (self.frame + self.gap)
            # a picture shorter than the frame (a photo) sits on the frame's floor
            placed.append(Placed("picture", x + (self.frame - w) / 2, inset, w, h, picture))
            if label is not None:
                placed.append(Placed("label", x, top - label.height, self.frame, label.height, label))
            edges.append(Placed("edge", x, 0.0, self.frame, tall))
        width, height = self.frames_width, top
        if self.caption is not None:
            aside = availWidth - self.frames_width - self.gap
            if aside >= ASIDE_EMS * self.caption.style.fontSize:
                # beside the frames, level with their foot: no line of the card's height spent on it
                _, h = self.caption.wrap(aside, availHeight)
                placed.append(Placed("caption", self.frames_width + self.gap, 0.0, aside, h, self.caption))
                width, height = availWidth, max(top, h)
            else:
                _, h = self.caption.wrap(max(availWidth, self.frames_width), availHeight)
                placed = [p._replace(y=p.y + h + CAPTION_GAP) for p in placed]
                edges = [e._replace(y=e.y + h + CAPTION_GAP) for e in edges]
                placed.append(Placed("caption", 0.0, 0.0, max(availWidth, self.frames_width), h, self.caption))
                height = top + CAPTION_GAP + h
        self.width, self.height, self._placed = width, height, placed + edges  # the edges last: nothing drawn covers them
        return self.width, self.height

    def placed(self) -> list[Placed]:
        """Every piece and where it goes (after wrap): what draw() draws, and a preview copies."""
        return list(self._placed)

    def draw(self) -> None:
        canvas = self.canv
        for piece in self._placed:
            if piece.kind == "edge":
                canvas.saveState()
                canvas.setStrokeColor(HexColor(EDGE_COLOUR))
                canvas.setLineWidth(EDGE)
                canvas.rect(piece.x + EDGE / 2, piece.y + EDGE / 2, piece.width - EDGE, piece.height - EDGE, stroke=1, fill=0)
                canvas.restoreState()
            else:
                assert piece.flowable is not None
                piece.flowable.drawOn(canvas, piece.x, piece.y)
