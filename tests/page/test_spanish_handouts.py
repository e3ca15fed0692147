"""A Spanish handout is Spanish throughout: in every layout, for the patient and the clinician.

No word of the English texts or of the English catalogue is left on it (the references
excepted: their titles are bibliographic data and stay as published), and every letter
and mark of the Spanish texts is printed in the body font, not a stand-in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections import Counter
from functools import cache

import pytest
from babel.messages.pofile import read_po

from handouts.commands.build import Builder, Request
from handouts.handout.citations import ama
from handouts.reading.library import load_library, load_program
from handouts.reading.resources import bundled
from handouts.reading.translations import text_in, texts_of

PROGRAMS = ("early-stage", "middle-stage", "return-to-running")
LAYOUTS = ("standard", "compact", "one-page", "large-print")
WORD = re.compile(r"[^\W\d_]+")
# Words in both languages' vocabularies that are Spanish too (a, no, y, use, control...), units and
# abbreviations Spanish writes the same (cm, s, EMG, TFL), and names (of people, studies, the clinic).
SHARED = {"a", "no", "y", "use", "general", "control", "frontal", "distal", "pelvis", "abductor", "torque", "blog",
          "cm", "s", "emg", "tfl", "sam", "rivera", "riverside", "burnet", "pidcoe", "mcbeth", "reiman"}
SPANISH_MARKS = "¿¡ñÑáéíóúÁÉÍÓÚüÜ«»"


@cache
def english_words() -> frozenset[str]:
    """Every word of the bundled English texts and of the English catalogue (the code's own words)."""
    words: set[str] = set()

    def add(text: str | None) -> None:
        words.update(w.lower() for w in WORD.findall(re.sub(r"\{\w+\}", " ", text or "")))

    for entry in load_library().exercises.values():
        for _, value in texts_of(entry.exercise):
            add(text_in(value, "en", plain=entry.exercise.language))
    for name in PROGRAMS:
        program, _, _ = load_program(name)
        for _, value in [*texts_of(program), *texts_of(program.clinic)]:
            add(text_in(value, "en", plain=program.language))
    with open(bundled("locale") / "handouts.pot", "rb") as handle:
        for message in read_po(handle):
            for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
                add(msgid)
    return frozenset(words)


def printed_words(request: Request) -> Counter:
    """The words on the handout's pages, less those of its references, with words broken at a line's end joined."""
    from pypdf import PdfReader

    builder = Builder()
    handout = builder.handout(request)
    reader = PdfReader(io.BytesIO(builder.pdf(request)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    words = Counter(w.lower() for w in WORD.findall(text))
    for reference in handout.references:
        words.subtract(w.lower() for w in WORD.findall(ama(reference, with_doi=request.audience == "clinician")))
    return +words


def test_the_check_finds_english_on_an_english_handout() -> None:
    """What the test below looks for is there to find when the handout is English."""
    request = Request(program="early-stage", date=dt.date(2026, 12, 1))
    found = set(printed_words(request)) & english_words() - SHARED
    assert {"start", "finish", "your", "many", "stop", "hip"} <= found


@pytest.mark.parametrize("program", PROGRAMS)
def test_no_english_word_on_a_spanish_handout(program: str) -> None:
    for layout in LAYOUTS:
        for audience in ("patient", "clinician"):
            request = Request(program=program, template=layout, audience=audience, language="es",
                              date=dt.date(2026, 12, 1), review=dt.date(2026, 12, 15))
            english = sorted(set(printed_words(request)) & english_words() - SHARED)
            assert english == [], (program, layout, audience)


def spanish_characters() -> set[str]:
    """Every character of the bundled Spanish texts and of the Spanish catalogue, and Spanish's marks."""
    found = set(SPANISH_MARKS)
    for entry in load_library().exercises.values():
        for _, value in texts_of(entry.exercise):
            found.update(text_in(value, "es", plain=entry.exercise.language) or "")
    for name in PROGRAMS:
        program, _, _ = load_program(name)
        for _, value in [*texts_of(program), *texts_of(program.clinic)]:
            found.update(text_in(value, "es", plain=program.language) or "")
    with open(bundled("locale") / "es" / "LC_MESSAGES" / "handouts.po", "rb") as handle:
        for message in read_po(handle):
            found.update("".join(message.string) if isinstance(message.string, tuple) else message.string)
    return {c for c in found if not c.isspace()}


def test_spanish_letters_and_marks_are_in_the_body_font() -> None:
    """Regular and bold: the labels ("Más fácil:", "¿Dolor de 5 o más?") are bold."""
    from reportlab.pdfbase import pdfmetrics

    from handouts.page.fonts import BODY, BOLD, fonts

    fonts()
    for face in (BODY, BOLD):
        glyphs = pdfmetrics.getFont(face).face.charToGlyph
        assert sorted(c for c in spanish_characters() if ord(c) not in glyphs) == [], face


def embedded_fonts(data: bytes) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.mark.parametrize("text, stand_in", [(f"¿Le duele? ¡Llámenos! {SPANISH_MARKS}", False),
                                            ("Tiếng Việt: ệ", True)])
def test_spanish_marks_print_without_the_stand_in_font(tmp_path, text: str, stand_in: bool) -> None:
    """A rendered page: the Spanish marks are set in the body font; a Vietnamese letter, which it
    lacks, brings in the stand-in, so the check can tell the two apart."""
    from ..helpers import pdf_text, write_file

    program = write_file(tmp_path, "p.yaml", f"title: Prueba\nlanguage: es\nexercises: [clamshell]\nnote: \"{text}\"\n")
    data = Builder().pdf(Request(program=str(program), date=dt.date(2026, 12, 1)))
    assert text.split(":")[0] in pdf_text(data)
    assert any("Noto" in name for name in embedded_fonts(data)) == stand_in, embedded_fonts(data)


def page_count(builder: Builder, request: Request) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(builder.pdf(request))).pages)


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_spanish_handout_takes_no_more_pages_than_the_english(program: str) -> None:
    """Spanish runs about a fifth longer than English; the bundled Spanish is written to the
    English's length, so that two cards still share an A4 page and a large-print card its own."""
    builder = Builder()
    for layout in LAYOUTS:
        for audience in ("patient", "clinician"):
            for review in (None, dt.date(2026, 12, 15)):
                pages = {language: page_count(builder, Request(program=program, template=layout, audience=audience,
                                                               language=language, date=dt.date(2026, 12, 1), review=review))
                         for language in ("en", "es")}
                assert pages["es"] <= pages["en"], (program, layout, audience, review, pages)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
@pytest.mark.parametrize("paper, tall", [("a4", 297), ("letter", 279.4)])  # the paper's height, mm
@pytest.mark.parametrize("layout", ["standard", "compact", "large-print"])
@pytest.mark.parametrize("program", PROGRAMS)
def test_no_spanish_page_but_the_last_is_more_than_a_quarter_blank(program: str, layout: str, paper: str, tall: float,
                                                                    tmp_path) -> None:
    """As tests/page/test_pages.py measures the English: the last inked row above the footer."""
    from PIL import Image

    request = Request(program=program, template=layout, language="es", patient="Ana María Núñez", date=dt.date(2026, 12, 7),
                      paper=paper)
    (tmp_path / "h.pdf").write_bytes(Builder().pdf(request))
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(tmp_path / "h.pdf"), str(tmp_path / "p")], check=True)
    for page in sorted(tmp_path.glob("p-*.pgm"))[:-1]:
        with Image.open(page) as image:
            width, height = image.size
            top, footer = int(height * 13 / tall), int(height * (tall - 24) / tall)  # the margins and footer, roughly
            pixels = image.load()
            inked = [y for y in range(top, footer) if any(pixels[x, y] < 128 for x in range(width))]
            used = (inked[-1] - top) / (footer - top) if inked else 0
        assert used >= 0.75, (program, layout, paper, page.name, round(used, 2))


