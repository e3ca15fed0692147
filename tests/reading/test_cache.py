"""The library cache: reused while files are unchanged, never trusted beyond that."""

from __future__ import annotations

import os

import pytest

from handouts.errors import InvalidInput
from handouts.reading import cache
from handouts.reading.library import load_library, yaml_files
from handouts.reading.resources import bundled


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files actually parsed (not taken from the cache)."""
    seen: list[str] = []
    real = cache.read_yaml

    def counting(path, *args, **kwargs):
        seen.append(os.path.basename(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(cache, "read_yaml", counting)
    return seen


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))


def test_an_unchanged_library_is_read_once(library_dir, reads) -> None:
    first = load_library([library_dir])
    parsed_first = len(reads)
    second = load_library([library_dir])
    folders = (bundled("exercises"), bundled("references"), library_dir)
    assert parsed_first == sum(len(yaml_files(folder)) for folder in folders)
    assert len(reads) == parsed_first  # nothing parsed the second time
    assert second.exercises["test-clam"].exercise == first.exercises["test-clam"].exercise
    assert second.exercises["test-clam"].document.where(("steps", 1)) == first.exercises["test-clam"].document.where(("steps", 1))


def test_a_changed_file_is_read_again(library_dir, reads) -> None:
    load_library([library_dir])
    path = library_dir / "test-lift.yaml"
    path.write_text(path.read_text().replace("name: Test lift", "name: Test lift, changed"))
    reads.clear()
    library = load_library([library_dir])
    assert reads == ["test-lift.yaml"]
    assert library.exercises["test-lift"].exercise.name == "Test lift, changed"


def test_a_broken_file_is_never_cached(library_dir) -> None:
    (library_dir / "broken.yaml").write_text("id: broken\nrest_seconds: 1:30\n")
    for _ in range(2):
        with pytest.raises(InvalidInput, match=r"broken.yaml:2:15: rest_seconds: '1:30' is read by YAML as 90"):
            load_library([library_dir])


def test_a_damaged_cache_is_ignored(library_dir, tmp_path, reads) -> None:
    load_library([library_dir])
    for file in (tmp_path / "cache").iterdir():
        file.write_text('{"format": 1, "version": "0.1.0", "entries": {"x": 1}} trailing')
    reads.clear()
    assert "test-clam" in load_library([library_dir]).exercises
    assert "test-clam.yaml" in reads


def test_the_cache_can_be_turned_off(library_dir, tmp_path, monkeypatch, reads) -> None:
    monkeypatch.setenv("HANDOUTS_NO_CACHE", "1")
    load_library([library_dir])
    load_library([library_dir])
    assert reads.count("test-clam.yaml") == 2
    assert not (tmp_path / "cache").exists()


# ---- pictograms, kept between runs ----

import shutil
import time

from handouts.commands.build import Builder, Request
from handouts.pictures import pose_pictures
from handouts.pictures.pictogram import pdfops

from ..helpers import DAY


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """The pictures whose operators were made from their pose (not taken from the cache)."""
    made: list[str] = []
    real = pdfops.operators

    def counting(*args):
        made.append("made")
        return real(*args)

    monkeypatch.setattr(pdfops, "operators", counting)
    pose_pictures._pose_frames.cache_clear()  # as in a new process
    pose_pictures._pose.cache_clear()
    return made


def _build(program: str | None = None, exercises: tuple[str, ...] = ()) -> bytes:
    pose_pictures._pose_frames.cache_clear()
    pose_pictures._pose.cache_clear()
    return Builder().pdf(Request(program=program, exercises=exercises, date=DAY))


def test_a_pictogram_is_drawn_once_and_recalled_the_same_in_later_runs(drawn, monkeypatch) -> None:
    first = _build(exercises=("clamshell", "pelvic-drop"))
    assert len(drawn) == 4  # two frames each
    again = _build(exercises=("clamshell", "pelvic-drop"))
    assert len(drawn) == 4, "the second run drew nothing"
    assert again == first
    monkeypatch.setenv("HANDOUTS_NO_CACHE", "1")
    assert _build(exercises=("clamshell", "pelvic-drop")) == first and len(drawn) == 8


def _own_pose(folder):
    """A program using a pose file of its own, on a base pose of the bundled set."""
    shutil.copy(bundled("images") / "poses" / "clamshell.yaml", folder / "mine.yaml")
    program = folder / "p.yaml"
    program.write_text("title: x\nexercises:\n  - id: clamshell\n    illustration: {pose: mine.yaml}\n", encoding="utf-8")
    return str(program)


def test_a_changed_pose_file_is_drawn_again(drawn, tmp_path) -> None:
    program = _own_pose(tmp_path)
    first = _build(program)
    pose = tmp_path / "mine.yaml"
    pose.write_text(pose.read_text(encoding="utf-8").replace("rotation: 58", "rotation: 30"), encoding="utf-8")
    os.utime(pose, ns=(time.time_ns() + 10**9,) * 2)  # a new stamp even on a coarse clock
    second = _build(program)
    assert len(drawn) == 4 and second != first


def test_a_base_pose_added_next_to_the_pose_file_is_used_at_once(drawn, tmp_path) -> None:
    program = _own_pose(tmp_path)
    first = _build(program)
    (tmp_path / "base").mkdir()
    base = (bundled("images") / "poses" / "base" / "side-lying-knees-bent.yaml").read_text(encoding="utf-8")
    (tmp_path / "base" / "side-lying-knees-bent.yaml").write_text(base.replace("right_knee: {flexion: 90}", "right_knee: {flexion: 40}"),
                                                                   encoding="utf-8")
    second = _build(program)
    assert len(drawn) == 4 and second != first


def test_a_damaged_picture_entry_is_drawn_again(drawn, tmp_path) -> None:
    first = _build(exercises=("clamshell",))
    for entry in (tmp_path / "cache" / "pictogram").glob("*.json"):
        entry.write_text('{"format": 1, "version"', encoding="utf-8")
    assert _build(exercises=("clamshell",)) == first and len(drawn) == 4
