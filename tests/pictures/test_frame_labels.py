"""A pose file's own frame labels (`labels:`): a hip drop's frames are the hip let down and the
hip lifted, and labelled Start and Finish judges read the exercise as done backwards. The
words come from a fixed few in the catalogue, so a wrong one is an error with its line; the
card, the Spanish card and `handouts illustrate` all print the chosen words."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.commands.build import Builder, Request
from handouts.errors import InvalidInput
from handouts.handout.words import words_for
from handouts.page.illustrations import frame_labels, illustration_flowables
from handouts.page.styles import styles
from handouts.pictures import pose_pictures
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.reading.resources import bundled

from ..helpers import DAY, pdf_text, squash, write_file

STANDING = "view: front\nbase: standing\nend:\n  left_hip: {abduction: 10}\n"


def problems(path: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_pose_illustration(path)
    return [line.split(str(path.parent) + "/", 1)[-1] for line in caught.value.lines()]


def test_a_pose_file_chooses_its_labels_and_the_default_stays(write) -> None:
    assert load_pose_illustration(write("a.yaml", "labels: [down, up]\n" + STANDING)).labels == ("down", "up")
    assert load_pose_illustration(write("b.yaml", STANDING)).labels == ("start", "finish")
    held = STANDING + "arrows:\n  - {hold: left_ankle}\n"
    assert load_pose_illustration(write("c.yaml", held)).labels == ("start", "hold")
    assert load_pose_illustration(write("d.yaml", "labels: [start, finish]\n" + held)).labels == ("start", "finish")
    assert load_pose_illustration(write("e.yaml", "layout: overlay\n" + STANDING)).labels == ()


def test_a_label_not_in_the_catalogue_is_an_error_on_its_line(write) -> None:
    assert problems(write("p.yaml", STANDING + "labels: [down, sideways]\n")) == [
        "p.yaml:5:16: labels[1]: must be one of 'down', 'finish', 'hold', 'start', 'up' (not 'sideways')"]
    assert problems(write("q.yaml", STANDING + "labels: [Down, Up]\n")) == [  # the key, not the printed word
        "q.yaml:5:10: labels[0]: must be one of 'down', 'finish', 'hold', 'start', 'up' (not 'Down')",
        "q.yaml:5:16: labels[1]: must be one of 'down', 'finish', 'hold', 'start', 'up' (not 'Up')"]
    assert problems(write("r.yaml", STANDING + "labels: [down]\n")) == ["r.yaml:5:9: labels: needs at least 2 item(s), has 1"]
    assert problems(write("s.yaml", STANDING + "labels: [up, up]\n")) == [
        "s.yaml:5:14: labels[1]: both frames labelled 'up': the reader cannot tell them apart"]
    assert problems(write("t.yaml", "layout: overlay\n" + STANDING + "labels: [down, up]\n")) == [
        "t.yaml:6:1: labels: an overlay is one picture with no labels (remove `labels:`)"]


def test_the_readmes_labels_example_can_be_copied(write) -> None:
    readme = (bundled("images") / "poses" / "README.md").read_text(encoding="utf-8")
    example = readme.split("**Labels.**")[1].split("```yaml\n")[1].split("```")[0]
    assert load_pose_illustration(write("mine.yaml", STANDING + example)).labels == ("down", "up")


def test_the_hip_drop_is_labelled_down_then_up() -> None:
    """The first frame is the free hip let down, the second lifted above level (test_pictogram
    pins the tilts): their words say so, not Start for the dropped hip."""
    assert load_pose_illustration(bundled_pose_path("pelvic-drop")).labels == ("down", "up")


def _labels_in_pdf(language: str, tmp_path: Path) -> str:
    program = write_file(tmp_path, f"{language}.yaml", f"title: x\nlanguage: {language}\nexercises: [pelvic-drop]\n")
    return squash(pdf_text(Builder().pdf(Request(program=str(program), date=DAY))))


@pytest.mark.parametrize("language, down, up, start", [("en", "Down", "Up", "Start"), ("es", "Abajo", "Arriba", "Inicio")])
def test_the_card_prints_the_chosen_labels_in_its_language(language, down, up, start, tmp_path) -> None:
    handout = Builder().handout(Request(program=str(write_file(tmp_path, "p.yaml", f"title: x\nlanguage: {language}\n"
                                                                                  "exercises: [pelvic-drop]\n")), date=DAY))
    [frames] = illustration_flowables(handout.cards[0], handout, styles(handout.template))
    assert [label.getPlainText() for label in frames.labels] == [down, up]
    assert frame_labels(words_for(language)).start == start  # the word it replaces, so that the next line can fail
    text = _labels_in_pdf(language, tmp_path)
    assert down in text.split() and up in text.split() and start not in text.split()


def test_the_labels_come_back_from_the_picture_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))
    pose_pictures._pose_frames.cache_clear()
    assert pose_pictures.pose_frames("pelvic-drop", None, 110.0, False).labels == ("down", "up")
    pose_pictures._pose_frames.cache_clear()  # drawn again in this process: only from the cache now
    monkeypatch.setattr(pose_pictures, "_pose", lambda path: pytest.fail("read the pose file, not the cache"))
    assert list((tmp_path / "cache" / "pictogram").glob("*.json"))
    assert pose_pictures.pose_frames("pelvic-drop", None, 110.0, False).labels == ("down", "up")
    pose_pictures._pose_frames.cache_clear()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_illustrate_shows_the_same_labels(suffix, tmp_path, monkeypatch) -> None:
    """`handouts illustrate pelvic-drop -o x.png`: the drawing it writes has Down and Up over its frames."""
    from reportlab.graphics.shapes import Group, String

    from handouts.commands.preview import preview
    from handouts.pictures.pictogram import export

    written = []
    real = export.drawing_bytes
    monkeypatch.setattr(export, "drawing_bytes", lambda drawing, *args: written.append(drawing) or real(drawing, *args))

    def strings(node) -> list[str]:
        if isinstance(node, String):
            return [node.text]
        return [t for child in getattr(node, "contents", []) if isinstance(child, (Group, String)) for t in strings(child)]

    preview("pelvic-drop", tmp_path / f"x{suffix}")
    assert (tmp_path / f"x{suffix}").stat().st_size > 0
    [drawing] = written
    assert strings(drawing) == ["Down", "Up"]  # the standard template prints no caption
