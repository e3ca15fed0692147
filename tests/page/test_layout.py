"""The layout stage, tested by the flowables it returns: no PDF is made here."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph

from handouts.commands.build import Builder, Request
from handouts.page.blocks import Bookmark
from handouts.page.cards import card_flowables
from handouts.page.drawn import DrawnBlock
from handouts.page.fonts import fonts
from handouts.page.layout import handout_flowables
from handouts.page.markup import para
from handouts.page.styles import styles

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
        elif isinstance(item, DrawnBlock):  # a block drawn once (page/drawn.py): the flowables it stands for
            walk(item.make())
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
    # the dose box keeps a value's last words together: no "3 / sets" alone on a line
    assert "How often:  once a\xa0day, 5\xa0days\xa0a\xa0week" in texts
    assert "How many:  12\xa0times in\xa0a\xa0row,\xa03\xa0sets" in texts  # and a number keeps its word
    plain = {" ".join(t.split()) for t in texts}
    assert "How many: 12 times in a row, 3 sets" in plain
    assert "Hold: 2 seconds each time" in plain
    assert "Rest: 1 minute between sets" in plain
    assert "How often: once a day, 5 days a week" in plain
    assert "Which leg: 3 sets with each leg." in plain
    assert "Weight or band: no weight" in plain
    # (a bold label's spaces do not break)
    assert any(t.startswith("Stop\xa0and\xa0call\xa0us\xa0if ") for t in texts) and "Avoid these mistakes" in texts
    assert not any(t.startswith("Stop and call us if Stop") for t in texts), "the label is not said twice"


def test_whole_handout_has_header_summary_log_and_references(library_dir) -> None:
    h = handout(library_dir, patient="Ana María Núñez")
    texts = paragraphs(handout_flowables(h, WIDTH, HEIGHT))
    assert texts[0] == "Your home exercises"
    facts = next(t for t in texts if t.startswith("For:"))
    assert "For:\xa0Ana María Núñez" in facts and "Date:\xa021\xa0November\xa02026" in facts  # a date no line break splits
    assert any(t.startswith("Your exercises: 2 exercises") for t in texts)
    assert any(t.startswith("Your week:") for t in texts)
    assert "1. Test clam" in texts and "2. Test lift" in texts  # rows of the log
    assert any(t.startswith("Burnet EN, Pidcoe PE.") for t in texts)


def test_sections_follow_the_template(library_dir) -> None:
    h = handout(library_dir)
    only_cards = msgspec.structs.replace(h.template, sections=["exercises"])
    texts = paragraphs(handout_flowables(msgspec.structs.replace(h, template=only_cards), WIDTH, HEIGHT))
    assert not any(t.startswith("Your week") for t in texts)
    assert not any(t.startswith("Your exercises:") for t in texts)
    assert not any(t.startswith("Burnet EN") for t in texts)


def test_markup_in_text_is_escaped_never_interpreted() -> None:
    fonts()
    assert para("Tom & Jerry <b>") == "Tom &amp; Jerry &lt;b&gt;"
    assert para('<font color="[x for x in ()]">hi</font>') == '&lt;font color="[x for x in ()]"&gt;hi&lt;/font&gt;'
    assert para("line one\nline two") == "line one<br/>line two"
    assert para("Nguyễn") == 'Nguy<font face="Fallback">ễ</font>n'
    assert para("zero\u200bwidth") == "zerowidth"


def test_the_log_is_one_block_with_dated_days_and_shaded_rest_days(library_dir) -> None:
    """Never split (with 12 exercises its pain row once sat alone on page 2), each day named
    by its date, and the days an exercise rests shaded."""
    from reportlab.platypus import Table

    from handouts.page.log import REST_SHADE, log

    h = handout(library_dir)
    (block,) = log(h, styles(h.template), WIDTH)
    assert isinstance(block, KeepTogether)
    table = next(f for f in block._content if isinstance(f, Table))
    head = [paragraphs([cell])[0] for cell in table._cellvalues[0][1:]]
    assert head[0] == "Sat 21 Nov" and head[-1] == "Fri 27 Nov", head  # DAY is a Saturday
    # the fixture's exercises are done 5 days a week: days 4 and 7 of each row rest
    # and on those days the pain row (3) too: with no exercise done there is no pain after it
    assert shaded_cells(table) == {(4, 1), (7, 1), (4, 2), (7, 2), (4, 3), (7, 3)}


def test_the_pain_box_rests_only_on_a_day_every_exercise_rests() -> None:
    """middle-stage: exercises 1 to 3 rest on Thursday and Sunday, exercise 4 on Wednesday,
    Friday and Sunday; only Sunday has no exercise, so only its pain box is shaded."""
    from reportlab.platypus import Table

    from handouts.page.log import log

    h = Builder().handout(Request(program="middle-stage", date=dt.date(2026, 12, 7)))  # a Monday
    (block,) = log(h, styles(h.template), WIDTH)
    table = next(f for f in block._content if isinstance(f, Table))
    pain = {day for day, row in shaded_cells(table) if row == 5}
    assert {day for day, row in shaded_cells(table) if row == 1} == {4, 7}  # the rows do rest on other days
    assert pain == {7}


@pytest.mark.parametrize(("template", "first", "fourth", "corner"), [("standard", "Mon 7 Dec", "Thu 10 Dec", "Exercise"),
                                                                  ("large-print", "Mon 7", "Thu 10", "Exercise")])
def test_a_log_day_too_narrow_for_its_date_is_named_by_its_number(template, first, fourth, corner) -> None:
    """At 16 pt "10 Dec" is wider than a day's column: it broke as "8 / Dec" beside
    "7 Dec", heads of two and three lines. Then every day is its name and number, and the
    month is named once, in the log's title (a reviewer asked which month; under "Exercise",
    in the first column's head, reviewers read it as that column's heading)."""
    from reportlab.platypus import Table

    from handouts.page.log import log

    h = Builder().handout(Request(program="middle-stage", template=template, date=dt.date(2026, 12, 7)))
    (block,) = log(h, styles(h.template), 180 * mm)  # A4 less the margins
    table = next(f for f in block._content if isinstance(f, Table))
    head = [" ".join(paragraphs([cell])[0].split()) for cell in table._cellvalues[0][1:]]
    assert head[0] == first and head[3] == fourth, head
    assert "".join(paragraphs([table._cellvalues[0][0]])[0].split()) == corner.replace(" ", "")  # (the line break is no space)


def shaded_cells(table) -> set[tuple[int, int]]:
    from handouts.page.log import REST_SHADE

    return {cmd[1] for cmd in table._bkgrndcmds
            if cmd[0] == "BACKGROUND" and cmd[1] == cmd[2] and cmd[3].hexval() == "0x" + REST_SHADE[1:]}


HUGE_TYPE = """\
name: huge
margins_mm: {top: 40, bottom: 40, left: 50, right: 50}
type_pt: {body: 24, title: 30, heading: 26, small: 16, line_spacing: 2.0}
"""


def test_huge_type_on_a_narrow_page_puts_the_dose_below_the_picture(tmp_path) -> None:
    from handouts.page.cards import DOSE_MIN_EMS
    from handouts.page.illustrations import picture_width
    from handouts.page.pdf import render
    from handouts.pictures.pictogram.picture import PosePicture

    (tmp_path / "huge.yaml").write_text(HUGE_TYPE, encoding="utf-8")
    h = Builder().handout(Request(exercises=("clamshell",), template=str(tmp_path / "huge.yaml"), date=DAY))
    width = (210 - 100) * 72 / 25.4
    assert width - picture_width(h) < DOSE_MIN_EMS * 24  # too narrow to stand beside
    card = card_flowables(h.cards[0], h, styles(h.template), width, 600)
    flat = [f for block in card if isinstance(block, KeepTogether) for f in block._content]
    picture = next(i for i, f in enumerate(flat) if _holds(f, PosePicture))  # on its own, not in a row with the dose
    dose = next(i for i, f in enumerate(flat) if any(p.startswith("How many") for p in paragraphs([f])))
    assert picture < dose and flat[dose]._colWidths == [width]
    assert render(h).startswith(b"%PDF")  # it was a LayoutError traceback


def _holds(flowable, kind) -> bool:
    """Whether `flowable` is, or is a table or a picture's frames holding, a `kind`."""
    if isinstance(flowable, kind) or any(_holds(f, kind) for f in getattr(flowable, "pictures", [])):
        return True
    cells = getattr(flowable, "_cellvalues", [])
    return any(_holds(f, kind) for row in cells for cell in row for f in (cell if isinstance(cell, (list, tuple)) else [cell]))


