"""Drawing a block of flowables into a form XObject once, and putting the same form into
another document later without drawing it again, to the same bytes.

A form's operators depend on its content and on one thing of the document's: the codes
each letter has in the document's font subsets. ReportLab gives a letter its code when
the document first draws it (the ASCII letters have fixed ones), and names a font's
subsets (F1, F2...) when the document first draws in that font. So a recording keeps,
with the operators, which letters the block drew in each font, in the order it first
drew them; to replay it, the new document is asked for those letters in that order
(`TTFont.splitString`, as drawing does, which gives any new letter its code just as
drawing would) and the form is used only if every code and subset name is the one
recorded; else the block is drawn afresh, into a state no different from the one
drawing alone would have left. Either way the document is the same, byte for byte.

This relies on ReportLab's internals, each tested in tests/page/test_drawn_blocks.py:
the canvas's operators and forms in use while a form is open (`_code`, `_formsinuse`),
`TTFont.splitString(text, doc)` and `getSubsetInternalName(subset, doc)`, which are
where drawing gets codes and names, the document's `fontMapping`, and the frame's way
of laying flowables out (`Frame.add`), with which a block is drawn into its form.
"""

from __future__ import annotations

import contextlib
from typing import Callable, Iterator, NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

Pictures = Callable[[tuple[str, ...]], dict[str, Flowable]]  # the pictograms a block may draw, by form name

MARGIN = 36  # points of room round a form's box: a form clips to it, and a rule or a hand may reach past its block's edge


class FontUse(NamedTuple):
    """The letters a block drew in one font, in the order it first drew them."""

    font: str
    letters: str


class Codes(NamedTuple):
    """What those letters are in a document: (subset, codes) runs, and the subsets' names."""

    runs: tuple[tuple[int, bytes], ...]
    names: tuple[str, ...]


class Recording(NamedTuple):
    """A block's form as drawn once: its operators, the forms it uses, and the codes they need."""

    uses: tuple[FontUse, ...]
    codes: tuple[Codes, ...]
    operators: tuple[str, ...]
    forms: tuple[str, ...]  # the nested forms (pictograms), in the order drawn


def codes(canvas: Canvas, uses: tuple[FontUse, ...]) -> tuple[Codes, ...]:
    """The codes and subset names of the letters in `canvas`'s document, given to any it
    lacks as drawing them would: in the order first drawn, font by font."""
    doc = canvas._doc
    found = []
    for use in uses:
        font = pdfmetrics.getFont(use.font)
        runs = tuple(font.splitString(use.letters, doc))
        found.append(Codes(runs, tuple(font.getSubsetInternalName(subset, doc) for subset, _ in runs)))
    return tuple(found)


def replayable(canvas: Canvas) -> bool:
    """Whether a form put into `canvas` gets the resources it was recorded with: a form's
    graphics states (transparency) are all those the canvas has used so far, not its own."""
    return not canvas._extgstate._c


def record(canvas: Canvas, name: str, content: list[Flowable], width: float, height: float, after: float,
           pictures: Pictures) -> Recording | None:
    """Draw `content` into a new form `name` of `width` x `height` (top down, as a frame
    lays it out; the last flowable's space after is `after`); the recording, or None when
    the block drew something a replay could not put back (a font other than one of the
    TrueType ones, or a form that is not one of `pictures`)."""
    doc = canvas._doc
    named = set(doc.fontMapping)
    canvas.beginForm(name, -MARGIN, -MARGIN, width + MARGIN, height + MARGIN)
    with _watching(canvas) as drawn:
        # the frame's top at the form's: the first flowable's space before is dropped there,
        # as at a page's top; the page's frame puts that space above the whole block
        frame = Frame(0, -MARGIN, width, height + MARGIN, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        for flowable in content:
            if not frame.add(flowable, canvas):
                raise RuntimeError(f"a drawn block's content does not fit the {height:.2f} pt it measured")
        operators, forms = tuple(canvas._code), tuple(canvas._formsinuse)
        # what a form's resources take from the canvas besides its operators: none of it is put back
        alone = not (canvas._annotationrefs or canvas._colorsUsed or canvas._shadingUsed)
    canvas.endForm()
    if abs(frame._y + after) > 1e-6:  # the frame went further (or less far) than the block measured
        raise RuntimeError(f"a drawn block was laid out to {height - frame._y - after:.4f} pt, not the {height:.4f} pt it measured")
    uses = tuple(FontUse(font, "".join(dict.fromkeys("".join(texts)))) for font, texts in drawn.items())
    found = codes(canvas, uses)  # every letter has its code already: this only reads them
    if not alone or not replayable(canvas) or not set(doc.fontMapping) - named <= {use.font for use in uses}:
        return None
    known = pictures(tuple(dict.fromkeys(forms))) if forms else {}
    if any(form not in known for form in forms):
        return None
    return Recording(uses, found, operators, forms)


def replay(canvas: Canvas, name: str, recording: Recording, width: float, height: float, pictures: Pictures) -> None:
    """Put the recorded form into `canvas`'s document, as drawing it would have (the
    caller has checked the codes): its pictograms first, where drawing adds them."""
    missing = tuple(form for form in dict.fromkeys(recording.forms) if not canvas.hasForm(form))
    found = pictures(missing) if missing else {}
    for form in missing:
        _add_only(canvas, found[form])
    canvas.beginForm(name, -MARGIN, -MARGIN, width + MARGIN, height + MARGIN)
    canvas._code.extend(recording.operators)
    canvas._formsinuse.extend(recording.forms)
    canvas.endForm()


def _add_only(canvas: Canvas, picture: Flowable) -> None:
    """Add a picture's form to the document as its own drawing does, without its operators."""
    code, forms = len(canvas._code), len(canvas._formsinuse)
    picture.canv = canvas
    try:
        picture.draw()  # adds the form when the document lacks it, then uses it: the use is taken back
    finally:
        del picture.canv
        del canvas._code[code:], canvas._formsinuse[forms:]


@contextlib.contextmanager
def _watching(canvas: Canvas) -> Iterator[dict[str, list[str]]]:
    """While inside, every text drawn in one of the registered TrueType fonts, by font,
    fonts in the order first drawn in: what `splitString` is asked for."""
    doc = canvas._doc
    drawn: dict[str, list[str]] = {}
    fonts = [pdfmetrics.getFont(name) for name in pdfmetrics.getRegisteredFontNames()]
    fonts = [font for font in fonts if getattr(font, "_dynamicFont", False)]
    before = [font.__dict__.get("splitString") for font in fonts]
    for font in fonts:
        def split(text, in_doc, *args, _real=font.splitString, _name=font.fontName, **kwargs):
            if in_doc is doc:
                drawn.setdefault(_name, []).append(text if isinstance(text, str) else text.decode("utf-8"))
            return _real(text, in_doc, *args, **kwargs)

        font.splitString = split  # on the instance, for the while: the text object looks it up at each call
    try:
        yield drawn
    finally:
        for font, own in zip(fonts, before):
            if own is None:
                del font.splitString
            else:
                font.splitString = own
