"""A card's picture: two labelled frames (Start, Finish, Hold; Down, Up) at print size, the
clinic's photos the same way, and `handouts illustrate` showing exactly what the card prints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from handouts.commands.build import Builder, Request
from handouts.page.illustrations import FrameLabels, Frames, frame_width, illustration_flowables, inner_width, prints_caption
from handouts.page.styles import styles
from handouts.pictures.pictogram.draw import END_COLOUR, FAR_COLOUR, frame_drawings
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pose_pictures import pose_path
from handouts.reading.library import load_library, load_template
from handouts.reading.resources import bundled

from ..helpers import DAY, pdf_text, squash

EXERCISES = sorted(p.stem for p in bundled("exercises").glob("*.yaml"))
MM = 72 / 25.4
STANDING = {"hip-listing-wall", "lateral-band-walk", "pelvic-drop", "single-leg-reach-hip-shift", "single-leg-reach-step",
            "standing-band-abduction", "wall-side-bend", "sideways-hop"}

# the cards whose frames are not Start and Finish: a hold, and a hip let down then lifted (labels: in its pose file)
CHOSEN_LABELS = {"side-lying-abduction-hold": ["Start", "Hold"], "pelvic-drop": ["Down", "Up"]}


def card_of(exercise: str, template: str = "standard", side: str | None = None):
    """The handout's one card for `exercise` (on the left side: from a program that says so), and the handout."""
    if side is None:
        handout = Builder().handout(Request(exercises=(exercise,), template=template, date=DAY))
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            program = Path(folder) / "program.yaml"
            program.write_text(f"title: x\ntemplate: {template}\nexercises:\n  - {{id: {exercise}, side: {side}}}\n", encoding="utf-8")
            handout = Builder().handout(Request(program=str(program), date=DAY))
    return handout.cards[0], handout


def frames_of(exercise: str, template: str = "standard", side: str | None = None, labels: FrameLabels = FrameLabels()) -> Frames:
    card, handout = card_of(exercise, template, side)
    picture = illustration_flowables(card, handout, styles(handout.template), labels=labels)
    assert len(picture) == 1 and isinstance(picture[0], Frames)
    assert picture[0].caption.getPlainText() == card.illustration.caption
    return picture[0]


def figure_extent_mm(exercise: str, template: str) -> list[tuple[float, float]]:
    """Each frame's figure (its dark body shapes, and the dark grey limbs underneath a body
    lying on its side) across and up, in mm, as the card prints it."""
    from reportlab.graphics.shapes import Polygon
    from reportlab.lib.colors import HexColor

    entry = load_library().entry(exercise)
    ill = load_pose_illustration(pose_path(entry.exercise.illustration.pose, entry.path))
    out = []
    for drawing in frame_drawings(ill, inner_width(frame_width(load_template(template)[0]))):
        body = [s for s in drawing.figure.contents if isinstance(s, Polygon)
                and s.fillColor in (HexColor(END_COLOUR), HexColor(FAR_COLOUR))]
        xs = [x for s in body for x in s.points[0::2]]
        ys = [y for s in body for y in s.points[1::2]]
        out.append(((max(xs) - min(xs)) / MM, (max(ys) - min(ys)) / MM))
    return out


# ---------------------------------------------------------------- two frames, labelled, at print size


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_bundled_exercise_prints_two_labelled_frames(exercise: str) -> None:
    frames = frames_of(exercise)
    assert len(frames.pictures) == 2
    words = [label.getPlainText() for label in frames.labels]
    assert words == CHOSEN_LABELS.get(exercise, ["Start", "Finish"])
    frames.wrap(1000, 1000)
    pictures = [p for p in frames.placed() if p.kind == "picture"]
    assert pictures[0].y == pictures[1].y and pictures[0].height == pictures[1].height, "side by side, one height"
    assert pictures[1].x - pictures[0].x == pytest.approx(frames.frame + frames.gap)


@pytest.mark.parametrize("template, frame_mm, figure_mm", [("standard", 40, 30), ("large-print", 60, 45)])
@pytest.mark.parametrize("exercise", EXERCISES)
def test_frames_and_figures_print_large_enough(exercise: str, template: str, frame_mm: float, figure_mm: float) -> None:
    """At least 40 mm a frame, the figure at least 30 mm along its longest side; large print 1.5 times."""
    frames = frames_of(exercise, template)
    assert frames.frame / MM >= frame_mm
    for across, up in figure_extent_mm(exercise, template):
        assert max(across, up) >= figure_mm, f"{exercise}: the figure is {max(across, up):.1f} mm long"


