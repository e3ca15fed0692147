"""Blocks of a handout drawn once and reused: as a form XObject in every document that
has them, measured once per process, and (for what says nothing about a patient) kept
in the cache between runs.

The handouts of a clinic's day differ in little but the patient's name, the date and a
few doses: most of their cards are the same card. Laying one out and drawing it costs
more than the rest of its page, so a card (cards.py, through card_blocks.py) whose key,
a digest of everything its drawing depends on, has been seen is not made again: its
size and spacing come from the first time, and its drawing is the form recorded then
(form_recording), put into the document as drawing it would have been. The first
document of a process draws the same form, so a handout is the same PDF, byte for
byte, alone or in a batch, with the cache or without it.

`reused(...)` gives what a block is in the story: one DrawnBlock (which draws the
block's bookmark too) inside the card's KeepTogether, measured and spaced as its own
flowables were (a block whose flowables a frame would space otherwise, such as a
flowable of no height inside, is left as it was). Unlike its flowables, it moves to the
next page whole when a frame finds it does not fit after all.
"""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
from collections import OrderedDict
from typing import Annotated, Callable
from weakref import WeakKeyDictionary

import msgspec
from msgspec import Meta
from reportlab.platypus import Flowable
from reportlab.platypus.flowables import _listWrapOn

from .blocks import Bookmark, Gap
from .fonts import BODY, BOLD
from .form_recording import Codes, FontUse, Pictures, Recording, codes, record, replay, replayable

KEPT = 128  # blocks kept in a process: every card of several programmes, about 20 KB each
VARIANTS = 2  # recordings of one block: the same card after names with other letters
_FUZZ = 1e-6
_KIND = "drawn-block-1"  # the cache's name for blocks; a new number when what is kept changes


class Made(msgspec.Struct):
    """A block as measured once, and as recorded in the documents that drew it."""

    width: float
    height: float
    before: float  # the space before its first flowable, which the page's frame puts above it
    after: float  # the space after its last
    terms: tuple[float, ...]  # each flowable's height and spaces, as layout.height adds them up
    bookmark: tuple[str, str] | None
    recordings: list[Recording] = msgspec.field(default_factory=list)
    reusable: bool = True  # False once a drawing used what a replay cannot put back


_made: OrderedDict[str, Made | None] = OrderedDict()  # None: a block that cannot be drawn once
_names: WeakKeyDictionary = WeakKeyDictionary()  # each document's blocks' form names, by key


def reused(key: str | None, make: Callable[[], list[Flowable]], width: float, frame_height: float,
           pictures: Pictures, persistent: bool = False) -> list[Flowable]:
    """The block's flowables for its KeepTogether: made by `make` the first time, then one
    DrawnBlock; `make()` itself when it cannot be drawn once. `pictures`
    are the pictograms it draws, by form name; `persistent`: kept in the cache too."""
    if key is None:
        return make()
    made = _remembered(key, persistent)
    content = None
    if made is None and key not in _made:
        content = make()
        made = _measured(content, width, frame_height)
        _keep(key, made)
    if made is None:
        return content if content is not None else make()
    block = DrawnBlock(key, made, make, pictures, persistent, _drawn_part(content) if content else None)
    return [block]


def _remembered(key: str, persistent: bool) -> Made | None:
    if key in _made:
        _made.move_to_end(key)
        return _made[key]
    made = _load(key) if persistent else None
    if made is not None:
        _keep(key, made)
    return made


def _keep(key: str, made: Made | None) -> None:
    _made[key] = made
    while len(_made) > KEPT:
        _made.popitem(last=False)


def _measured(content: list[Flowable], width: float, frame_height: float) -> Made | None:
    """The block's size and spaces, as the page's frame will lay its flowables out; None
    when one flowable with nothing to show, or with spacing of its own, would make the
    frame space them otherwise than KeepTogether measures them."""
    bookmark, gap = None, None
    if content and isinstance(content[0], Bookmark):
        bookmark, content = (content[0].key, content[0].title), content[1:]
    if content and isinstance(content[0], Gap):  # a section's room above: the block's space before
        gap, content = content[0].getSpaceBefore(), content[1:]
        if content and content[0].getSpaceBefore():  # the frame would add both: left as it was
            return None
    if not content:
        return None
    y, at_top, after, terms = 0.0, True, 0.0, []
    for flowable in content:
        if getattr(flowable, "frameAction", None) or getattr(flowable, "_SPACETRANSFER", False):
            return None
        w, h = flowable.wrap(width, frame_height)
        if w <= _FUZZ or h <= _FUZZ:
            return None
        terms.append(h + flowable.getSpaceBefore() + flowable.getSpaceAfter())
        # as Frame._add does it, with ReportLab's overlapAttachedSpace: a space before
        # overlaps the space after the flowable above
        space = 0.0 if at_top else max(flowable.getSpaceBefore() - after, 0.0)
        y -= h + space
        after = flowable.getSpaceAfter()
        y -= after
        at_top = False
    height = -(y + after)
    spaced = _Spaces()
    _, measured = _listWrapOn(content, width, None, obj=spaced)  # as KeepTogether measures it
    if abs(measured - height) > _FUZZ or height > frame_height - 1:  # (a card as tall as a page is left to split)
        return None
    if gap is not None:
        return Made(width, height, gap, after, (gap, *terms), bookmark)
    return Made(width, height, spaced._spaceBefore, after, tuple(terms), bookmark)


