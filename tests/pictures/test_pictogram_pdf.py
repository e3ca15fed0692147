"""Pictograms as cached PDF operators: the same picture as the Drawing, written once per process."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from handouts.pictures.pictogram.draw import frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.pdfops import frame_pictures
from handouts.pictures.pictogram.picture import PosePicture
from handouts.pictures.pictogram.pose import load_pose_illustration

from ..helpers import DAY

POSES = sorted(bundled_pose_path("clamshell").parent.glob("*.yaml"))
WIDTH = 109.984  # 38.8 mm, the picture inside a standard 40 mm frame


# ---------------------------------------------------------------- reading operators back


def paints(operators: str) -> list[tuple]:
    """Each painted path with the state it is painted in, read from a content stream.

    Knows the operators a pictogram uses: q/Q, cm (translations only), colours, line
    width, cap, join and dash, paths (m, l, h) and their painting (n, S, f*, B*); the font
    setting renderPDF writes between BT and ET is skipped (no text is shown).
    """
    state = {"rg": "0 0 0", "RG": "0 0 0", "w": "1", "J": "0", "j": "0", "d": "[] 0", "at": (0.0, 0.0)}
    saved: list[dict] = []
    path: list[str] = []
    found: list[tuple] = []
    operands: list[str] = []
    in_text = False
    for token in operators.split():
        if in_text:
            in_text = token != "ET"
        elif token == "BT":
            in_text = True
        elif token == "q":
            saved.append(dict(state))
        elif token == "Q":
            state = saved.pop()
        elif token == "cm":
            a, b, c, d, e, f = map(float, operands)
            assert (a, b, c, d) == (1, 0, 0, 1), "a pictogram is only ever moved, never scaled or turned"
            state["at"] = (state["at"][0] + e, state["at"][1] + f)
        elif token in ("rg", "RG", "w", "J", "j", "d"):
            state[token] = " ".join(operands)
        elif token in ("m", "l"):
            path.append(f"{token} {' '.join(operands)}")
        elif token == "h":
            path.append("h")
        elif token in ("n", "S", "f*", "B*"):
            if token != "n":
                fills, strokes = token in ("f*", "B*"), token in ("S", "B*")
                found.append((
                    token, tuple(path), state["at"], state["d"],
                    state["rg"] if fills else None,
                    (state["RG"], state["w"], state["J"], state["j"]) if strokes else None,
                ))
            path = []
        else:
            operands.append(token)
            continue
        operands = []
    assert not saved, "every q has its Q"
    return found


def render_pdf_operators(drawing) -> str:
    """What renderPDF writes for a Drawing at the origin of a fresh page."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    before = len(canvas._code)  # the page's operators so far (a canvas internal): renderPDF's follow
    renderPDF.draw(drawing, canvas, 0, 0)
    return "\n".join(canvas._code[before:])


@pytest.mark.parametrize("path", POSES, ids=[p.stem for p in POSES])
@pytest.mark.parametrize("mirror", [False, True], ids=["right", "left"])
def test_operators_paint_what_render_pdf_paints(path: Path, mirror: bool) -> None:
    """Every shape of every frame, in order, with the same numbers, colours, widths, caps, joins and dashes."""
    ill = load_pose_illustration(path)
    drawings, pictures = frame_drawings(ill, WIDTH, mirror=mirror), frame_pictures(ill, WIDTH, mirror=mirror)
    assert len(drawings) == len(pictures) == 2
    for drawing, picture in zip(drawings, pictures):
        assert (picture.width, picture.height) == (drawing.width, drawing.height)
        expected = paints(render_pdf_operators(drawing))
        assert len(expected) > 20
        assert paints(picture.operators) == expected


def test_an_overlays_dashed_outline_is_painted_as_render_pdf_paints_it(write) -> None:
    text = bundled_pose_path("clamshell").read_text(encoding="utf-8")
    ill = load_pose_illustration(write("clam.yaml", "layout: overlay\n" + text))
    (drawing,), (picture,) = frame_drawings(ill, WIDTH), frame_pictures(ill, WIDTH)
    expected = paints(render_pdf_operators(drawing))
    assert {p[3] for p in expected} > {"[] 0"}, "some lines are dashed"
    assert paints(picture.operators) == expected


