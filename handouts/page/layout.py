"""A handout as a list of ReportLab flowables. Nothing is written here.

Each section of the template becomes flowables in the template's order: a summary of
the whole program, the clinician's note, a check-off log, one card per exercise (kept on
one page, or in two named halves when longer than a page), and the references.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from ..handout.assemble import Handout
from .cards import card_flowables
from .markup import para
from .paragraphs import Para
from .sections import header, log, references, summary
from .styles import styles


def handout_flowables(handout: Handout, frame_width: float, frame_height: float) -> list[Flowable]:
    s = styles(handout.template)
    story: list[Flowable] = header(handout, s, frame_width)
    for section in handout.template.sections:  # in the template's order
        if section == "summary":
            story += summary(handout, s, frame_width)
        elif section == "note" and handout.note:
            story += [Para("A note for you", s.heading), Para(para(handout.note), s.body), Spacer(1, 8)]
        elif section == "log" and handout.cards:
            story += log(handout, s, frame_width)
        elif section == "exercises":
            for card in handout.cards:
                story += card_flowables(card, handout, s, frame_width, frame_height)
        elif section == "references" and handout.references:
            story += references(handout, s)
    return story
