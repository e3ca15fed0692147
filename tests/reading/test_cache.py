"""The library cache: reused while files are unchanged, never trusted beyond that."""

from __future__ import annotations

import json
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
    real = cache.parse_yaml

    def counting(raw, name):
        seen.append(os.path.basename(name))
        return real(raw, name)

    monkeypatch.setattr(cache, "parse_yaml", counting)
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


def test_a_folder_cache_kept_under_other_reading_rules_is_not_used(library_dir, reads, monkeypatch) -> None:
    load_library([library_dir])
    reads.clear()
    load_library([library_dir])
    assert reads == []
    monkeypatch.setattr(cache, "reading_rules", lambda: "edited")  # as after an edit to reading/ or a new catalogue
    load_library([library_dir])
    assert "test-lift.yaml" in reads


def test_the_reading_rules_name_the_catalogues_and_the_reading_code(monkeypatch, tmp_path) -> None:
    from handouts.reading import translations

    rules = cache.reading_rules.__wrapped__
    now = rules()
    monkeypatch.setattr(translations, "known_languages", lambda: ("en", "es", "fr"))
    assert rules() != now
    monkeypatch.undo()
    assert rules() == now
    copy = tmp_path / "reading"
    copy.mkdir()
    for file in cache.Path(cache.__file__).parent.glob("*.py"):
        (copy / file.name).write_bytes(file.read_bytes())
    (copy / "validate.py").write_bytes((copy / "validate.py").read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    assert rules() != now


def test_a_recalled_document_has_only_its_types_checked_again(library_dir, monkeypatch) -> None:
    """What the types cannot say (placeholders, half translations) was checked when the
    document was kept, under the same rules; the types are checked by the conversion."""
    from handouts.reading import placeholders, translations

    load_library([library_dir])
    asked: list[str] = []
    monkeypatch.setattr(placeholders, "problems", lambda document: asked.append(document.file) or [])
    monkeypatch.setattr(translations, "problems", lambda document, model: asked.append(document.file) or [])
    library = load_library([library_dir])
    assert asked == [] and library.exercises["test-lift"].exercise.name == "Test lift"
    _retyped(cache._folder_file(library_dir), lambda entry: entry["data"].update(steps=5))
    library = load_library([library_dir])  # the wrong type is found, and the file read instead
    assert len(library.exercises["test-lift"].exercise.steps) == 3
    assert any(name.endswith("test-lift.yaml") for name in asked)


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


def test_a_same_size_edit_with_its_time_restored_is_read_again(library_dir, reads) -> None:
    from handouts.commands.build import Builder, Request

    from ..helpers import DAY, pdf_text

    assert "12 times in a row, 3 sets" in pdf_text(Builder((library_dir,)).pdf(Request(exercises=("test-lift",), date=DAY)))
    path = library_dir / "test-lift.yaml"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("reps: 12", "reps: 15"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p, rsync -t and tar do
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    reads.clear()
    assert "15 times in a row, 3 sets" in pdf_text(Builder((library_dir,)).pdf(Request(exercises=("test-lift",), date=DAY)))
    assert reads == ["test-lift.yaml"]


def _reseal(file, body: bytes) -> None:
    """Write `body` as a cache file with a digest line that matches it: damage the digest cannot see."""
    file.write_bytes(cache.digest(body).encode("ascii") + b"\n" + body)


def _saved(file) -> dict:
    return json.loads(file.read_bytes().partition(b"\n")[2])


def _retyped(file, change) -> None:
    saved = _saved(file)
    for entry in saved["entries"].values():
        if entry["data"].get("id") == "test-lift":
            change(entry)
    _reseal(file, json.dumps(saved).encode())


CORRUPT_FOLDER_CACHES = {
    "truncated": lambda file: file.write_bytes(file.read_bytes()[: file.stat().st_size // 2]),
    "edited": lambda file: file.write_bytes(file.read_bytes().replace(b"Test lift", b"Test LIFT")),
    "empty": lambda file: file.write_bytes(b""),
    "not-json": lambda file: _reseal(file, b"{not json"),
    "wrong-shape": lambda file: _retyped(file, lambda entry: entry.update(plain_text="x")),
    "wrong-typed-data": lambda file: _retyped(file, lambda entry: entry["data"].update(steps=5, name=["Stale"])),
    "nan": lambda file: _retyped(file, lambda entry: entry["data"]["dosage"].update(reps=float("nan"))),
    "unknown-field": lambda file: _retyped(file, lambda entry: entry.update(code="__import__('os')")),
    "another-format": lambda file: _reseal(file, json.dumps({**_saved(file), "format": 1}).encode()),
}


@pytest.mark.parametrize("damage", CORRUPT_FOLDER_CACHES)
def test_a_damaged_cache_entry_is_ignored_and_made_again(library_dir, reads, damage) -> None:
    load_library([library_dir])
    file = cache._folder_file(library_dir)
    CORRUPT_FOLDER_CACHES[damage](file)
    reads.clear()
    library = load_library([library_dir])  # never an error: the file is read instead
    assert "test-lift.yaml" in reads
    lift = library.exercises["test-lift"].exercise
    assert (lift.name, lift.dosage.reps, len(lift.steps)) == ("Test lift", 12, 3)
    reads.clear()
    load_library([library_dir])
    assert reads == []  # and the entry was made again


def test_positions_of_the_wrong_shape_give_a_problem_no_line_never_a_wrong_one(library_dir, reads) -> None:
    """Positions are decoded, against their strict shape, only when a problem asks where
    it is (cache.Kept): damaged ones are then none, where the rest of the entry is used."""
    load_library([library_dir])
    file = cache._folder_file(library_dir)
    recalled = cache.FolderCache(library_dir).read(library_dir / "test-lift.yaml")[0]
    assert recalled.where(("steps", 0)) != (0, 0) and recalled.where(("id",), key=True) != (0, 0)
    _retyped(file, lambda entry: entry.update(positions=[["steps", 0], "x"], key_positions={"id": -1}))
    reads.clear()
    library = load_library([library_dir])
    assert reads == [] and library.exercises["test-lift"].exercise.name == "Test lift"
    damaged = library.exercises["test-lift"].document
    assert (damaged.where(("steps", 0)), damaged.where(("id",), key=True)) == ((0, 0), (0, 0))
    assert damaged.problem(("steps", 0), "wrong").line == 0


def test_a_cache_file_from_another_folder_gives_nothing_of_its_own(library_dir, tmp_path, exercise_text, reads) -> None:
    other = tmp_path / "other-library"
    other.mkdir()
    (other / "test-lift.yaml").write_text(exercise_text("test-lift", "Another lift"), encoding="utf-8")
    load_library([library_dir])
    load_library([other])
    os.replace(cache._folder_file(library_dir), cache._folder_file(other))  # a foreign cache where other's was
    reads.clear()
    assert load_library([other]).exercises["test-lift"].exercise.name == "Another lift"
    assert "test-lift.yaml" in reads


# ---- pictograms, kept between runs ----
# ---- pictograms, kept between runs ----

import base64
import shutil
import time
from pathlib import Path

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


def test_a_picture_drawn_by_other_drawing_code_is_drawn_again(drawn, monkeypatch) -> None:
    first = _build(exercises=("clamshell",))
    assert _build(exercises=("clamshell",)) == first and len(drawn) == 2  # recalled
    monkeypatch.setattr(pose_pictures, "drawing_code", lambda: "edited")  # as after an edit to pictures/pictogram
    assert _build(exercises=("clamshell",)) == first and len(drawn) == 4


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
    text = pose.read_text(encoding="utf-8")
    assert "rotation: 80" in text  # the top knee's opening, which the edit below changes
    pose.write_text(text.replace("rotation: 80", "rotation: 30"), encoding="utf-8")
    os.utime(pose, ns=(time.time_ns() + 10**9,) * 2)  # a new stamp even on a coarse clock
    second = _build(program)
    assert len(drawn) == 4 and second != first


def test_a_base_pose_added_next_to_the_pose_file_is_used_at_once(drawn, tmp_path) -> None:
    program = _own_pose(tmp_path)
    first = _build(program)
    (tmp_path / "base").mkdir()
    base = (bundled("images") / "poses" / "base" / "side-lying-knees-bent.yaml").read_text(encoding="utf-8")
    # the head's tilt: clamshell.yaml takes it from the base (its hips and knees it sets itself)
    (tmp_path / "base" / "side-lying-knees-bent.yaml").write_text(base.replace("neck: {side_bend: -8}", "neck: {side_bend: -2}"),
                                                                   encoding="utf-8")
    second = _build(program)
    assert len(drawn) == 4 and second != first


def test_a_damaged_picture_entry_is_drawn_again(drawn, tmp_path) -> None:
    first = _build(exercises=("clamshell",))
    for entry in (tmp_path / "cache" / "pictogram").glob("*.json"):
        entry.write_text('{"format": 1, "version"', encoding="utf-8")
    assert _build(exercises=("clamshell",)) == first and len(drawn) == 4


def test_a_same_size_pose_edit_with_its_time_restored_is_drawn_again(drawn, tmp_path) -> None:
    program = _own_pose(tmp_path)
    first = _build(program)
    for pose in (tmp_path / "mine.yaml", None):
        if pose is None:  # then the base pose it is drawn on, added beside it and then edited in place
            (tmp_path / "base").mkdir()
            pose = tmp_path / "base" / "side-lying-knees-bent.yaml"
            shutil.copy(bundled("images") / "poses" / "base" / "side-lying-knees-bent.yaml", pose)
            first = _build(program)
        text, before = pose.read_text(encoding="utf-8"), pose.stat()
        changed = text.replace("rotation: 80", "rotation: 30") if "rotation: 80" in text else text.replace("side_bend: -8}", "side_bend: -2}")
        assert changed != text and len(changed) == len(text)
        pose.write_text(changed, encoding="utf-8")
        os.utime(pose, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert _build(program) != first


def _pictogram_entries(tmp_path) -> list:
    return sorted((tmp_path / "cache" / "pictogram").glob("*.json"))


CORRUPT_PICTURES = {  # the saved value is {"frames": [[width, height, operators], ...], ...}
    "not-base64": lambda value: value["frames"][0].__setitem__(2, "not base64 at all!"),
    "not-compressed": lambda value: value["frames"][1].__setitem__(2, base64.b64encode(b"0 0 m 9 9 l S").decode()),
    "nan-size": lambda value: value["frames"][0].__setitem__(0, float("nan")),
    "negative-size": lambda value: value["frames"][1].__setitem__(1, -5),
    "wrong-type": lambda value: value["frames"][0].__setitem__(0, "wide"),
    "three-frames": lambda value: value["frames"].append(value["frames"][0]),
    "no-frames": lambda value: value.update(frames=[]),
    "base-digest": lambda value: value.update(bases=["0" * 64]),
    "missing-field": lambda value: value.pop("labels"),
    "unknown-label": lambda value: value.update(labels=["start", "sideways"]),
}


@pytest.mark.parametrize("damage", CORRUPT_PICTURES)
def test_a_damaged_picture_entry_with_a_matching_digest_is_drawn_again(drawn, tmp_path, damage) -> None:
    first = _build(exercises=("clamshell",))
    [entry] = _pictogram_entries(tmp_path)
    saved = _saved(entry)
    CORRUPT_PICTURES[damage](saved["value"])
    _reseal(entry, json.dumps(saved).encode())
    assert _build(exercises=("clamshell",)) == first and len(drawn) == 4


def test_the_cache_holds_no_path_and_no_patient_folder_name(drawn, tmp_path, exercise_text) -> None:
    patient = tmp_path / "Ana María Núñez 1957-03-02"
    (patient / "library").mkdir(parents=True)
    (patient / "library" / "test-clam.yaml").write_text(exercise_text(), encoding="utf-8")
    program = _own_pose(patient)  # a pose file of the program's own, next to it
    Path(program).write_text(Path(program).read_text(encoding="utf-8") + "patient: Ana María Núñez\n", encoding="utf-8")
    pose_pictures._pose_frames.cache_clear()
    Builder((patient / "library",)).pdf(Request(program=program, date=DAY))
    files = [file for file in (tmp_path / "cache").rglob("*") if file.is_file()]
    assert any(file.parent.name == "pictogram" for file in files) and any(file.name.startswith("folder-") for file in files)
    for file in files:
        data = file.read_bytes()
        for secret in ("Ana María Núñez", "Ana Mar", "Núñez", "1957-03-02", str(tmp_path)):
            for form in (secret.encode(), json.dumps(secret)[1:-1].encode()):
                assert form not in data, (file, secret)
        assert "Ana" not in str(file.relative_to(tmp_path / "cache"))
