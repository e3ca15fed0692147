"""What every page of every layout shows, and how full the pages are (issue 12)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import msgspec
import pytest
from pypdf import PdfReader

from handouts.commands.build import Builder, Request
from handouts.errors import InvalidInput
from handouts.reading.translations import text_in

from ..helpers import squash

LAYOUTS = ["standard", "compact", "one-page", "large-print"]
PROGRAMS = ["early-stage", "middle-stage", "return-to-running"]
DAY = dt.date(2026, 12, 7)  # a Monday
CLINIC = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"
MOST_PAGES = {"standard": 3, "compact": 2, "one-page": 1}
@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def pages_of(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def build(builder: Builder, program: str, template: str, **options) -> list[str]:
    request = Request(program=program, template=template, patient="Ana María Núñez", date=DAY, clinic=CLINIC, **options)
    return pages_of(builder.pdf(request))


@pytest.mark.parametrize("template", LAYOUTS)
@pytest.mark.parametrize("program", PROGRAMS)
def test_every_page_names_the_patient_the_date_and_whom_to_call(builder, program, template) -> None:
    pages = build(builder, program, template)
    for number, page in enumerate(pages, start=1):
        footer = "Ana María Núñez · 7 December 2026 · Riverside Physiotherapy · 555-0142"
        assert footer in page and f"Page {number} of {len(pages)}" in page, (template, number)


@pytest.mark.parametrize("template", LAYOUTS)
def test_the_clinic_address_review_date_and_progressions_print_in_every_layout(builder, template) -> None:
    text = " ".join(build(builder, "middle-stage", template, review=dt.date(2026, 12, 21)))
    assert "12 River Road, Springfield" in text
    assert "Next visit: 21 December 2026" in text  # page 1
    # the log says it again only in large print, where it is the last page; elsewhere it is on
    # page 1 under the header (compact Letter's references ran onto a third page with it said twice)
    assert ("Next visit: Monday 21 December" in text) is (template == "large-print")
    # middle-stage's clamshell with a band: easier is the clamshell without a band, not on this handout, so the
    # patient is told to ask; harder is the standing band lift, its card 3, which the patient
    # does already: not named again
    assert "Too hard? Ask us about “Clamshell without a band”." in text and "easier exercise" not in text
    assert "Too easy? Ask us about “Standing leg lift with a band”." not in text
    # side steps: harder is the one-leg deadlift, not on this handout
    assert "Too easy? Ask us about “One-leg deadlift”." in text and "harder exercise" not in text  # its name is not in the card's


@pytest.mark.parametrize("paper", ["a4", "letter"])  # Letter is 18 mm shorter than A4
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("template", MOST_PAGES)
@pytest.mark.parametrize("program", PROGRAMS)
def test_the_bundled_programs_fit_their_pages(builder, program, template, language, paper) -> None:
    assert len(build(builder, program, template, language=language, paper=paper)) <= MOST_PAGES[template]
    # with the next visit too, which takes a line of the header (compact Letter ran to 3 pages)
    review = dt.date(2026, 12, 21)
    assert len(build(builder, program, template, language=language, paper=paper, review=review)) <= MOST_PAGES[template]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("program", PROGRAMS)
def test_the_standard_layout_puts_two_cards_on_a_page(builder, program, language, paper) -> None:
    pages = build(builder, program, "standard", language=language, paper=paper)
    dose = {"en": "How many:", "es": "Cuánto hacer:"}[language]
    assert [page.count(dose) for page in pages] == [0, 2, 2], (program, language, paper)


def _mistakes_after_steps(page: str) -> list[bool]:
    """For each card on a page, whether its mistakes come after its first step (mistakes under
    the pictures come, in the text, before the dose: in the card before's part of the page)."""
    cards = page.split("How many:")[1:]
    return [card.find("Avoid these mistakes") > card.find("1. ") >= 0 for card in cards]


def test_cards_read_in_the_plain_order_where_two_fit_a_page_so(builder) -> None:
    """On A4 every middle-stage card fits half a page as each card has its parts: steps, then
    what to feel, when to stop and the mistakes. On Letter they must fill the room a shorter
    column leaves to fit two a page, and a lying card's mistakes go under its pictures."""
    a4 = build(builder, "middle-stage", "standard", paper="a4")
    assert [ok for page in a4[1:] for ok in _mistakes_after_steps(page)] == [True] * 4
    letter = build(builder, "middle-stage", "standard", paper="letter")
    assert False in [ok for page in letter[1:] for ok in _mistakes_after_steps(page)] and len(letter) == 3


@pytest.mark.parametrize("program", PROGRAMS)
def test_large_print_gives_a_card_a_sheet_at_most(builder, program) -> None:
    pages = build(builder, program, "large-print")
    cards = sum(1 for page in pages if "How many:" in page)
    assert cards == 4 and len(pages) <= cards + 2


@pytest.mark.parametrize(("template", "said"), [("large-print", True), ("standard", False), ("one-page", False)])
def test_page_one_says_where_the_log_is_when_it_comes_after_the_cards(builder, template, said) -> None:
    """Large print's log is the last page, five sheets from the key points (a reviewer found
    nothing on page 1 that said it was there); where it is on page 1, nothing is added."""
    pages = build(builder, "middle-stage", template)
    assert ("Your week: tick each day you exercise, in the log at the end." in pages[0]) is said
    # and the scale of the pain rule's "4 of 10", which the log explains (a Spanish reviewer
    # found it explained only on the last page)
    assert ("Pain scores: 0 is no pain, 10 the worst pain." in pages[0]) is said
    assert "Your week" in pages[-1 if said else 0]  # the log itself


def test_a_standard_card_has_its_picture_s_caption_where_it_keeps_to_half_a_page(builder) -> None:
    """The guidelines' card shows its pictures captioned. On A4 the clamshell's low frames
    leave room under them for it; the side steps' tall ones leave none (the card would take
    more than half a page), so there it sits beside them, under the dose box, where the tall
    frames leave room (PEMAT-P item 17 scored the uncaptioned pictures down); on Letter two
    cards fit a page only without."""
    a4 = " ".join(build(builder, "middle-stage", "standard", paper="a4")[1:])
    assert "Band above the knees." in a4 and "Weight or band: light band Knees a little bent. Band tight." in a4
    letter = " ".join(build(builder, "middle-stage", "standard", paper="letter")[1:])
    assert "Band above the knees." not in letter


@pytest.mark.parametrize("template", ["large-print", "compact", "one-page"])
@pytest.mark.parametrize(("language", "title"), [("en", "Your week (7 to 13 December):"),
                                                ("es", "Su semana (del 7 al 13 de diciembre):")])
def test_a_log_of_numbered_days_names_its_month_in_its_title_not_over_the_exercises(builder, template, language, title) -> None:
    # day columns too narrow for "7 Dec" (large print), or heads kept to one line (compact, the
    # one-page sheet): the days are numbers, and the month stood under "Exercise" in the
    # corner, which PEMAT reviewers in both languages read as that column's heading
    pages = build(builder, "middle-stage", template, language=language)
    log = next(page for page in pages if title.split(" (")[0] + " (" in page)
    assert title in log
    corner = {"en": "Exercise", "es": "Ejercicio"}[language]
    assert f"{corner} {title.split()[-1].rstrip('):')}" not in log and ("Mon 7" in log or "lun 7" in log)


def test_the_log_says_the_days_by_date_and_what_to_do_with_high_pain(builder) -> None:
    page = build(builder, "return-to-running", "standard")[0]
    assert "Mon 7 Dec" in page and "Sun 13 Dec" in page
    assert "Grey boxes: rest days." in page
    assert "Pain 5 or more? Call us. Bring this sheet to your next visit." in page


def test_the_minutes_say_which_day_they_are_when_the_exercises_have_days_of_their_own(builder) -> None:
    # middle-stage: three exercises 5 days a week and side steps 4, so no session holds them all every time
    assert "4 exercises, about 22 minutes on a day you do them all." in build(builder, "middle-stage", "standard")[0]
    # return-to-running: all 3 days a week, so every session is the whole set
    assert "4 exercises, about 20 minutes each time." in build(builder, "return-to-running", "standard")[0]


@pytest.mark.parametrize("template", ["standard", "compact", "large-print"])
def test_the_key_points_say_each_exercise_s_days_when_they_differ(builder, template) -> None:
    page = build(builder, "middle-stage", template)[0]
    assert "How often: 5 days a week for exercises 1 to 3, and 4 days a week for exercise 4." in page
    assert "as each exercise's dose says" not in page
    assert "How often: 3 days a week." in build(builder, "return-to-running", template)[0]
    spanish = build(builder, "middle-stage", template, language="es")[0]
    assert "Frecuencia: 5 días a la semana para los ejercicios 1 a 3, y 4 días a la semana para el ejercicio 4." in spanish


def test_exercise_numbers_in_the_key_points_read_as_a_run_or_a_list(builder) -> None:
    """"exercises 1, 2, 3: 5 days a week" set numbers side by side; a run of three or more
    is "1 to 3", fewer or gaps a list, and each count stands by its unit."""
    from handouts.page.sections import _numbers

    words = builder.handout(Request(program="middle-stage", date=DAY)).words
    assert [_numbers(words, n) for n in ([4], [1, 2], [1, 2, 3], [1, 3, 4], [2, 3, 4, 5])] == [
        "4", "1 and 2", "1 to 3", "1, 3 and 4", "2 to 5"]


@pytest.mark.parametrize("template", LAYOUTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_clinician_s_note_under_an_exercise_prints_in_every_layout(builder, template, language) -> None:
    # "Hold the rail the whole time" is part of the hip drop on a step, the one-page sheet included
    words = {"en": "Hold the rail the whole time", "es": "Sujete el pasamanos todo el tiempo"}[language]
    text = " ".join(build(builder, "middle-stage", template, language=language))
    assert words in text.replace("- ", "")  # a word hyphenated at a line's end reads whole


def test_the_program_s_note_has_a_heading_that_says_what_it_holds(builder) -> None:
    page = build(builder, "early-stage", "standard")[0]
    assert "Before you start Start gently." in page
    # and the references say they are not the patient's to read
    assert "Where this advice comes from (for your clinician: you can skip it)" in page


@pytest.mark.parametrize(("template", "paper", "language"), [("standard", "a4", "en"), ("large-print", "a4", "es"),
                                                            ("large-print", "letter", "es"), ("large-print", "letter", "en")])
def test_a_twelve_exercise_log_is_never_split(builder, template, paper, language) -> None:
    # in large print on Letter, with a name that takes the footer to two lines, the log was
    # taller than a page: its last rows, or the line under it, went on to a page of their own
    ids = sorted(builder.library.exercises)[:12]
    request = Request(exercises=tuple(ids), date=DAY, template=template, paper=paper, language=language,
                      patient="Nguyễn Thị Minh Khai-Øyvind Ærøskøbing")
    pages = pages_of(builder.pdf(request))
    week, pain, grey = {"en": ("Your week", "Pain after exercise", "Grey boxes"), "es": ("Su semana", "Dolor al terminar", "Casillas grises")}[language]
    log = [i for i, page in enumerate(pages) if pain in page]  # (page 1 says "Your week:" too: where the log is)
    assert len(log) == 1 and week in pages[log[0]]
    last = builder.library.exercises[ids[-1]].exercise
    assert pain in pages[log[0]] and f"12. {text_in(last.name, language, plain=last.language)}" in pages[log[0]]
    assert grey in pages[log[0]]


PAPER_MM = {"a4": 297, "letter": 279.4}  # the paper's height


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("template", ["standard", "compact", "large-print"])
@pytest.mark.parametrize("program", PROGRAMS)
def test_no_page_but_the_last_is_more_than_a_quarter_blank(builder, program, template, paper, tmp_path) -> None:
    """Measured on the printed page: the last inked row above the footer, as a share of the
    room between the top margin and the footer."""
    from PIL import Image

    request = Request(program=program, template=template, patient="Ana María Núñez", date=DAY, clinic=CLINIC, paper=paper)
    (tmp_path / "h.pdf").write_bytes(builder.pdf(request))
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(tmp_path / "h.pdf"), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    tall = PAPER_MM[paper]
    for page in pages[:-1]:
        with Image.open(page) as image:
            width, height = image.size
            top, footer = int(height * 13 / tall), int(height * (tall - 24) / tall)  # the margins and footer, roughly
            pixels = image.load()
            inked = [y for y in range(top, footer) if any(pixels[x, y] < 128 for x in range(width))]
            used = (inked[-1] - top) / (footer - top) if inked else 0
        assert used >= 0.72, (program, template, paper, page.name, round(used, 2))  # "about a quarter" blank at most


def worst_since(folder: Path, program: str) -> str:
    """A previous program that differs from `program` in every way the box says: another
    exercise (stopped), and each of the others on the left only, with another dose."""
    from handouts.reading.library import load_program

    ids = [item.id for item in load_program(program)[0].exercises]
    lines = ["title: Before", "exercises:", "  - wall-side-bend"]
    lines += [f"  - {{id: {i}, side: left, dosage: {{sets: 1, reps: 5, hold_seconds: 9, days_per_week: 2, load: heavy band}}}}"
              for i in ids[1:]]
    path = folder / f"before-{program}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_bundled_programs_fit_their_pages_with_what_changed_since_any_other(builder, program, tmp_path) -> None:
    for since in [*PROGRAMS, worst_since(tmp_path, program)]:
        pages = build(builder, program, "standard", since=since)
        assert "since your last visit" in pages[0].lower(), since
        assert len(pages) <= MOST_PAGES["standard"], since


def embedded_fonts_only(data: bytes) -> set[str]:
    """Every font the PDF names, on its pages and in its forms."""
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"]
        dictionaries = [resources] + [x.get_object().get("/Resources") or {} for x in resources.get("/XObject", {}).values()]
        for dictionary in dictionaries:
            found |= {font.get_object()["/BaseFont"] for font in dictionary.get("/Font", {}).values()}
    return found


@pytest.mark.parametrize("template", LAYOUTS)
def test_every_font_the_pdf_names_is_embedded(builder, template, tmp_path) -> None:
    """A QR code's table once named ReportLab's own Helvetica, which a PDF does not carry."""
    program = tmp_path / "p.yaml"
    program.write_text("title: Hips\nexercises:\n  - id: clamshell\n    video: https://example.org/clam\n  - pelvic-drop\n",
                       encoding="utf-8")
    fonts = embedded_fonts_only(builder.pdf(Request(program=str(program), template=template, date=DAY)))
    assert fonts and all(str(font)[7:8] == "+" for font in fonts), fonts  # a subset's tag, ABCDEF+: embedded


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("program", PROGRAMS)
def test_a_compact_card_still_says_where_to_feel_it_and_when_to_stop(builder, program, language) -> None:
    """The compact card runs where to feel it in beside its name and says its stop rule beside
    the dose: three cards a page without leaving either out."""
    from handouts.handout.words import words_for

    words = words_for(language)
    text = " ".join(build(builder, program, "compact", language=language))
    cards = len(builder.handout(Request(program=program)).cards)
    assert text.count(words._("You should feel it:")) == cards
    assert text.count(words._("Stop and call us if")) == cards + 1  # and once in the key points


def test_compact_runs_the_references_into_one_paragraph_and_says_the_phone_once_on_page_one(builder) -> None:
    from handouts.page.sections import references
    from handouts.page.styles import styles

    for layout, parts in (("compact", 1), ("standard", None)):
        handout = builder.handout(Request(program="early-stage", template=layout))
        found = references(handout, styles(handout.template))
        assert len(found) == (parts or len(handout.references)), layout  # standard: a block a reference, to fill gaps
    page = build(builder, "early-stage", "compact")[0]
    assert "Call us:" not in page and page.count("555-0142") == 2  # the header's line and the footer
    assert "Call us: Riverside Physiotherapy, 555-0142" in build(builder, "early-stage", "standard")[0]


def test_a_patient_name_too_long_for_the_footer_is_cut_short_there_and_whole_in_the_header(builder) -> None:
    name = "Ana María " + "Núñez-" * 30 + "García"
    pages = pages_of(builder.pdf(Request(program="early-stage", patient=name, date=DAY)))
    assert f"For:{name}".replace(" ", "") in pages[0].replace(" ", "")  # whole, though broken over lines
    for page in pages:
        footer = page[page.rindex("Ana María"):]
        assert "… · 7 December 2026" in footer and "Riverside Physiotherapy · 555-0142" in footer  # on two lines


def test_no_label_of_the_header_ends_a_line_apart_from_what_it_names_nor_is_a_name_broken(builder) -> None:
    name = "María de los Ángeles Fernández-Villaverde Quiñones"  # long enough to wrap the line
    request = Request(program="early-stage", patient=name, date=DAY, clinic=CLINIC, language="es")
    lines = PdfReader(io.BytesIO(builder.pdf(request))).pages[0].extract_text().splitlines()
    facts = [line for line in lines if "Para:" in line or "Fecha:" in line or "De:" in line]
    assert len(facts) >= 2  # the line did wrap
    assert not [line for line in facts if line.rstrip().endswith((":", ":\xa0"))]
    assert facts[0].strip() == f"Para: {name}"  # the name whole, on a line of its own


@pytest.mark.parametrize("template", ["standard", "large-print"])
def test_a_header_too_long_for_one_line_without_a_patient_breaks_between_its_facts(builder, template) -> None:
    # with no name to put on a line of its own, the facts ran as one unbreakable word, and
    # ReportLab cut it where the line ended: "Fecha: 1 de diciembre de 202" / "6 · De: ..."
    request = Request(program="middle-stage", template=template, date=dt.date(2026, 12, 1), language="es",
                      review=dt.date(2026, 12, 15))
    lines = [squash(line) for line in PdfReader(io.BytesIO(builder.pdf(request))).pages[0].extract_text().splitlines()]
    facts = [line for line in lines if "Fecha:" in line or line.startswith("Próxima cita:") or "De:" in line]
    assert len(facts) == 2, facts  # two lines, not three
    assert any("Próxima cita: 15 de diciembre de 2026" in line for line in facts)
    assert any("Fecha: 1 de diciembre de 2026" in line and "De: Sam Rivera" in line for line in facts)


def test_a_label_of_two_words_in_the_header_stays_on_one_line_in_large_print(builder) -> None:
    request = Request(program="middle-stage", template="large-print", patient="Ana Núñez", date=DAY,
                      review=dt.date(2027, 1, 4), clinic=CLINIC)
    lines = [line.strip() for line in PdfReader(io.BytesIO(builder.pdf(request))).pages[0].extract_text().splitlines()]
    assert not [line for line in lines if line.endswith("Next")]  # "Next" ending a line, "visit:" below
    assert any("Next\xa0visit: 4\xa0January\xa02027" in line or "Next visit: 4 January 2027" in line for line in lines)


LYING_SIX = "[side-lying-abduction-hold, clamshell, clamshell-flexed, side-lying-hip-abduction, clamshell-band, barbell-hip-thrust]"
STANDING_SIX = "[clamshell-band, pelvic-drop, standing-band-abduction, lateral-band-walk, single-leg-deadlift, wall-side-bend]"


@pytest.mark.parametrize(("paper", "count"), [("a4", 6), ("letter", 5)])  # Letter is 18 mm shorter
def test_the_one_page_sheet_holds_six_exercises_and_its_key_points_on_one_side(builder, tmp_path, paper, count) -> None:
    path = tmp_path / "six.yaml"
    listed = LYING_SIX.strip("[]").split(", ")[:count]
    path.write_text(f"title: Six\nexercises: [{', '.join(listed)}]\npain_rule: A mild ache is fine.\n", encoding="utf-8")
    [page] = pages_of(builder.pdf(Request(program=str(path), template="one-page", paper=paper, date=DAY, clinic=CLINIC)))
    # the key points, boxed at the top, before the first exercise: where the steps are (the sheet
    # has none), when to stop and the pain rule (the phone is in the header)
    assert "Stop and call us if you feel sharp pain" in page and "Pain rule: A mild ache is fine." in page
    assert "How to do them: as we showed you. Ask us for the full handout" in page
    assert f"Your exercises: {count} exercises, about " in page  # the summary a patient checks the day against
    assert page.index("Stop and call us if") < page.index("1. Side leg lift and hold") < page.index("Your week (")
    assert "Tue 1" not in page and "Tue 8" in page  # the log's days on one line each: name and day of the month


def test_the_one_page_sheet_says_what_to_do_in_a_line_where_the_room_beside_the_pictures_holds_it(builder) -> None:
    """The pictures' captions, the sheet's only steps: beside a standing figure's tall frames
    there is room for them; a lying one's low frames have none, and there the sheet stays as
    tall as without (six exercises must fit)."""
    [page] = build(builder, "middle-stage", "one-page")
    assert "Band on the moving leg." in page  # the standing band lift
    assert "Knees a little bent. Band tight." in page  # side steps
    assert "Band above the knees." not in page  # the clamshell with a band, lying: no room


def test_a_one_page_sheet_that_would_run_onto_a_second_page_is_refused_at_the_program_s_exercises(builder, tmp_path) -> None:
    path = tmp_path / "six.yaml"
    path.write_text(f"title: Six\nexercises: {STANDING_SIX}\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        builder.pdf(Request(program=str(path), template="one-page", date=DAY, clinic=CLINIC))
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.column, problem.field) == (str(path), 2, 12, "exercises")
    assert "6 exercises need 2 pages in the 'one-page' layout" in problem.message and "--template compact" in problem.message
    # what the message offers works: compact prints the six, three cards a page after page 1
    assert len(pages_of(builder.pdf(Request(program=str(path), template="compact", date=DAY, clinic=CLINIC)))) == 3


def test_a_two_column_dose_box_starts_each_row_s_parts_level(builder) -> None:
    """Large print's dose box, two parts a row: "How many:" (two lines) and "Hold:" (one) start on
    one line, where a table's cells sit at their bottom and the box read in a zigzag."""
    data = builder.pdf(Request(program="middle-stage", template="large-print", date=DAY, clinic=CLINIC))
    tops: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        for label in ("How many:", "Hold:", "Rest:", "How often:"):
            if text.strip().startswith(label):
                tops.setdefault(label, round(tm[5] * cm[3] + cm[5], 1))

    PdfReader(io.BytesIO(data)).pages[1].extract_text(visitor_text=visit)  # the first card's sheet
    assert tops["How many:"] == tops["Hold:"] and tops["Rest:"] == tops["How often:"], tops
    assert tops["Rest:"] < tops["How many:"]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("program", ["early-stage", "middle-stage", "return-to-running"])
def test_no_dose_line_ends_in_a_number_or_a_short_word(builder, program, language) -> None:
    """Large print's narrow dose cells broke "12 times in a / row" and "once a day, 5 / days a
    week": a number keeps the word it counts, and "a", "in", "de", "la" the word they lead."""
    data = builder.pdf(Request(program=program, template="large-print", date=DAY, clinic=CLINIC, language=language))
    first = {"en": "How many:", "es": "Cuánto hacer:"}[language]
    ends = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        if not any(line.startswith(first) for line in lines):
            continue
        box = lines[next(i for i, line in enumerate(lines) if line.startswith(first)):]
        box = box[:next(i for i, line in enumerate(box) if line.startswith("1. "))]  # up to the first step
        ends += [line for line in box if (last := line.split()[-1]).isdigit() or (last.isalpha() and len(last) <= 2)]
    assert ends == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_one_page_dose_lines_break_between_parts_not_inside_them(builder, language, paper) -> None:
    """A reviewer of the Spanish sheet found "suave" alone on a line, "5 / días" split, and a
    line starting with the dot between two parts of the dose."""
    data = builder.pdf(Request(program="middle-stage", template="one-page", paper=paper, date=DAY, clinic=CLINIC,
                               language=language))
    lines = [line.strip() for line in PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()]
    assert [line for line in lines if line.startswith("·")] == []
    assert [line for line in lines if " · " in line and (line.split()[-1].isdigit() or len(line.split()) == 1)] == []
    assert [line for line in lines if line in ("suave", "Suave", "elástica suave", "band")] == []


def test_the_log_names_the_leg_stood_on_whole_on_one_line(builder) -> None:
    """"Hip drop on a step (right leg)" was read as the hip to drop; "(stand on right / leg)"
    broke in the one-page sheet's narrow column."""
    data = builder.pdf(Request(program="middle-stage", template="one-page", paper="letter", date=DAY, clinic=CLINIC))
    lines = [line.strip() for line in PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()]
    assert "(stand on right leg)" in lines or "2. Hip drop on a step (stand on right leg)" in lines, lines


def broken_words(data: bytes) -> list[str]:
    """The lines that end in a word broken by a hyphen (a letter, then '-', at the line's end)."""
    lines = [line.rstrip() for page in PdfReader(io.BytesIO(data)).pages for line in page.extract_text().splitlines()]
    return [line for line in lines if len(line) > 1 and line.endswith("-") and line[-2].isalpha()]


def test_large_print_breaks_no_word_over_two_lines_where_the_compact_layout_does(builder) -> None:
    # long Spanish words (9 letters or more) break at a line's end in a narrow column; for low
    # vision a broken word is harder to read
    request = Request(program="middle-stage", patient="Ana María Núñez", date=DAY, clinic=CLINIC, language="es", paper="letter")
    assert broken_words(builder.pdf(msgspec.structs.replace(request, template="compact")))  # the check finds them where they are
    for program in PROGRAMS:
        assert broken_words(builder.pdf(msgspec.structs.replace(request, program=program, template="large-print"))) == []
