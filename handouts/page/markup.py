"""Turning plain text into ReportLab paragraph markup, safely.

Every text from a file or an option passes through `para` before it meets a
`Paragraph`: `&`, `<` and `>` are escaped so that `Tom & Jerry <b>` prints as typed and
no `<font color=...>` from an input is ever interpreted (CVE-2023-33733). Line breaks
become `<br/>`, and letters the body font lacks are set in the fallback font.
"""

from __future__ import annotations

from .fonts import FALLBACK, clean, runs


def para(text: str) -> str:
    """Markup for a Paragraph that prints `text` exactly as typed."""
    out = []
    for font, run in runs(clean(text)):
        run = escape(run).replace("\n", "<br/>")
        out.append(f'<font face="{FALLBACK}">{run}</font>' if font == FALLBACK else run)
    return "".join(out)


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, as xml.sax.saxutils.escape does (without its imports)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def run_in(label: str, text: str) -> str:
    """Markup for a bold label run in with its text ("<b>Stop and call us if</b> you feel...").
    A text that already begins with the label has that beginning in bold, not the label twice."""
    if text[:len(label)].casefold() == label.casefold() and len(text) > len(label):
        label, text = text[:len(label)], text[len(label):].lstrip()
    return f"{bold_label(label)} {para(text)}"


def no_short_last_line(text: str, least: int = 10) -> str:
    """The text with its last words (three at most) joined by no-break spaces until they
    make `least` characters: a unit or a short word alone on a box's last line ("2 / sets",
    "5 days a / week", "Stand / on it.") read as a fragment to large-print reviewers."""
    words = text.split(" ")
    tail = words.pop()
    while words and len(tail) < least and tail.count("\xa0") < 2:
        tail = words.pop() + "\xa0" + tail
    return " ".join([*words, tail])


def keep_together(text: str) -> str:
    """The text with a number joined to the word after it, and a word of one or two letters
    to the word after it, by no-break spaces: large-print reviewers read "12 times in a / row"
    and "once a day, 5 / days a week" as broken phrases."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        if out and _binds(out[-1]):
            out[-1] += "\xa0" + word
        else:
            out.append(word)
    return " ".join(out)


def _binds(word: str) -> bool:
    """Whether `word` (the last of a run already joined) holds on to the word after it."""
    last = word.rsplit("\xa0", 1)[-1]
    return last.isdigit() or (last.isalpha() and len(last) <= 2)


def unbroken(text: str) -> str:
    """Markup for `text` that no line break splits ("19 December" on one line, "2026" on the
    next): its spaces made no-break before `para`, which may wrap runs in `<font face=...>`,
    whose own space must stay."""
    return para(text.replace(" ", "\xa0"))


def bold_label(label: str) -> str:
    """A label in bold, whole: its spaces do not break, and a word with a no-break space in it
    is never hyphenated by ReportLab (its hyphenator takes words of letters only), so no label
    reads "Más difí-" at a line's end."""
    return f"<b>{unbroken(label)}</b>"


def fonts_can_run_in(*texts: str) -> bool:
    """Whether the texts are in the body font alone (a fallback font's letters are set in
    runs of their own, which a size change around them would not reach)."""
    return all(FALLBACK not in para(text) for text in texts)