def test_operators_are_self_contained() -> None:
    """Saved and restored round, solid lines whatever came before, no font, no text."""
    ops = frame_pictures(load_pose_illustration(bundled_pose_path("clamshell-band")), WIDTH)[1].operators
    tokens = ops.split()
    assert tokens[0] == "q" and tokens[-1] == "Q" and tokens.count("q") == tokens.count("Q") == 1
    assert tokens[1:4] == ["[]", "0", "d"]
    for operator in ("BT", "Tf", "Tj", "TJ", "Do", "gs", "cs", "CS"):
        assert operator not in tokens
    assert all(token.isascii() for token in tokens)


def test_the_picture_is_a_flowable_of_the_drawings_size() -> None:
    ill = load_pose_illustration(bundled_pose_path("lateral-band-walk"))
    for picture in frame_pictures(ill, WIDTH):
        assert isinstance(picture, PosePicture)
        assert picture.wrap(500, 500) == (WIDTH, frame_drawings(ill, WIDTH)[0].height)
        assert picture.hAlign == "LEFT"


# ---------------------------------------------------------------- in handouts


def forms_drawn(data: bytes) -> list[str]:
    """The operators of every pictogram form each page of a PDF draws, page by page, those
    drawn inside another form (a card's, page/drawn.py) included."""
    from pypdf import PdfReader

    drawn: list[str] = []

    def walk(content: str, resources) -> None:
        for name, form in (resources or {}).get("/XObject", {}).items():
            if f"{name} Do" in content:
                form = form.get_object()
                operators = form.get_data().decode("latin-1")
                if "Pictogram" in name:
                    drawn.append(operators)
                else:
                    walk(operators, form.get("/Resources"))

    for page in PdfReader(io.BytesIO(data)).pages:
        walk(page.get_contents().get_data().decode("latin-1"), page["/Resources"])
    return drawn


def test_a_batch_writes_each_pictures_operators_once_and_draws_them_in_every_handout(monkeypatch, tmp_path) -> None:
    from handouts.pictures import pose_pictures

    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path))  # nothing kept from earlier tests
    from handouts.commands.build import Builder, Request
    from handouts.pictures.pictogram import pdfops

    pose_pictures._pose_frames.cache_clear()
    written: list[str] = []

    def counted(*args) -> str:
        written.append(operators(*args))
        return written[-1]

    operators = pdfops.operators
    monkeypatch.setattr(pdfops, "operators", counted)
    builder = Builder()
    for i in range(5):
        data = builder.pdf(Request(exercises=("clamshell", "pelvic-drop"), date=DAY, patient=f"Patient {i}"))
        assert len(written) == 4, "two pictures of two frames each, written for the first handout only"
        assert sorted(forms_drawn(data)) == sorted(written)