def test_a_block_no_page_can_hold_is_a_clear_error_naming_the_template(library_dir, monkeypatch) -> None:
    import pytest
    from reportlab.platypus import Flowable

    from handouts.errors import InvalidInput
    from handouts.page import pdf

    class Tower(Flowable):
        def wrap(self, width, height):
            return width, 10_000

    monkeypatch.setattr(pdf, "handout_flowables", lambda *args: [Tower()])
    with pytest.raises(InvalidInput) as caught:
        pdf.render(handout(library_dir))
    assert caught.value.lines() == ["template 'standard': type_pt: the type is too large for the page: part of the handout "
                                    "does not fit on a page (use smaller type or narrower margins)"]


def test_a_gap_is_measured_as_the_frame_fills_it_without_the_space_a_page_top_drops() -> None:
    """Two cards that share a page only because the frame drops the first one's space
    before at the page's top: no floating block goes between them (it pushed the second
    card onto a page of its own, with a reference after it)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Spacer

    from handouts.page.layout import Block, arrange

    style = ParagraphStyle("heading", fontSize=12, leading=12, spaceBefore=20)

    def card() -> Block:  # 20 + 12 + 125 = 157 points, 137 at a page's top
        return Block([KeepTogether([Bookmark("b", "b"), Paragraph("x", style), Spacer(1, 125)])])

    first, second, reference = card(), card(), Block([Spacer(1, 4)], floating=True)
    assert arrange([first, second, reference], 400, 300) == [first, second, reference]  # 137 + 157 <= 300
    third = card()
    assert arrange([first, second, third, reference], 400, 300) == [first, second, reference, third]  # 294 + 157 > 300


def test_a_bold_label_is_never_broken_or_hyphenated() -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from handouts.page.fonts import BODY, BOLD, fonts
    from handouts.page.markup import bold_label, run_in
    from handouts.page.paragraphs import Para

    fonts()
    style = ParagraphStyle("es", fontName=BODY, fontSize=12, leading=15, hyphenationLang="es_ES",
                           hyphenationMinWordLength=5, embeddedHyphenation=0)
    # a line with room for "Más difí-" after the first words, not for "Más difícil:"
    width = stringWidth("Haga esto. ", BODY, 12) + stringWidth("Más difí-", BOLD, 12) + 2

    def lines(label: str) -> list[str]:
        paragraph = Para(f"Haga esto. {label} el ejercicio 3.", style)
        paragraph.wrap(width, 1000)
        return [" ".join(getattr(w, "text", str(w)) for w in line.words).strip() for line in paragraph.blPara.lines]

    assert lines("<b>Más difícil:</b>")[0].endswith("-")  # what ReportLab does to a plain bold label
    broken = lines(bold_label("Más difícil:"))
    assert broken[0] == "Haga esto." and broken[1].startswith("Más\xa0difícil:"), broken  # whole, on the next line
    assert run_in("Stop and call us if", "it hurts").startswith("<b>Stop\xa0and\xa0call\xa0us\xa0if</b>")


@pytest.mark.parametrize("template", ["standard", "compact"])
def test_every_arrangement_of_a_card_shows_all_of_it_once(template) -> None:
    """The arrangements differ only in where the parts go (cards.ARRANGEMENTS: the shortest is
    taken), never in what the card says: middle-stage's hip drop has a dose, steps, where to
    feel it, mistakes, a stop rule, a versions line, sources and a clinician's note."""
    from handouts.page.cards import ARRANGEMENTS

    h = Builder().handout(Request(program="middle-stage", template=template, date=DAY))
    card, s = h.cards[1], styles(h.template)
    caption = card.illustration.caption  # drawn with the pictures, or a paragraph beside them
    said = [sorted(t for t in paragraphs(arrange(card, h, s, WIDTH, scale)) if t and t != caption)
            for arrange, scale in ARRANGEMENTS[h.template.card_layout][0]]
    assert len(said) > 2 and all(texts == said[0] for texts in said), template
    text = " ".join(said[0])
    assert "Source: 3" in text and "watch your hips in a mirror." in text
    assert "Ask us about “Hip hike at the wall”." in text and "Going fast." in text


