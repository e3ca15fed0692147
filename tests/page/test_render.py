"""Rendered PDFs: text, page size, fonts, metadata, determinism and reference renders."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.commands.build import Request
from handouts.handout import wording
from handouts.handout.citations import ama
from handouts.handout.words import words_for
from handouts.page.illustrations import picture_width
from handouts.reading.library import load_library

from ..helpers import DAY, pdf_bytes, pdf_text, squash

REFERENCES = Path(__file__).parent / "references"


def fonts_of(data: bytes) -> dict[str, bool]:
    """Base font name -> whether its file is embedded, over every page."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                embedded = descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3", "/FontFile"))
                found[str(font["/BaseFont"])] = embedded
    return found


def test_text_holds_every_name_step_dosage_and_reference(library_dir) -> None:
    data = pdf_bytes(Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ana María Núñez"), (library_dir,))
    text = squash(pdf_text(data))
    library = load_library([library_dir])
    for exercise_id in ("test-clam", "test-lift"):
        exercise = library.exercises[exercise_id].exercise
        assert exercise.name in text
        for step in exercise.steps:
            assert squash(step) in text
        rows = wording.rows(words_for("en"), exercise.dosage, exercise.works)
        rows[0] = ("How many", rows[0][1])  # the dose box's title is its first label
        for label, words in rows:
            assert squash(f"{label}: {words}") in text
    assert squash(ama(library.references["burnet2009"], with_doi=False, with_title=False)) in text
    assert "Isometric gluteus medius" not in text  # the patient's copy: no title's jargon
    assert "Ana María Núñez" in text
    assert "21 November 2026" in text


@pytest.mark.parametrize("paper, size", [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_size_and_embedded_fonts(library_dir, paper, size) -> None:
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY, paper=paper), (library_dir,))
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size
    fonts = fonts_of(data)
    assert fonts and all(fonts.values()), fonts
    assert any("Atkinson" in name for name in fonts)


def test_names_in_other_scripts_print_with_the_fallback_font(library_dir) -> None:
    names = "Łukasz Wiśniewski, Nguyễn Thị Minh Khai, Ольга, İlker, Αλέξης"
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY, patient=names), (library_dir,))
    assert names in squash(pdf_text(data))
    assert any("Noto" in name for name in fonts_of(data))


def test_metadata_and_a_bookmark_per_exercise(library_dir) -> None:
    data = pdf_bytes(Request(exercises=("test-clam", "test-lift"), date=DAY), (library_dir,))
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Your home exercises"
    assert reader.metadata.subject == "Home exercise programme"
    assert [item.title for item in reader.outline] == ["1. Test clam", "2. Test lift"]


def test_footer_says_page_x_of_y_on_every_page(library_dir) -> None:
    data = pdf_bytes(Request(exercises=("test-clam", "test-lift"), date=DAY), (library_dir,))
    pages = PdfReader(io.BytesIO(data)).pages
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.extract_text()


def test_same_inputs_and_date_give_identical_bytes(library_dir) -> None:
    request = Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ольга")
    assert pdf_bytes(request, (library_dir,)) == pdf_bytes(request, (library_dir,))


def test_markup_typed_into_a_field_prints_as_typed(library_dir) -> None:
    hostile = 'Tom & Jerry <b> R&D <font color="red">x</font> A<B and B>C'
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY, patient=hostile), (library_dir,))
    assert hostile in squash(pdf_text(data))


def _pages_as_pixels(data: bytes, folder: Path) -> list[bytes]:
    pdf = folder / "page.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf), str(folder / "page")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("page-*.pgm"))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
