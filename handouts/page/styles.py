"""Paragraph styles made from a layout template's sizes and colours."""

from __future__ import annotations

from functools import lru_cache

import msgspec
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..reading.template_model import Template, TypeSizes
from .fonts import BODY, BOLD


class Styles(msgspec.Struct, frozen=True):
    body: ParagraphStyle
    names: ParagraphStyle  # body text of names and dates (who, when, from whom): never hyphenated
    bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    step: ParagraphStyle
    clinic: ParagraphStyle
    reference: ParagraphStyle
    run_in_reference: ParagraphStyle  # the references as one paragraph (template reference_list: run-in)
    card: ParagraphStyle  # an exercise card's heading, with the room between cards above it
    spaced: ParagraphStyle  # body text with a little room above: a labelled line in a card
    sources: ParagraphStyle  # a card's reference numbers, quiet at its foot


# The languages whose long words break at a line's end, by their own rules (pyphen's
# dictionaries, which ReportLab uses when a style names one): Spanish words are long, and
# a narrow column of them is very ragged unbroken. English words are left whole.
HYPHENATED = {"es": "es"}


def styles(template: Template, language: str = "en") -> Styles:
    """The template's styles for a handout in `language`: the same objects for every handout
    with the same sizes, colours and language, so that the paragraph caches (keyed by style)
    serve a whole batch. Shared, so never to be changed."""
    colours = template.colours
    # frozen: usable as a key
    hyphenation = HYPHENATED.get(language, "") if template.hyphenate else ""
    return _styles(template.type_pt, colours.text, colours.accent, colours.rule, hyphenation)


@lru_cache(maxsize=16)  # a few templates per process
def _styles(sizes: TypeSizes, text_colour: str, accent_colour: str, rule_colour: str, hyphenation: str) -> Styles:
    text, accent = HexColor(text_colour), HexColor(accent_colour)

    def style(name: str, size: float, font: str = BODY, **extra) -> ParagraphStyle:
        # left-aligned, ragged right, generous leading: the guidelines for older readers; only
        # words of 9 letters or more hyphenated ("termi-/nar", "Tra-/bajan" read badly to reviewers)
        settings = dict(fontName=font, bulletFontName=font, fontSize=size, leading=size * sizes.line_spacing, textColor=text,
                        alignment=TA_LEFT, hyphenationLang=hyphenation, embeddedHyphenation=0, uriWasteReduce=0,
                        hyphenationMinWordLength=9)
        return ParagraphStyle(name, **(settings | extra))

    body = style("body", sizes.body)
    whole = dict(hyphenationLang="")  # names, titles and references: never broken inside a word
    return Styles(
        body=body,
        bold=style("bold", sizes.body, BOLD, keepWithNext=1),
        title=style("title", sizes.title, BOLD, spaceAfter=sizes.title * 0.3, leading=sizes.title * 1.2, **whole),
        heading=style("heading", sizes.heading, BOLD, leading=sizes.heading * 1.25, keepWithNext=1, **whole),
        label=style("label", sizes.body, BOLD, spaceBefore=sizes.body * 0.5, keepWithNext=1, **whole),  # never alone at a page foot
        names=style("names", sizes.body, **whole),
        small=style("small", sizes.small, **whole),  # the log's names, the clinic's contact, the clinician's notes
        caption=style("caption", max(sizes.small, 12)),
        step=style("step", sizes.body, leftIndent=sizes.body * 1.6, bulletIndent=0, bulletFontName=BOLD),
        clinic=style("clinic", sizes.small + 1, BOLD, textColor=accent, **whole),
        reference=style("reference", sizes.reference, leftIndent=sizes.reference * 1.8, spaceAfter=sizes.reference * 0.3,
                        leading=sizes.reference * 1.3, **whole),
        run_in_reference=style("run-in-reference", sizes.reference, leading=sizes.reference * 1.3, **whole),
        card=style("card", sizes.heading, BOLD, leading=sizes.heading * 1.25, keepWithNext=1, spaceBefore=sizes.body * 0.6, **whole),
        spaced=style("spaced", sizes.body, spaceBefore=sizes.body * 0.3),
        sources=style("sources", sizes.small, alignment=TA_RIGHT, textColor=HexColor(rule_colour), **whole),
    )
