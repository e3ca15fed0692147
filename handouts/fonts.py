"""The embedded fonts, and which characters they can print.

Atkinson Hyperlegible is the body face (made for low-vision readers). It lacks
Vietnamese, Greek and Cyrillic letters and the Turkish İ, so each character it lacks is
set in Noto Sans instead. A character neither font has is refused with a clear error
rather than printed as an empty box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

BODY, BOLD, ITALIC, BOLD_ITALIC = "Body", "Body-Bold", "Body-Italic", "Body-BoldItalic"
FALLBACK, FALLBACK_ITALIC = "Fallback", "Fallback-Italic"


@dataclass(frozen=True)
class Fonts:
    """Registered font names and the code points each can print."""

    primary: frozenset[int]
    fallback: frozenset[int]

    def can_print(self, char: str) -> bool:
        return ord(char) in self.primary or ord(char) in self.fallback

    def needs_fallback(self, char: str) -> bool:
        return ord(char) not in self.primary and ord(char) in self.fallback


@cache
def fonts() -> Fonts:
    """Register the fonts with ReportLab once per process."""
    import fontpkg
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = "Atkinson Hyperlegible"
    faces = {
        BODY: fontpkg.path(family),
        BOLD: fontpkg.path(family, weight=700),
        ITALIC: fontpkg.path(family, style="italic"),
        BOLD_ITALIC: fontpkg.path(family, weight=700, style="italic"),
        # Noto Sans ships only as a variable font; ReportLab embeds its default (regular)
        # instance, which is what a fallback letter inside any style gets.
        FALLBACK: fontpkg.path("Noto Sans"),
        FALLBACK_ITALIC: fontpkg.path("Noto Sans", style="italic"),
    }
    loaded = {name: TTFont(name, str(path)) for name, path in faces.items()}
    for font in loaded.values():
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK_ITALIC, boldItalic=FALLBACK_ITALIC)
    return Fonts(
        primary=frozenset(loaded[BODY].face.charToGlyph),
        fallback=frozenset(loaded[FALLBACK].face.charToGlyph),
    )


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` that no embedded font has, in order of appearance."""
    available = fonts()
    seen: list[str] = []
    for char in clean(text):
        if char not in seen and char != "\n" and not available.can_print(char):
            seen.append(char)
    return seen


def describe(chars: list[str]) -> str:
    """'😀' (U+1F600 GRINNING FACE), ... for an error message."""
    return ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:3])


def clean(text: str) -> str:
    """Text without the invisible characters that only confuse layout.

    Control and format characters (zero-width spaces and joiners, direction marks, BOM)
    print as nothing at best and as a box at worst; tabs become spaces; line breaks stay.
    """
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "):
        if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn"):
            out.append(char)
    return "".join(out)