def test_the_references_wait_for_the_end_unless_a_gap_would_leave_a_quarter_of_a_page_blank_or_the_end_is_full() -> None:
    from reportlab.platypus import Spacer

    from handouts.page.layout import FOOT_SLACK, Block, arrange

    def fixed(points: float) -> Block:
        return Block([Spacer(1, points)])

    def reference(points: float = 30) -> Block:
        return Block([Spacer(1, points)], floating=True, chain="references")

    # a 40-point gap at page 1's end (under a quarter of 300), room on page 2 after the last card
    one, two, refs = fixed(260), fixed(200), [reference(), reference()]
    assert arrange([one, two, *refs], 400, 300) == [one, two, *refs]
    # page 2 full: at the end they would start a page 3, so they fill the gap on page 1, which holds them
    full, small = fixed(280), [reference(20), reference(20)]
    assert arrange([one, full, *small], 400, 300) == [one, *small, full]
    # a gap of more than a quarter of a page is filled, to keep the page from looking left over,
    # the references at the page's foot, as a footnote: a spacer takes the room above them, all
    # but FOOT_SLACK (they read as part of what to do between the log and the first card)
    short = fixed(180)
    placed = arrange([short, two, *refs], 400, 300)
    assert placed[0] == short and placed[2:] == [*refs, two]
    assert not placed[1].floating and placed[1].flowables[0].height == 300 - 180 - 60 - FOOT_SLACK
    # a clinician's note (no chain) still goes into the first gap after its card
    note = Block([Spacer(1, 30)], floating=True, after=1)
    assert arrange([one, two, note], 400, 300) == [one, note, two]


