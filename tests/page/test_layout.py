"""The layout stage, tested by the flowables it returns: no PDF is made here."""

from __future__ import annotations

import msgspec
from reportlab.platypus import KeepTogether, Paragraph

from handouts.commands.build import Builder, Request
from handouts.page.fonts import fonts
from handouts.page.blocks import Bookmark
from handouts.page.cards import card_flowables
from handouts.page.layout import handout_flowables
from handouts.page.markup import para
from handouts.page.styles import styles
from handouts.handout import wording
from handouts.reading.models import Dosage

from ..helpers import DAY

WIDTH, HEIGHT = 500.0, 700.0


def handout(library_dir, **options):
    request = Request(exercises=("test-clam", "test-lift"), date=DAY, **options)
    return Builder((library_dir,)).handout(request)


def paragraphs(flowables) -> list[str]:
    """The plain text of every Paragraph, however deep in tables and KeepTogethers."""
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, Paragraph):
            found.append(item.getPlainText())
        elif isinstance(item, (list, tuple)):
            for sub in item:
                walk(sub)
        elif isinstance(item, KeepTogether):
            walk(item._content)
        elif hasattr(item, "_cellvalues"):
            walk(item._cellvalues)

    walk(flowables)
    return found


def test_each_card_is_one_keep_together_with_a_bookmark(library_dir) -> None:
    h = handout(library_dir)
    card = card_flowables(h.cards[0], h, styles(h.template), WIDTH, HEIGHT)
    assert isinstance(card[0], KeepTogether)
    assert any(isinstance(f, Bookmark) and f.title == "1. Test clam" for f in card[0]._content)


def test_card_shows_steps_in_order_dosage_and_safety(library_dir) -> None:
    h = handout(library_dir)
    texts = paragraphs(card_flowables(h.cards[0], h, styles(h.template), WIDTH, HEIGHT))
    steps = [t for t in texts if t in h.cards[0].exercise.steps]
    assert steps == list(h.cards[0].exercise.steps)
    assert "How many: 3 sets of 12" in texts
    assert "Hold: 2 seconds each time" in texts
    assert "Rest: 1 minute between sets" in texts
    assert "How often: Once a day, 5 days a week" in texts
    assert "Side: Each side: do all sets on one side, then the other" in texts
    assert "Weight or band: no weight" in texts
    assert "Stop and call us if" in texts and "Avoid these mistakes" in texts


def test_whole_handout_has_header_summary_log_and_references(library_dir) -> None:
    h = handout(library_dir, patient="Ana María Núñez")
    texts = paragraphs(handout_flowables(h, WIDTH, HEIGHT))
    assert texts[0] == "Your home exercises"
    assert "For: Ana María Núñez" in texts
    assert "Date: 21 November 2026" in texts
    assert any(t.startswith("Your exercises: 2 exercises") for t in texts)
    assert "Your week" in texts
    assert "1. Test clam" in texts and "2. Test lift" in texts  # rows of the log
    assert texts[-1].startswith("Burnet EN, Pidcoe PE.")


def test_sections_follow_the_template(library_dir) -> None:
    h = handout(library_dir)
    only_cards = msgspec.structs.replace(h.template, sections=["exercises"])
    texts = paragraphs(handout_flowables(h.__class__(**{**h.__dict__, "template": only_cards}), WIDTH, HEIGHT))
    assert "Your week" not in texts
    assert not any(t.startswith("Your exercises:") for t in texts)
    assert not any(t.startswith("Burnet EN") for t in texts)


def test_markup_in_text_is_escaped_never_interpreted() -> None:
    fonts()
    assert para("Tom & Jerry <b>") == "Tom &amp; Jerry &lt;b&gt;"
    assert para('<font color="[x for x in ()]">hi</font>') == '&lt;font color="[x for x in ()]"&gt;hi&lt;/font&gt;'
    assert para("line one\nline two") == "line one<br/>line two"
    assert para("Nguyễn") == 'Nguy<font face="Fallback">ễ</font>n'
    assert para("zero\u200bwidth") == "zerowidth"


def test_dosage_words_cover_every_field() -> None:
    dose = Dosage(sets=2, reps=10, reps_unit="steps each way", hold_seconds=90, rest_seconds=0,
                  times_per_day=2, days_per_week=7, side="left", load="green band")
    assert wording.rows(dose) == [
        ("How many", "2 sets of 10 steps each way"),
        ("Hold", "1 min 30 s each time"),
        ("Rest", "No rest needed between sets"),
        ("How often", "Twice a day, every day"),
        ("Side", "Left side only"),
        ("Weight or band", "green band"),
    ]
    assert wording.summary(dose) == "2 sets of 10 steps each way, left side only, hold 1 min 30 s"
    assert wording.summary(Dosage(sets=3, reps=12, side="each")) == "3 sets of 12, each side"


def test_a_long_log_may_run_on_with_its_day_row_repeated(library_dir) -> None:
    from reportlab.platypus import CondPageBreak, Table

    h = handout(library_dir)
    flowables = handout_flowables(h, WIDTH, HEIGHT)
    tables = [f for f in flowables if isinstance(f, Table) and getattr(f, "repeatRows", 0) == 1]
    assert len(tables) == 1 and len(tables[0]._cellvalues) == 2 + 2  # day row, two exercises, pain row
    log_start = flowables.index(tables[0]) - 4
    assert isinstance(flowables[log_start], CondPageBreak)
    assert flowables[log_start + 1].getPlainText() == "Your week"


HUGE_TYPE = """\
name: huge
margins_mm: {top: 40, bottom: 40, left: 50, right: 50}
type_pt: {body: 24, title: 30, heading: 26, small: 16, line_spacing: 2.0}
"""


def test_huge_type_on_a_narrow_page_puts_the_dose_below_the_picture(tmp_path) -> None:
    from handouts.page.cards import DOSE_MIN_EMS
    from handouts.page.illustrations import Frames
    from handouts.page.pdf import render

    (tmp_path / "huge.yaml").write_text(HUGE_TYPE, encoding="utf-8")
    h = Builder().handout(Request(exercises=("clamshell",), template=str(tmp_path / "huge.yaml"), date=DAY))
    width = (210 - 100) * 72 / 25.4
    assert width - 2 * h.template.frame_width_mm * 72 / 25.4 < DOSE_MIN_EMS * 24  # too narrow to stand beside
    card = card_flowables(h.cards[0], h, styles(h.template), width, 600)
    flat = [f for block in card if isinstance(block, KeepTogether) for f in block._content]
    picture = next(i for i, f in enumerate(flat) if isinstance(f, Frames))  # on its own, not in a row
    dose = next(i for i, f in enumerate(flat) if "Your dose" in paragraphs([f]))
    assert picture < dose and flat[dose]._colWidths == [width]
    assert render(h).startswith(b"%PDF")  # it was a LayoutError traceback


def test_a_block_no_page_can_hold_is_a_clear_error_naming_the_template(library_dir, monkeypatch) -> None:
    import pytest
    from reportlab.platypus import Flowable

    from handouts.page import pdf
    from handouts.errors import InvalidInput

    class Tower(Flowable):
        def wrap(self, width, height):
            return width, 10_000

    monkeypatch.setattr(pdf, "handout_flowables", lambda *args: [Tower()])
    with pytest.raises(InvalidInput) as caught:
        pdf.render(handout(library_dir))
    assert caught.value.lines() == ["template 'standard': type_pt: the type is too large for the page: part of the handout "
                                    "does not fit on a page (use smaller type or narrower margins)"]