def test_large_print_frames_are_half_as_big_again() -> None:
    assert load_template("large-print")[0].frame_width_mm / load_template("standard")[0].frame_width_mm == pytest.approx(1.5)
    for (a, b), (c, d) in zip(figure_extent_mm("clamshell", "standard"), figure_extent_mm("clamshell", "large-print")):
        assert c / a == pytest.approx(1.5, rel=0.02) and d / b == pytest.approx(1.5, rel=0.02)


@pytest.mark.parametrize("exercise", sorted(STANDING))
def test_a_standing_figure_is_drawn_by_its_height_not_shrunk_to_the_frame(exercise: str) -> None:
    """A frame is as tall as the standing figure needs: the figure (its raised arms too) is
    drawn nearly as tall as the frame is wide, not shrunk to a short, wide picture."""
    inner = inner_width(frame_width(load_template("standard")[0])) / MM
    tallest = max(up for _, up in figure_extent_mm(exercise, "standard"))
    assert tallest >= 0.8 * inner, f"{exercise}: a standing figure only {tallest:.1f} mm tall in a {inner:.1f} mm picture"


def test_labels_are_text_in_the_pdf_and_can_be_given() -> None:
    data = Builder().pdf(Request(exercises=("clamshell", "side-lying-abduction-hold"), date=DAY))
    text = pdf_text(data)
    assert text.count("Start") >= 2 and "Finish" in text and "Hold" in text
    card, handout = card_of("side-lying-abduction-hold")
    frames = illustration_flowables(card, handout, styles(handout.template),
                                    labels=FrameLabels(start="Début", finish="Fin", hold="Tenir"))[0]
    assert [label.getPlainText() for label in frames.labels] == ["Début", "Tenir"]


def test_a_hold_is_marked_in_its_frame() -> None:
    """The held position's frame says so in words and shows the stopwatch; a lift's does not."""
    from reportlab.graphics.shapes import PolyLine

    def rings(name: str) -> int:
        finish = frame_drawings(load_pose_illustration(pose_path(name, None)), 115)[1]
        return sum(1 for s in finish.arrows.contents if isinstance(s, PolyLine) and len(s.points) > 40 and s.points[:2] == s.points[-2:])

    assert rings("side-lying-abduction-hold") == 1 and rings("side-lying-hip-abduction") == 0
    assert frames_of("side-lying-abduction-hold").labels[1].getPlainText() == "Hold"


def test_the_left_side_is_the_mirror_image(tmp_path: Path) -> None:
    right, left = frames_of("standing-band-abduction"), frames_of("standing-band-abduction", side="left")
    ill = load_pose_illustration(pose_path("standing-band-abduction", None))
    width = inner_width(frame_width(load_template("standard")[0]))
    for a, b, plain, mirrored in zip(right.pictures, left.pictures, frame_drawings(ill, width), frame_drawings(ill, width, mirror=True)):
        assert a.operators != b.operators
        assert [x for s in mirrored.figure.contents for x in s.points[0::2]] == pytest.approx(
            [width - x for s in plain.figure.contents for x in s.points[0::2]])


def test_the_caption_goes_under_the_frames_in_a_column_and_beside_them_across_a_page() -> None:
    frames = frames_of("wall-side-bend")
    frames.wrap(frames.frames_width, 1000)  # a card's picture column
    caption = next(p for p in frames.placed() if p.kind == "caption")
    tops = [p for p in frames.placed() if p.kind == "edge"]
    assert caption.x == 0 and caption.y + caption.height <= min(e.y for e in tops)
    frames.wrap(frames.frames_width * 2, 1000)  # across the whole page: beside, level with the frames' foot
    caption = next(p for p in frames.placed() if p.kind == "caption")
    assert caption.x > frames.frames_width and caption.y == 0 == min(p.y for p in frames.placed() if p.kind == "edge")


def test_two_photos_are_two_labelled_frames_and_one_photo_one_frame(tmp_path: Path) -> None:
    from handouts.page.illustrations import picture_flowables
    from handouts.reading.models import Illustration

    for name, size in (("start.png", (400, 300)), ("end.png", (300, 400))):
        Image.new("RGB", size, "grey").save(tmp_path / name)
    source = tmp_path / "program.yaml"
    template = load_template("standard")[0]
    two = picture_flowables(Illustration(pictures=["start.png", "end.png"], caption="Lift."), source, False, template, styles(template))
    assert isinstance(two[0], Frames) and [label.getPlainText() for label in two[0].labels] == ["Start", "Finish"]
    two[0].wrap(1000, 1000)
    photos = [p for p in two[0].placed() if p.kind == "picture"]
    assert all(p.width <= inner_width(frame_width(template)) + 0.01 for p in photos)
    assert photos[0].y == photos[1].y, "both stand on the frames' floor"
    one = picture_flowables(Illustration(pictures=["start.png"]), source, False, template, styles(template))
    assert len(one) == 1 and one[0].labels == [None] and one[0].width == pytest.approx(2.1 * frame_width(template))  # as wide as two frames