def test_a_picture_shown_twice_is_stored_once(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    picture = frame_pictures(load_pose_illustration(bundled_pose_path("clamshell")), WIDTH)[0]
    canvas = Canvas(str(tmp_path / "two.pdf"), pagesize=(400, 600))
    for y in (0, 300):
        copy.copy(picture).drawOn(canvas, 10, y)
    canvas.showPage()
    canvas.save()
    data = (tmp_path / "two.pdf").read_bytes()
    assert data.count(b"/Subtype /Form") == 1
    assert forms_drawn(data) == [picture.operators]


def test_the_picture_cache_is_bounded() -> None:
    """A long batch, or a server, keeps at most PICTURES_KEPT pictures, the latest used."""
    from handouts.pictures import pose_pictures

    assert pose_pictures._pose.cache_info().maxsize == pose_pictures.POSES_KEPT
    pose_pictures._pose_frames.cache_clear()
    widths = [100.0 + i for i in range(pose_pictures.PICTURES_KEPT + 20)]
    for width in widths:
        pose_pictures.pose_frames("clamshell", None, width, False)
    info = pose_pictures._pose_frames.cache_info()
    assert (info.currsize, info.maxsize) == (pose_pictures.PICTURES_KEPT, pose_pictures.PICTURES_KEPT)
    pose_pictures.pose_frames("clamshell", None, widths[-1], False)
    assert pose_pictures._pose_frames.cache_info().hits == info.hits + 1, "the latest is kept"
    pose_pictures.pose_frames("clamshell", None, widths[0], False)
    assert pose_pictures._pose_frames.cache_info().misses == info.misses + 1, "the oldest is gone"


def test_each_card_gets_its_own_flowable_sharing_the_compressed_operators() -> None:
    from handouts.pictures import pose_pictures

    a = pose_pictures.pose_frames("clamshell", None, WIDTH, True)
    b = pose_pictures.pose_frames("clamshell", None, WIDTH, True)
    for x, y in zip(a.pictures, b.pictures, strict=True):
        assert x is not y and x.compressed is y.compressed and x.form == y.form
    assert a.pictures[0].form != a.pictures[1].form


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
@pytest.mark.parametrize("name", ["clamshell-band", "barbell-hip-thrust", "wall-side-bend"])
def test_pixels_match_the_drawing(tmp_path: Path, name: str) -> None:
    """Rasterised at 300 dpi, the operators and renderPDF's drawing give the same pixels."""
    from PIL import Image, ImageChops
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    ill = load_pose_illustration(bundled_pose_path(name))
    drawing, picture = frame_drawings(ill, WIDTH, mirror=True)[1], frame_pictures(ill, WIDTH, mirror=True)[1]
    for stem, draw in (("drawing", lambda c: renderPDF.draw(drawing, c, 0, 0)), ("ops", lambda c: picture.drawOn(c, 0, 0))):
        canvas = Canvas(str(tmp_path / f"{stem}.pdf"), pagesize=(drawing.width, drawing.height))
        draw(canvas)
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-singlefile", str(tmp_path / f"{stem}.pdf"), str(tmp_path / stem)], check=True)
    with Image.open(tmp_path / "drawing.pgm") as a, Image.open(tmp_path / "ops.pgm") as b:
        assert a.size == b.size and a.getextrema()[0] < 60, "a picture with its dark end pose"
        assert ImageChops.difference(a, b).getbbox() is None, "not one pixel differs"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
def test_a_handout_looks_as_it_did_with_drawings(tmp_path: Path, monkeypatch) -> None:
    """A whole handout (a card on the left side too) gives the same pixels as with the Drawings."""
    from PIL import Image, ImageChops

    from handouts.commands.build import Builder, Request
    from handouts.page import drawn as blocks
    from handouts.page import illustrations
    from handouts.pictures import pose_pictures

    request = Request(program="early-stage", date=DAY, patient="Ana")
    pdfs = {"operators": Builder().pdf(request)}
    def drawn(name, source, width, mirrored):
        made = pose_pictures.pose_frames(name, source, width, mirrored)
        return pose_pictures.PoseFrames(tuple(pose_pictures.pose_drawings(name, source, width, mirrored)), made.overlay, made.labels)

    monkeypatch.setattr(illustrations, "pose_frames", drawn)
    # the cards drawn again, not their forms from the first build put back (page/drawn.py)
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))
    blocks.clear()
    pdfs["drawings"] = Builder().pdf(request)
    blocks.clear()
    assert pdfs["operators"] != pdfs["drawings"]
    for name, data in pdfs.items():
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "100", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
    pages = sorted(tmp_path.glob("operators-*.pgm"))
    assert len(pages) == len(list(tmp_path.glob("drawings-*.pgm"))) > 1
    for page in pages:
        with Image.open(page) as a, Image.open(tmp_path / page.name.replace("operators", "drawings")) as b:
            assert ImageChops.difference(a, b).getbbox() is None, f"{page.name} differs"