def _drawn_part(content: list[Flowable]) -> list[Flowable]:
    """The flowables a block's form draws: all but its bookmark (DrawnBlock draws it) and
    its gap (its space before), as _measured takes them."""
    if content and isinstance(content[0], Bookmark):
        content = content[1:]
    return content[1:] if content and isinstance(content[0], Gap) else content


class _Spaces:
    _spaceBefore = 0.0
    _spaceAfter = 0.0


class DrawnBlock(Flowable):
    """A block's flowables as one, drawn as a form: recorded the first time a document
    needs it, replayed from then on when the document's letters have the same codes."""

    def __init__(self, key: str, made: Made, make: Callable[[], list[Flowable]], pictures: Pictures,
                 persistent: bool, content: list[Flowable] | None):
        super().__init__()
        self.key, self.made, self.make, self.pictures, self.persistent = key, made, make, pictures, persistent
        self.content = content
        self.width, self.height = made.width, made.height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.made.before

    def getSpaceAfter(self) -> float:
        return self.made.after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # measured to fit a page: it moves to the next one whole

    def draw(self) -> None:
        canvas, made = self.canv, self.made
        if made.bookmark:
            # the card's bookmark, drawn with it: as a flowable of its own before the block it
            # would stay behind on the page a card moves on from (KeepTogether measures a
            # block without its first space before, which the frame then adds)
            key, title = made.bookmark
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=0)
        # named by its place among the document's blocks, not by its key: a key may hold
        # what the drawing does not show (a patient's copy is the same PDF with or without
        # a caution the clinician's copy prints)
        names = _names.setdefault(canvas._doc, {})
        self.form = names.setdefault(self.key, f"Drawn{len(names) + 1}")
        if not canvas.hasForm(self.form):
            recordings = made.recordings if made.reusable and replayable(canvas) else []
            now = codes(canvas, recordings[0].uses) if recordings else None
            found = next((r for r in recordings if r.codes == now), None)
            if found is not None:
                replay(canvas, self.form, found, self.width, self.height, self.pictures)
            else:
                self._record()
        canvas.doForm(self.form)

    def _record(self) -> None:
        made = self.made
        content = self.content if self.content is not None else _drawn_part(self.make())
        recording = record(self.canv, self.form, content, self.width, self.height, made.after, self.pictures)
        if recording is None:
            made.reusable = False
            return
        if made.recordings and made.recordings[0].uses != recording.uses:
            made.recordings.clear()  # (the same block draws the same letters: never, but then only this one holds)
        made.recordings.insert(0, recording)
        del made.recordings[VARIANTS:]
        # kept between runs only when drawn in the body fonts, whose files every key holds
        # (card_blocks): the fallback font is read only when a text needs it
        if self.persistent and all(use.font in (BODY, BOLD) for use in recording.uses):
            _save(self.key, made)


# ---- kept between runs (reading.cache: digest-proved, shape-checked, data only) ----------

Number = Annotated[float, Meta(ge=-1e6, le=1e6)]


class SavedRecording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    uses: list[tuple[str, str]]
    codes: list[tuple[list[tuple[Annotated[int, Meta(ge=0)], str]], list[str]]]  # codes as latin-1 text
    operators: list[str]
    forms: list[str]


class SavedBlock(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    width: Number
    height: Number
    before: Number
    after: Number
    terms: list[Number]
    bookmark: tuple[str, str] | None
    recordings: Annotated[list[SavedRecording], Meta(max_length=VARIANTS)]


def _save(key: str, made: Made) -> None:
    from ..reading.cache import remember

    recordings = [SavedRecording([tuple(u) for u in r.uses],
                                 [([(subset, run.decode("latin-1")) for subset, run in c.runs], list(c.names)) for c in r.codes],
                                 list(r.operators), list(r.forms)) for r in made.recordings]
    remember(_KIND, [key], SavedBlock(made.width, made.height, made.before, made.after, list(made.terms), made.bookmark, recordings))


def _load(key: str) -> Made | None:
    from ..reading.cache import recall

    saved = recall(_KIND, [key], SavedBlock)
    if saved is None or not saved.recordings:
        return None
    try:
        recordings = [Recording(tuple(FontUse(*u) for u in r.uses),
                                tuple(Codes(tuple((subset, run.encode("latin-1")) for subset, run in runs), tuple(names))
                                      for runs, names in r.codes),
                                tuple(r.operators), tuple(r.forms)) for r in saved.recordings]
    except UnicodeEncodeError:
        return None
    return Made(saved.width, saved.height, saved.before, saved.after, tuple(saved.terms), saved.bookmark, recordings)


def clear() -> None:
    """Forget every block (for tests)."""
    _made.clear()