def test_a_clinic_name_and_address_written_once_print_as_written_in_spanish(tmp_path) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Riverside Physiotherapy\naddress: 12 River Road, Springfield\nphone: 555-0142\n"
                      "email: hello@riverside-physio.example\n", encoding="utf-8")
    data = Builder().pdf(Request(exercises=("clamshell",), language="es", clinic=clinic, date=dt.date(2026, 12, 1)))
    from pypdf import PdfReader

    first = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "Riverside Physiotherapy" in first and "12 River Road, Springfield" in first
    assert "Llámenos: Riverside Physiotherapy, 555-0142" in first
    clinic.write_text("name: {en: Riverside Physiotherapy, es: Fisioterapia Riverside}\nphone: 555-0142\n", encoding="utf-8")
    data = Builder().pdf(Request(exercises=("clamshell",), language="es", clinic=clinic, date=dt.date(2026, 12, 1)))
    first = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "Llámenos: Fisioterapia Riverside, 555-0142" in first and "Riverside Physiotherapy" not in first  # a translation given is used


def test_names_titles_and_references_are_never_broken_inside_a_word_but_spanish_text_is() -> None:
    from handouts.page.styles import styles
    from handouts.reading.library import load_template

    s = styles(load_template("standard")[0], "es")
    assert s.body.hyphenationLang == "es" and s.step.hyphenationLang == "es"
    for whole in (s.title, s.heading, s.card, s.clinic, s.reference, s.run_in_reference, s.label, s.names, s.small):
        assert whole.hyphenationLang == "", whole.name


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_short_spanish_word_is_never_broken_over_two_lines(program: str) -> None:
    """Words of 8 letters or fewer stay whole: "termi-/nar" and "Tra-/bajan" read badly to both
    Spanish reviewers; the long words of a narrow column ("abducto-/res") may still break."""
    from pypdf import PdfReader

    builder = Builder()
    broken = []
    for layout in ("standard", "compact", "one-page"):
        for paper in ("a4", "letter"):
            data = builder.pdf(Request(program=program, template=layout, paper=paper, language="es", date=dt.date(2026, 12, 7)))
            lines = [line.strip() for page in PdfReader(io.BytesIO(data)).pages for line in page.extract_text().splitlines()]
            for line, after in zip(lines, lines[1:]):
                end = re.search(r"(\w+)-$", line)
                if end and after:
                    broken.append(end.group(1) + re.match(r"\w*", after).group(0))
    assert not [word for word in broken if len(word) < 9], broken
