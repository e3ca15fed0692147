"""An imported entry's source is credited on the clinician's copy, and only there."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.commands.build import Request

from ..helpers import DAY, pdf_bytes, pdf_text, squash

CREDIT = "Imported from free-exercise-db, entry Test_Clam (Unlicense, public domain)."
PHOTOS = "Photos from free-exercise-db: rights not stated by the database."


@pytest.fixture
def imported_library(library_dir: Path) -> Path:
    from PIL import Image

    (library_dir / "test-clam").mkdir()
    for name in ("0.jpg", "1.jpg"):
        Image.new("RGB", (850, 567), (90, 90, 90)).save(library_dir / "test-clam" / name, quality=85)
    clam = library_dir / "test-clam.yaml"
    clam.write_text(clam.read_text(encoding="utf-8") + """\
illustration: {pictures: [test-clam/0.jpg, test-clam/1.jpg]}
source:
  database: free-exercise-db
  id: Test_Clam
  licence: Unlicense, public domain
  photos: rights not stated by the database
  defaulted: [stop_if]
""", encoding="utf-8")
    return library_dir


def test_the_clinicians_copy_credits_the_database_and_its_photos(imported_library) -> None:
    text = squash(pdf_text(pdf_bytes(Request(exercises=("test-clam",), date=DAY, audience="clinician"), (imported_library,))))
    assert "For the clinician: 1. Test clam" in text
    assert f"{CREDIT} {PHOTOS}" in text


def test_the_patients_copy_shows_none_of_it(imported_library) -> None:
    text = squash(pdf_text(pdf_bytes(Request(exercises=("test-clam", "test-lift"), date=DAY), (imported_library,))))
    assert "free-exercise-db" not in text and "For the clinician" not in text


def test_no_photo_credit_when_the_program_shows_the_clinics_own_picture(imported_library, write, tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (600, 400), (200, 120, 40)).save(tmp_path / "ours.jpg")
    program = write("ana.yaml", "title: Hips\nexercises:\n  - id: test-clam\n    illustration: {pictures: [ours.jpg]}\n")
    text = squash(pdf_text(pdf_bytes(Request(program=str(program), date=DAY, audience="clinician"), (imported_library,))))
    assert CREDIT in text and "Photos from" not in text


def test_an_entry_of_the_clinics_own_has_no_credit(library_dir) -> None:
    text = pdf_text(pdf_bytes(Request(exercises=("test-clam",), date=DAY, audience="clinician"), (library_dir,)))
    assert "Imported from" not in text