# ---------------------------------------------------------------- the preview is the card's picture


def card_picture_pdf(exercise: str, side: str | None, path: Path) -> None:
    """The card's picture flowables, stacked as the card's column stacks them, on a page of their size."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table, TableStyle

    card, handout = card_of(exercise, side=side)
    flowables = illustration_flowables(card, handout, styles(handout.template), caption=prints_caption(handout.template))
    width = flowables[0].width
    table = Table([[flowables]], colWidths=[width])
    table.setStyle(TableStyle([(name, (0, 0), (-1, -1), 0) for name in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    _, height = table.wrap(width, 10_000)
    canvas = Canvas(str(path), pagesize=(width, height))
    table.drawOn(canvas, 0, 0)
    canvas.save()


def run_illustrate(*args: str) -> subprocess.CompletedProcess:
    import sys

    return subprocess.run([sys.executable, "-m", "handouts", "illustrate", *args], capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian poppler-utils)")
@pytest.mark.parametrize("exercise, side", [("clamshell-band", None), ("side-lying-abduction-hold", "left"), ("pelvic-drop", None)])
def test_the_preview_prints_what_the_card_prints(exercise: str, side: str | None, tmp_path: Path) -> None:
    """The same pixels as the card's picture (frames, edges, labels, caption) for the PDF, the
    same text, and a PNG within anti-aliasing of it."""
    from PIL import ImageChops
    from pypdf import PdfReader

    card_picture_pdf(exercise, side, tmp_path / "card.pdf")
    result = run_illustrate(exercise, "--side", side or "right", "-o", str(tmp_path / "preview.pdf"))
    assert result.returncode == 0, result.stderr
    assert run_illustrate(exercise, "--side", side or "right", "-o", str(tmp_path / "preview.png")).returncode == 0
    pages = [PdfReader(tmp_path / f"{name}.pdf").pages[0] for name in ("card", "preview")]
    assert [tuple(round(float(v), 2) for v in p.mediabox) for p in pages][0] == [tuple(round(float(v), 2) for v in p.mediabox) for p in pages][1]
    assert squash(pages[0].extract_text()) == squash(pages[1].extract_text())
    for name in ("card", "preview"):
        subprocess.run(["pdftoppm", "-r", "200", "-singlefile", "-png", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
    with Image.open(tmp_path / "card.png") as card, Image.open(tmp_path / "preview.png") as preview, \
            Image.open(tmp_path / "preview.png") as png:
        card, preview = card.convert("L"), preview.convert("L")
        assert card.size == png.size
        difference = ImageChops.difference(card, png.convert("L"))
        changed = difference.point(lambda v: 255 if v > 96 else 0).histogram()[255]
        assert changed / (card.width * card.height) < 0.01, "the PNG preview differs from the card"
    subprocess.run(["pdftoppm", "-r", "200", "-singlefile", "-png", str(tmp_path / "preview.pdf"), str(tmp_path / "preview-pdf")], check=True)
    with Image.open(tmp_path / "card.png") as a, Image.open(tmp_path / "preview-pdf.png") as b:
        difference = ImageChops.difference(a.convert("L"), b.convert("L"))
        changed = difference.point(lambda v: 255 if v > 64 else 0).histogram()[255]
        assert changed / (a.width * a.height) < 0.001, "the PDF preview differs from the card"


def test_the_preview_takes_the_templates_frames(tmp_path: Path) -> None:
    assert run_illustrate("clamshell", "-o", str(tmp_path / "a.png")).returncode == 0
    assert run_illustrate("clamshell", "--template", "large-print", "-o", str(tmp_path / "b.png")).returncode == 0
    with Image.open(tmp_path / "a.png") as a, Image.open(tmp_path / "b.png") as b:
        assert b.width / a.width == pytest.approx(1.5, rel=0.01)
        assert a.width == pytest.approx((2.1 * 40) / 25.4 * 200, abs=2)  # two 40 mm frames and the gap, at 200 dpi


@pytest.mark.parametrize(("template", "wider"), [("compact", 1.5), ("one-page", 1.3), ("standard", 1.0)])
def test_a_figure_lying_down_has_wider_frames_where_the_template_says_so(template, wider) -> None:
    # a lying figure's frame is low: at a standing figure's width its clamshell knees were 2 cm long
    lying, standing = frames_of("clamshell", template), frames_of("pelvic-drop", template)
    width = frame_width(load_template(template)[0])
    assert standing.frame == pytest.approx(width)
    assert lying.frame == pytest.approx(width * wider)
    for exercise in ("side-lying-abduction-hold", "barbell-hip-thrust", "side-lying-hip-abduction"):  # every one lying down
        assert frames_of(exercise, template).frame == pytest.approx(width * wider)
