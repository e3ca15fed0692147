"""Paragraphs that are parsed and broken into lines once per process, however often
ReportLab measures them.

ReportLab wraps (breaks into lines) a paragraph each time it measures it: a KeepTogether
measures its content, a table measures its cells to size its rows and again to draw
them, and the frame measures each paragraph once more before drawing it, so each was
broken three or four times per handout, a third of all the time spent. Parsing the
markup and breaking it into lines depend only on the markup, the style and the width,
so `Para` does each once: a paragraph measured again at the same width keeps its lines,
and the parse and lines are shared, through two bounded caches, with every paragraph of
the same markup, style and width in the process: across the handouts of a batch, which
are one programme for many patients and differ in little more than the patient's name.

Sharing is safe because drawing only reads the parsed fragments and the lines (our text
runs left to right; a word hyphenated at a line's end is broken when the lines are made,
and kept with them), and the one operation that may change them in place, splitting a
paragraph across pages, first takes a copy of its own.

The caches are bounded (least recently used first out), so a long batch's memory stays
flat. What they hold is tied to nothing per document: fonts, their subsets and colours
are the canvas's business at drawing time, which is never cached. The styles are the
cache keys by identity, so they must be shared too (styles.styles) and never changed.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

# Entries, not bytes: a parsed or broken paragraph is about 2 KB, so each cache stays
# under about 2 MB. A handout has 30 to 40 texts per exercise (many shared between
# exercises) at one or two widths: this holds every text of a 40-exercise handout, or of
# a batch of handouts from a few programmes, and a longer run evicts the least used.
PARSED_MAX = 1024
BROKEN_MAX = 1024

_TALL = 1e9  # a paragraph's line breaks do not depend on the height it is offered

_UNSET = object()

Key = tuple[str, ParagraphStyle, str | None]  # markup, style, bullet


class Para(Paragraph):
    """A Paragraph broken into lines once per width; with `shared` (the default) its parse
    and line breaks come from, and go to, the process's caches.

    A text that differs in every handout of a batch (the patient's name) is better not
    shared: it would only push the others out of the caches.
    """

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, bulletText: str | None = None,
                 frags: list | None = None, caseSensitive: int = 1, encoding: str = "utf8", *, shared: bool = True):
        self._wrapped_at: float | None = None
        shareable = (shared and frags is None and isinstance(text, str) and style is not None
                     and (bulletText is None or isinstance(bulletText, str)) and caseSensitive == 1 and encoding == "utf8")
        if not shareable:  # also the halves of a split, made from fragments
            self._key: Key | None = None
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        self._key = (text, style, bulletText)
        self.__dict__.update(_parsed(*self._key))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_at and "blPara" in self.__dict__:
            return self.width, self.height  # measured again at the width it was broken for
        if availWidth < rl_config._FUZZ:  # no room at all: ReportLab's answer, nothing kept
            return super().wrap(availWidth, availHeight)
        if self._key is None:
            super().wrap(availWidth, availHeight)
        else:
            self.__dict__.update(_broken(*self._key, availWidth))
        self._wrapped_at = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._key is not None:
            # Splitting may change the fragments and lines in place (it re-classes a
            # hyphenated word's last part), so from here on this paragraph works on
            # copies of its own.
            self._key = None
            self.blPara, self.frags = copy.deepcopy((self.__dict__.get("blPara"), self.frags))
            if self.blPara is None:
                del self.blPara
        return super().split(availWidth, availHeight)


@lru_cache(maxsize=PARSED_MAX)
def _parsed(text: str, style: ParagraphStyle, bullet: str | None) -> dict[str, Any]:
    """A plain Paragraph's state just after parsing `text` (the markup) in `style`."""
    return dict(Paragraph(text, style, bulletText=bullet).__dict__)


@lru_cache(maxsize=BROKEN_MAX)
def _broken(text: str, style: ParagraphStyle, bullet: str | None, width: float) -> dict[str, Any]:
    """What wrapping at `width` adds to or changes in that state: the lines, the height."""
    paragraph = Paragraph.__new__(Paragraph)
    parsed = _parsed(text, style, bullet)
    paragraph.__dict__.update(parsed)
    paragraph.wrap(width, _TALL)
    return {name: value for name, value in paragraph.__dict__.items() if parsed.get(name, _UNSET) is not value}


def clear() -> None:
    """Forget every shared parse and line break (for tests, and after changing fonts)."""
    _parsed.cache_clear()
    _broken.cache_clear()
