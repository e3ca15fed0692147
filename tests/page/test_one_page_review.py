"""The one-page sheet with a review date: the next visit took a line of its own and the
clinician's title broke onto another, and on Letter (18 mm shorter than A4) every bundled
program was refused as needing two pages. The sheet now says the next visit once, beside
the patient's name, and draws its pictures smaller before it refuses a handout."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.commands.build import Builder, Request
from handouts.page import pdf

DAY = dt.date(2026, 12, 7)
REVIEW = dt.date(2027, 1, 4)
CLINIC = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"
PROGRAMS = ["early-stage", "middle-stage", "return-to-running"]


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def request(program: str, language: str = "en", paper: str = "a4", **options) -> Request:
    return Request(program=program, template="one-page", patient="Ana María Núñez", date=DAY, clinic=CLINIC,
                   language=language, paper=paper, **options)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("program", PROGRAMS)
def test_a_review_date_keeps_the_sheet_on_one_side(builder, program, language, paper) -> None:
    data = builder.pdf(request(program, language, paper, review=REVIEW))
    [page] = PdfReader(io.BytesIO(data)).pages
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    visit = {"en": "Next visit: 4 January 2027", "es": "Próxima cita: 4 de enero de 2027"}[language]
    # once, on the patient's line: the log, on the same side, does not say it again
    assert [line for line in lines if visit.split(":")[0] in line] == [f"{'For' if language == 'en' else 'Para'}: "
                                                                       f"Ana María Núñez · {visit}"]


def test_the_pictures_are_drawn_smaller_only_for_a_sheet_that_would_not_fit(builder) -> None:
    fits = builder.handout(request("middle-stage"))
    assert pdf.render(fits) == pdf._laid_out(fits)[1]  # at the template's own size
    tight = builder.handout(request("middle-stage", "es", "letter", review=REVIEW))
    assert pdf._laid_out(tight)[0] == 2  # at the template's size it runs over
    assert len(PdfReader(io.BytesIO(pdf.render(tight))).pages) == 1


def test_a_sheet_too_long_even_with_smaller_pictures_is_still_refused(builder, tmp_path) -> None:
    from handouts.errors import InvalidInput

    path = tmp_path / "long.yaml"
    note = " ".join(["Warm up with a short walk before you start, and drink water."] * 30)
    path.write_text(f"title: Long\nexercises: [clamshell, pelvic-drop, lateral-band-walk, wall-side-bend]\nnote: {note}\n",
                    encoding="utf-8")
    with pytest.raises(InvalidInput, match="need 2 pages in the 'one-page' layout"):
        builder.pdf(Request(program=str(path), template="one-page", date=DAY, clinic=CLINIC))
