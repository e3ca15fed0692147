"""A pose file's own frame labels (`labels:`): a hip drop's frames are the hip let down and the
hip lifted, and labelled Start and Finish judges read the exercise as done backwards. The
words come from a fixed few in the catalogue, so a wrong one is an error with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.errors import InvalidInput
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.reading.resources import bundled


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