def test_compact_prints_the_references_after_the_last_card_where_the_last_page_has_room() -> None:
    import io

    from pypdf import PdfReader

    from handouts.commands.build import Builder, Request

    # middle-stage: its last page has room under card 4 (early-stage's had, until its drawn-up
    # clamshell, seen from low, got shallow frames that compact draws wider, so taller)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(Builder().pdf(Request(program="middle-stage", template="compact")))).pages]
    assert "Where this advice comes from" not in pages[0]
    last = pages[-1]
    assert last.index("4. Side steps with a band") < last.index("Where this advice comes from")


def test_large_print_falls_back_to_pictures_beside_the_dose_before_shrinking_them() -> None:
    """middle-stage's hip drop is too tall stacked (pictures, dose box, steps) even at 0.8
    of large print's picture size; beside the dose box its frames fit at 0.8, rather than
    at 0.7 of 60 mm, the standard layout's size, which it printed at."""
    from handouts.page.cards import card_content
    from handouts.page.illustrations import frame_width

    h = Builder().handout(Request(program="middle-stage", template="large-print", date=dt.date(2026, 12, 7)))
    width, height = 182 * mm, 271 * mm - 30  # A4 less the margins and the footer
    found: list = []

    def walk(item) -> None:
        if hasattr(item, "frames_width"):
            found.append(item)
        elif isinstance(item, (list, tuple)):
            for sub in item:
                walk(sub)
        elif isinstance(item, KeepTogether):
            walk(item._content)
        elif hasattr(item, "_cellvalues"):
            walk(item._cellvalues)

    card = next(c for c in h.cards if c.exercise.id == "pelvic-drop")
    walk(card_content(card, h, styles(h.template), width, height))
    (pictures,) = found
    assert pictures.frame / frame_width(h.template) == pytest.approx(0.8)
    beside = [f for f in card_content(card, h, styles(h.template), width, height) if hasattr(f, "_cellvalues")]
    assert beside, "the pictures sit in a row with the dose box"
