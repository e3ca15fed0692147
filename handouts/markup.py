"""Turning plain text into ReportLab paragraph markup, safely.

Every text from a file or an option passes through `para` before it meets a
`Paragraph`: `&`, `<` and `>` are escaped so that `Tom & Jerry <b>` prints as typed and
no `<font color=...>` from an input is ever interpreted (CVE-2023-33733). Line breaks
become `<br/>`, and letters the body font lacks are set in the fallback font.
"""

from __future__ import annotations

from .fonts import FALLBACK, clean, fonts


def para(text: str) -> str:
    """Markup for a Paragraph that prints `text` exactly as typed."""
    available = fonts()
    text = clean(text)
    if available.primary.issuperset(map(ord, text)):  # the common case: no letter needs the fallback font
        return _flush(list(text), False)
    out: list[str] = []
    run: list[str] = []
    in_fallback = False
    for char in text:
        wants_fallback = available.needs_fallback(char)
        if wants_fallback != in_fallback:
            out.append(_flush(run, in_fallback))
            run, in_fallback = [], wants_fallback
        run.append(char)
    out.append(_flush(run, in_fallback))
    return "".join(out)


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, as xml.sax.saxutils.escape does (without its imports)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _flush(chars: list[str], fallback: bool) -> str:
    if not chars:
        return ""
    text = escape("".join(chars)).replace("\n", "<br/>")
    return f'<font face="{FALLBACK}">{text}</font>' if fallback else text
