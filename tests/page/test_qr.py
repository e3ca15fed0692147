"""A video's QR code on the card: read back from the printed page by a real decoder.

Pages are rendered with pdftoppm, as an office laser would print them (grey, 150 to 300
dpi), and decoded with zxing-cpp; the address read must be the one in the file.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from handouts.commands.build import Request
from handouts.page.qr import MIN_MODULE, QUIET_MODULES, qr_drawing

from ..helpers import DAY, pdf_bytes, pdf_text, squash

zxingcpp = pytest.importorskip("zxingcpp")
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")

ENTRY_VIDEO = "https://videos.example.org/exercises/test-clam?lang=en&t=0"
CLINIC_VIDEO = "http://riverside-physio.example/v/lift-for-ana#start"


def rendered(data: bytes, folder: Path, dpi: int) -> list:
    """The pages as grey pictures, as a mono laser prints them."""
    from PIL import Image

    pdf = folder / "handout.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / f"page-{dpi}")], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob(f"page-{dpi}-*.png"))]


def decoded(pages: list) -> list:
    return [code for page in pages for code in zxingcpp.read_barcodes(page) if code.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture
def video_library(library_dir: Path) -> Path:
    clam = library_dir / "test-clam.yaml"
    clam.write_text(clam.read_text(encoding="utf-8") + f"video: {ENTRY_VIDEO}\n", encoding="utf-8")
    lift = library_dir / "test-lift.yaml"
    lift.write_text(lift.read_text(encoding="utf-8") + "video: https://videos.example.org/exercises/test-lift\n", encoding="utf-8")
    return library_dir


@needs_pdftoppm
@pytest.mark.parametrize("dpi", [150, 300])
def test_the_printed_code_reads_back_as_the_entrys_address_and_the_programs_own(video_library, tmp_path, write, dpi) -> None:
    program = write("ana.yaml", f"""\
        title: Hips
        exercises:
          - test-clam
          - id: test-lift
            video: {CLINIC_VIDEO}
        """)
    data = pdf_bytes(Request(program=str(program), date=DAY), (video_library,))
    codes = decoded(rendered(data, tmp_path, dpi))
    # the program's video replaces the entry's; the entry's own address is printed nowhere
    assert sorted(code.text for code in codes) == sorted([ENTRY_VIDEO, CLINIC_VIDEO])
    assert squash(pdf_text(data)).count("Scan to watch") == 2


@needs_pdftoppm
def test_the_code_is_at_least_15_mm_with_its_white_quiet_zone_around_it(video_library, tmp_path) -> None:
    dpi = 200
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY), (video_library,))
    pages = rendered(data, tmp_path, dpi)
    [code] = decoded(pages)
    page = next(p for p in pages if zxingcpp.read_barcodes(p))
    corners = code.position
    side = corners.top_right.x - corners.top_left.x
    assert side / dpi * 25.4 >= 15, f"{side / dpi * 25.4:.1f} mm"
    module = side / (17 + 4 * int(code.extra["Version"]))
    assert module / dpi * 25.4 >= MIN_MODULE / mm - 0.05
    # the quiet zone: four modules of white on every side of the symbol
    quiet = round(4 * module) - 2  # the standard asks for 4
    x0, y0, x1, y1 = corners.top_left.x, corners.top_left.y, corners.bottom_right.x, corners.bottom_right.y
    for box in [(x0 - quiet, y0 - quiet, x1 + quiet, y0 - 2), (x0 - quiet, y1 + 2, x1 + quiet, y1 + quiet),
                (x0 - quiet, y0, x0 - 2, y1), (x1 + 2, y0, x1 + quiet, y1)]:
        assert page.crop(box).getextrema()[0] > 200, box


def test_the_code_is_drawn_as_vectors_not_as_a_picture(video_library) -> None:
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY), (video_library,))
    for page in PdfReader(io.BytesIO(data)).pages:
        objects = page["/Resources"].get("/XObject", {})
        assert not [name for name, o in objects.items() if o.get_object().get("/Subtype") == "/Image"]
    assert data == pdf_bytes(Request(exercises=("test-clam",), date=DAY), (video_library,))  # and the same every time


def test_a_card_without_a_video_has_no_code(library_dir) -> None:
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY), (library_dir,))
    assert "Scan to watch" not in pdf_text(data)


@pytest.mark.parametrize("length", [28, 43, 120, 300])
def test_a_longer_address_makes_a_larger_code_with_squares_no_smaller(length) -> None:
    address = "https://v.example/" + "a" * (length - len("https://v.example/"))
    widget_side = qr_drawing(address, largest=200 * mm).width
    assert widget_side >= 18 * mm + 2 * QUIET_MODULES * MIN_MODULE
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(address, barLevel="M")
    widget.qr.make()
    modules = widget.qr.getModuleCount() + 2 * QUIET_MODULES
    assert widget_side / modules >= MIN_MODULE - 1e-9


@needs_pdftoppm
def test_in_a_narrow_picture_column_the_words_go_below_and_the_code_still_reads(video_library, tmp_path, write) -> None:
    template = write("narrow.yaml", """\
        name: narrow
        margins_mm: {top: 15, bottom: 18, left: 16, right: 16}
        type_pt: {body: 13, title: 22, heading: 17, small: 12}
        picture_width_mm: 30
        """)
    data = pdf_bytes(Request(exercises=("test-clam",), date=DAY, template=str(template)), (video_library,))
    assert [code.text for code in decoded(rendered(data, tmp_path, 150))] == [ENTRY_VIDEO]
