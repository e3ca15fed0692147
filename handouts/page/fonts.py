"""The embedded fonts, and which characters they can print.

Atkinson Hyperlegible is the body face (made for low-vision readers). It lacks
Vietnamese, Greek and Cyrillic letters and the Turkish İ, so each character it lacks is
set in Noto Sans instead. A character neither font has is refused with a clear error
rather than printed as an empty box.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

BODY, BOLD = "Body", "Body-Bold"
FALLBACK = "Fallback"


class Fonts(msgspec.Struct, frozen=True):
    """The code points the body font can print; the fallback font is loaded on first need."""

    primary: frozenset[int]

    def can_print(self, char: str) -> bool:
        return ord(char) in self.primary or ord(char) in fallback()

    def needs_fallback(self, char: str) -> bool:
        # a line break (in a note of several lines) is no letter: it never loads Noto (20 ms)
        return char != "\n" and ord(char) not in self.primary and ord(char) in fallback()


@cache
def fonts() -> Fonts:
    """Register the body fonts with ReportLab once per process."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from .plain_zero import plain_zero

    regular, bold = (TTFont(name, plain_zero(file)) for name, file in zip((BODY, BOLD), body_files()))
    for font in (regular, bold):
        _share_subsets(font)
        pdfmetrics.registerFont(font)
    # No italics anywhere: the guidelines for older readers ask for as few as possible.
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
    return Fonts(primary=frozenset(regular.face.charToGlyph))


@cache
def body_files() -> tuple[str, str]:
    """The body font's regular and bold files."""
    return _face("fontpkg_atkinson_hyperlegible", 400), _face("fontpkg_atkinson_hyperlegible", 700)


def _face(package: str, weight: int) -> str:
    """The upright face of `weight` in an installed font package, from the package's manifest.

    fontpkg.path() would find the package by reading every installed distribution's
    entry points, about 30 ms of each run; the package is known here, so its manifest
    (the same metadata.json fontpkg reads) is read directly.
    """
    import importlib
    import json
    from pathlib import Path

    root = Path(importlib.import_module(package).__file__).parent
    manifest = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    for face in manifest["files"]:
        if face["style"] == "normal" and face["weight"] == weight:
            return str(root / face["path"])
    raise LookupError(f"{package} has no upright face of weight {weight}")


@cache
def fallback() -> frozenset[int]:
    """Register Noto Sans, for the letters Atkinson lacks; most handouts never need it."""
    import fontpkg
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Noto Sans ships only as a variable font; ReportLab embeds its default (regular)
    # instance, which is what a fallback letter inside bold text gets too.
    font = TTFont(FALLBACK, str(fontpkg.path("Noto Sans")))
    _share_subsets(font)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK)
    # Only the Basic Multilingual Plane: ReportLab writes a broken ToUnicode entry for the
    # few letters beyond it (rare phonetic symbols), so they could not be copied or read
    # aloud from the PDF; refused like any other letter no font has.
    return frozenset(c for c in font.face.charToGlyph if c <= 0xFFFF)


SUBSETS_MAX = 16  # per font: the subsets of the last few distinct handouts, about 20 KB each


def _share_subsets(font: TTFont) -> None:
    """Make each distinct subset of `font` once per process, not once per document.

    ReportLab embeds in each PDF a subset of the font holding the letters that PDF uses,
    made anew for every document (a millisecond a font), though the handouts of a batch
    mostly use the same letters in the same order. A subset is a pure function of the
    font and the list of characters, so the bytes made are kept and reused.
    """
    make = font.face.makeSubset

    @lru_cache(maxsize=SUBSETS_MAX)
    def made(subset: tuple[int, ...]) -> bytes:
        return make(list(subset))

    # On this font's own face only: ReportLab calls face.makeSubset(subset) with a list
    # of character codes when it embeds the font, and offers no other hook.
    font.face.makeSubset = lambda subset: made(tuple(subset))


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` that no embedded font has, in order of appearance."""
    return list(_unprintable(text))


@lru_cache(maxsize=2048)  # a batch checks the same library texts for every handout: once each
def _unprintable(text: str) -> tuple[str, ...]:
    available = fonts()
    if available.primary.issuperset(map(ord, text)):  # the common case, at C speed: every letter in the body font
        return ()
    seen: list[str] = []
    for char in clean(text):
        if char not in seen and char != "\n" and not available.can_print(char):
            seen.append(char)
    return tuple(seen)


def describe(chars: list[str]) -> str:
    """'😀' (U+1F600 GRINNING FACE), ... for an error message."""
    return ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:3])


_ASCII_CONTROLS = dict.fromkeys([*range(0x00, 0x0A), *range(0x0B, 0x20), 0x7F])  # all but the line break


def clean(text: str) -> str:
    """Text without the invisible characters that only confuse layout.

    Control and format characters (zero-width spaces and joiners, direction marks, BOM)
    print as nothing at best and as a box at worst; tabs become spaces; line breaks stay.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isascii():  # the common case, at C speed: ASCII's only such characters are its controls
        return text.translate(_ASCII_CONTROLS)
    out = []
    for char in text:
        if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn"):
            out.append(char)
    return "".join(out)


def runs(text: str) -> list[tuple[str, str]]:
    """`text` as (font, text) runs: the fallback font for letters the body font lacks."""
    available = fonts()
    if available.primary.issuperset(map(ord, text)):  # the common case: one run
        return [(BODY, text)] if text else []
    found: list[tuple[str, str]] = []
    for char in text:
        font = FALLBACK if available.needs_fallback(char) else BODY
        if found and found[-1][0] == font:
            found[-1] = (font, found[-1][1] + char)
        else:
            found.append((font, char))
    return found