@pytest.mark.parametrize("name, request_", [
    ("fixture-two-cards", Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ana María Núñez")),
])
def test_reference_render(library_dir, tmp_path, regen, name, request_) -> None:
    """Pages match the reference PDF within a small pixel tolerance; --regen-references rewrites it."""
    from PIL import Image, ImageChops

    data = pdf_bytes(request_, (library_dir,))
    reference = REFERENCES / f"{name}.pdf"
    if regen or not reference.exists():
        reference.write_bytes(data)
        pytest.skip(f"wrote {reference}")
    (tmp_path / "new").mkdir()
    (tmp_path / "ref").mkdir()
    new, old = _pages_as_pixels(data, tmp_path / "new"), _pages_as_pixels(reference.read_bytes(), tmp_path / "ref")
    assert len(new) == len(old), "page count changed (run pytest --regen-references if intended)"
    for a, b in zip(sorted((tmp_path / "new").glob("*.pgm")), sorted((tmp_path / "ref").glob("*.pgm"))):
        difference = ImageChops.difference(Image.open(a), Image.open(b))
        changed = difference.point(lambda value: 255 if value > 64 else 0).histogram()[255]
        assert changed / (difference.width * difference.height) < 0.01, f"{a.name} differs from the reference"


def test_a_clinic_file_puts_its_contact_in_every_footer_and_its_logo_in_the_header(library_dir, tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (300, 100), (20, 60, 120)).save(tmp_path / "logo.png")
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Hill & Dale Physio\nphone: 555-0199\nlogo: logo.png\n", encoding="utf-8")
    data = pdf_bytes(Request(exercises=("test-clam", "test-lift"), date=DAY, clinic=clinic), (library_dir,))
    pages = PdfReader(io.BytesIO(data)).pages
    for page in pages:
        assert "Hill & Dale Physio · 555-0199" in " ".join(page.extract_text().split())
    assert len(pages[0].images) == 1
    assert all(len(page.images) == 0 for page in pages[1:])


def test_the_clinicians_copy_adds_evidence_notes_and_dois(library_dir) -> None:
    patient = squash(pdf_text(pdf_bytes(Request(exercises=("test-clam",), date=DAY), (library_dir,))))
    clinician = squash(pdf_text(pdf_bytes(Request(exercises=("test-clam",), date=DAY, audience="clinician"), (library_dir,))))
    note = "Side-lying strength did not predict pelvic drop in running."
    assert note not in patient and note in clinician
    assert "For the clinician: 1. Test clam" in clinician
    library = load_library([library_dir])
    mcbeth = library.references["mcbeth2012"]
    assert ama(mcbeth, with_doi=True).endswith("doi:10.4085/1062-6050-47.1.15")
    assert "doi:" not in patient


def test_a_clinic_photo_replaces_the_picture_with_one_line_of_yaml(library_dir, tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (1200, 800), (200, 120, 40)).save(tmp_path / "our-photo.jpg", quality=90)
    program = tmp_path / "ana.yaml"
    program.write_text(
        "title: Hips\nexercises:\n  - id: test-clam\n    illustration: {pictures: [our-photo.jpg]}\n  - test-lift\n",
        encoding="utf-8",
    )
    data = pdf_bytes(Request(program=str(program), date=DAY), (library_dir,))
    pages = PdfReader(io.BytesIO(data)).pages
    assert sum(len(page.images) for page in pages) == 1
    image = next(page.images[0] for page in pages if page.images)
    from handouts.commands.build import Builder

    widest = picture_width(Builder((library_dir,)).handout(Request(program=str(program), date=DAY)))
    assert image.image.size[0] <= math.ceil(widest / 72 * 300)  # at most 300 dpi at the width it prints


def test_every_program_text_is_checked_for_letters_no_font_has(library_dir, tmp_path) -> None:
    from handouts.errors import InvalidInput

    program = tmp_path / "p.yaml"
    program.write_text(
        "title: Hips\nexercises:\n  - id: test-clam\n    dosage: {load: band 😀}\n"
        "    illustration: {caption: Lift ✓}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as caught:
        pdf_bytes(Request(program=str(program), date=DAY), (library_dir,))
    assert caught.value.lines() == [
        f"{program}:4:20: exercises[0].dosage.load: no font here can print '😀' (U+1F600 GRINNING FACE) (remove or replace it)",
        f"{program}:5:29: exercises[0].illustration.caption: no font here can print '✓' (U+2713 CHECK MARK) (remove or replace it)",
    ]
