"""`handouts new`: scaffolds refused until filled in, copies that build at once, nothing overwritten."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.commands.cli import main
from handouts.reading.library import kind_of
from handouts.reading.models import Exercise
from handouts.reading.resources import bundled

from ..helpers import pdf_text

PLACEHOLDER = re.compile(r'"<<FILL IN: [^"]*>>"')
# Until reading/library.py's kind_of knows a pose file by its keys (being fixed on another
# branch), a pose file in a --library folder is read as a broken exercise entry.
POSES_READ_AS_EXERCISES = kind_of({"view": "front", "end": {"right_hip": {"rotation": 10}}}) is Exercise
needs_pose_files_in_libraries = pytest.mark.skipif(
    POSES_READ_AS_EXERCISES, reason="a pose file in a --library folder is read as an exercise until kind_of knows pose files")

# what a clinician writes in place of each placeholder of the exercise scaffold, in order
EXERCISE_ANSWERS = ["Clamshell on a chair", "Makes the side of your hip stronger.", "hip", "gluteus medius", "sitting",
                    "beginner", "Sit on a chair. Put a band round your knees.", "Push your knees apart.",
                    "Bring them back slowly.", "2", "10", "In the side of your hips.", "Letting your feet lift.",
                    "Stop and call us if you feel sharp pain."]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def fill(path: Path, answers: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(PLACEHOLDER.findall(text)) == len(answers)
    for answer in answers:
        text = PLACEHOLDER.sub(answer, text, count=1)
    path.write_text(text, encoding="utf-8")


def test_a_new_exercise_is_refused_one_line_per_placeholder_until_filled_then_builds(tmp_path: Path) -> None:
    result = invoke("new", "exercise", "chair-clam", "--out-dir", str(tmp_path))
    entry = tmp_path / "chair-clam.yaml"
    assert (result.exit_code, result.stdout) == (0, f"Wrote {entry}\n")
    assert result.stderr == f"Next: replace each <<FILL IN: ...>> in {entry}, then: handouts check {entry}\n"

    refused = invoke("check", str(entry))
    lines = refused.stderr.splitlines()
    assert refused.exit_code == 1
    assert len(lines) == len(EXERCISE_ANSWERS)  # one each: a placeholder in a number or a choice says nothing else
    assert lines[0] == (f"Error: {entry}:5:7: name: is still a placeholder: '<<FILL IN: a plain name, e.g. Clamshell with a band>>' "
                        "(write what it asks for in its place)")
    assert f"Error: {entry}:19:9: dosage.sets: is still a placeholder: '<<FILL IN: how many sets, a number such as 2>>' " \
           "(write what it asks for in its place)" in lines
    assert invoke("build", "-e", "chair-clam", "--library", str(tmp_path), "-o", str(tmp_path / "x.pdf")).exit_code == 1
    assert not (tmp_path / "x.pdf").exists()

    fill(entry, EXERCISE_ANSWERS)
    checked = invoke("check", str(entry))
    assert checked.exit_code == 0, checked.output
    built = invoke("build", "-e", "chair-clam", "--library", str(tmp_path), "--date", "2026-11-21", "-o", str(tmp_path / "x.pdf"))
    assert built.exit_code == 0, built.output
    text = pdf_text((tmp_path / "x.pdf").read_bytes())
    assert "Clamshell on a chair" in text and "Push your knees apart." in text
    assert "<<" not in text and "FILL IN" not in text


def test_a_placeholder_half_deleted_is_still_refused(tmp_path: Path) -> None:
    invoke("new", "exercise", "chair-clam", "--out-dir", str(tmp_path))
    entry = tmp_path / "chair-clam.yaml"
    fill(entry, EXERCISE_ANSWERS)
    entry.write_text(entry.read_text().replace("stop_if: Stop and call us", "stop_if: Stop and call us <<FILL IN"))
    result = invoke("check", str(entry))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {entry}:31:10: stop_if: is still a placeholder: 'Stop and call us <<FILL IN if you feel sharp "
                             "pain.' (write what it asks for in its place)\n")


def test_a_new_program_is_refused_until_it_has_a_title_and_exercises(tmp_path: Path) -> None:
    result = invoke("new", "program", "ana-hips", "--out-dir", str(tmp_path))
    program = tmp_path / "ana-hips.yaml"
    assert (result.exit_code, result.stdout) == (0, f"Wrote {program}\n")
    refused = invoke("check", str(program))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"Error: {program}:5:8: title: is still a placeholder: \"<<FILL IN: the handout's title, e.g. Hip strength, early stage>>\" "
        "(write what it asks for in its place)\n"
        f"Error: {program}:16:5: exercises[0]: is still a placeholder: '<<FILL IN: an exercise id, e.g. clamshell>>' "
        "(write what it asks for in its place)\n")
    fill(program, ["Hip strength at home", "clamshell"])
    assert invoke("check", str(program)).exit_code == 0
    built = invoke("build", str(program), "--date", "2026-11-21", "-o", str(tmp_path / "ana.pdf"))
    assert built.exit_code == 0, built.output
    assert "Hip strength at home" in pdf_text((tmp_path / "ana.pdf").read_bytes())


def uncommented(text: str) -> str:
    """Every commented field made a field: `# key: ...`, `# - item` and their indented lines."""
    return re.sub(r"^(\s*)# (?=[a-z_]+:( |$)|- |  )", r"\1", text, flags=re.MULTILINE)


def test_every_optional_field_the_scaffolds_show_is_valid_once_uncommented(tmp_path: Path) -> None:
    library, programs = tmp_path / "library", tmp_path / "programs"
    library.mkdir(), programs.mkdir()
    invoke("new", "exercise", "chair-clam", "--out-dir", str(library))
    invoke("new", "program", "ana-hips", "--out-dir", str(programs))
    entry, program = library / "chair-clam.yaml", programs / "ana-hips.yaml"
    fill(entry, EXERCISE_ANSWERS)
    fill(program, ["Hip strength at home", "clamshell"])
    text = uncommented(entry.read_text()).replace("  pictures: [photos/start.jpg, photos/end.jpg]", "")  # pose or pictures
    assert "\nworks: top-leg" in text and "\n  side: each" in text and "\n  - id: selkowitz2013" in text
    entry.write_text(text)
    text = uncommented(program.read_text())
    assert "\n  - id: clamshell-flexed " in text and "\n    side: left\n" in text and "\nnote: |" in text and "\n  Do these on most days.\n" in text
    program.write_text(text)
    result = invoke("check", "--library", str(library), str(program))
    assert result.exit_code == 0, result.output
    assert f"{program}: handout " in result.stdout  # checked against the library, not only read


def test_new_never_writes_over_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "clamshell.yaml"
    existing.write_text("mine\n")
    result = invoke("new", "exercise", "clamshell", "--out-dir", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {existing}: already exists; `handouts new` never writes over a file "
                             "(choose another id, or move the file away)\n")
    assert existing.read_text() == "mine\n"
    for args in (["program", "clamshell"], ["exercise", "clamshell", "--from", "clamshell"]):
        assert invoke("new", *args, "--out-dir", str(tmp_path)).exit_code == 1
    assert existing.read_text() == "mine\n" and sorted(p.name for p in tmp_path.iterdir()) == ["clamshell.yaml"]


@pytest.mark.parametrize("args, message", [
    (["exercise", "Chair Clam"], "command line: ID: 'Chair Clam' is not a valid id (use lower-case letters, digits and dashes, like 'clamshell-chair')"),
    (["program", "../ana"], "command line: NAME: '../ana' is not a valid id (use lower-case letters, digits and dashes, like 'clamshell-chair')"),
    (["exercise", "x", "--from", "clamshel"], "no exercise with the id 'clamshel' (did you mean 'clamshell'?)"),
    (["pose", "x", "--from", "clamshel"], "no bundled pose named 'clamshel' (did you mean 'clamshell'?)"),
    (["exercise", "x", "--out-dir", "no-such-folder"], "no-such-folder/x.yaml: the folder no-such-folder does not exist (create it first)"),
])
def test_what_new_refuses_is_one_line(args, message, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("new", *args)
    assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_an_exercise_from_a_bundled_one_is_its_file_under_the_new_id_and_builds_at_once(tmp_path: Path) -> None:
    result = invoke("new", "exercise", "clamshell-chair", "--from", "clamshell", "--out-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    made = (tmp_path / "clamshell-chair.yaml").read_text(encoding="utf-8")
    source = (bundled("exercises") / "clamshell.yaml").read_text(encoding="utf-8")
    header, _, body = made.partition("id: clamshell-chair\n")
    assert body == source.partition("id: clamshell\n")[2]  # comments, translations and pose as written
    assert header == ("# Made from the entry 'clamshell': handouts new exercise clamshell-chair --from clamshell\n"
                      "# Change what your variant does differently; with its own id, both entries can be used.\n"
                      "# To draw a pose of your own: handouts new pose clamshell-chair --from clamshell, then write\n"
                      "# `pose: clamshell-chair.pose.yaml` under illustration: below.\n")
    shown = invoke("show", "clamshell-chair", "--library", str(tmp_path))
    assert shown.exit_code == 0 and shown.stdout.startswith("Clamshell without a band (clamshell-chair)")
    built = invoke("build", "-e", "clamshell-chair", "-e", "clamshell", "--library", str(tmp_path), "-o", str(tmp_path / "x.pdf"))
    assert built.exit_code == 0, built.output


def test_a_new_pose_is_the_bundled_file_with_a_note_on_how_to_use_it(tmp_path: Path) -> None:
    from handouts.pictures.pictogram.pose import load_pose_illustration

    invoke("new", "exercise", "clamshell-chair", "--from", "clamshell", "--out-dir", str(tmp_path))
    result = invoke("new", "pose", "clamshell-chair", "--from", "clamshell", "--out-dir", str(tmp_path))
    pose = tmp_path / "clamshell-chair.pose.yaml"
    assert (result.exit_code, result.stdout) == (0, f"Wrote {pose}\n")
    assert result.stderr == f"Next: in {tmp_path / 'clamshell-chair.yaml'}, change `pose: clamshell` to `pose: clamshell-chair.pose.yaml`\n"
    bundled_pose = (bundled("images") / "poses" / "clamshell.yaml").read_bytes()
    assert pose.read_bytes().endswith(bundled_pose)
    drawn = load_pose_illustration(pose)  # its base pose is still found, among the bundled ones
    original = load_pose_illustration(bundled("images") / "poses" / "clamshell.yaml")
    assert (drawn.start, drawn.end, drawn.props, drawn.arrows) == (original.start, original.end, original.props, original.arrows)
    data_keys = {line.split(":")[0] for line in pose.read_text().splitlines() if line and not line.startswith((" ", "#", "-"))}
    assert {"view", "end"} <= data_keys  # the keys that tell a pose file from an exercise entry


@needs_pose_files_in_libraries
def test_an_entry_drawing_its_own_pose_builds_from_the_library_folder(tmp_path: Path) -> None:
    invoke("new", "exercise", "clamshell-chair", "--from", "clamshell", "--out-dir", str(tmp_path))
    invoke("new", "pose", "clamshell-chair", "--from", "clamshell", "--out-dir", str(tmp_path))
    entry = tmp_path / "clamshell-chair.yaml"
    entry.write_text(entry.read_text().replace("  pose: clamshell\n", "  pose: clamshell-chair.pose.yaml\n"))
    pose = tmp_path / "clamshell-chair.pose.yaml"
    pose.write_text(pose.read_text().replace("right_hip: {rotation: 58}", "right_hip: {rotation: 40}"))
    assert invoke("check", "--library", str(tmp_path)).exit_code == 0
    built = invoke("build", "-e", "clamshell-chair", "--library", str(tmp_path), "-o", str(tmp_path / "x.pdf"))
    assert built.exit_code == 0, built.output


def test_an_exercise_from_a_clinic_entry_brings_its_pictures(tmp_path: Path, exercise_text) -> None:
    from PIL import Image

    clinic, other = tmp_path / "clinic", tmp_path / "other"
    (clinic / "photos").mkdir(parents=True), other.mkdir()
    Image.new("RGB", (40, 30), "white").save(clinic / "photos" / "start.png")
    (clinic / "photo-clam.yaml").write_text(exercise_text("photo-clam") + "illustration:\n  pictures: [photos/start.png]\n")
    result = invoke("new", "exercise", "my-photo-clam", "--from", "photo-clam", "--library", str(clinic), "--out-dir", str(other))
    assert (result.exit_code, result.stdout) == (0, f"Wrote {other / 'my-photo-clam.yaml'}\nWrote {other / 'photos' / 'start.png'}\n")
    assert (other / "photos" / "start.png").read_bytes() == (clinic / "photos" / "start.png").read_bytes()
    built = invoke("build", "-e", "my-photo-clam", "--library", str(other), "-o", str(tmp_path / "x.pdf"))
    assert built.exit_code == 0, built.output
    again = invoke("new", "exercise", "my-photo-clam-2", "--from", "photo-clam", "--library", str(clinic), "--out-dir", str(other))
    assert again.exit_code == 0, again.output  # the same picture, already there, is no obstacle


@needs_pose_files_in_libraries
def test_an_exercise_from_a_clinic_entry_brings_its_pose_file(tmp_path: Path, exercise_text) -> None:
    clinic, other = tmp_path / "clinic", tmp_path / "other"
    clinic.mkdir(), other.mkdir()
    (clinic / "clam.pose.yaml").write_bytes((bundled("images") / "poses" / "clamshell.yaml").read_bytes())
    (clinic / "clam.yaml").write_text(exercise_text("clinic-clam") + "illustration:\n  pose: clam.pose.yaml\n")
    result = invoke("new", "exercise", "my-clam", "--from", "clinic-clam", "--library", str(clinic), "--out-dir", str(other))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in other.iterdir()) == ["clam.pose.yaml", "my-clam.yaml"]
    assert (other / "clam.pose.yaml").read_bytes() == (clinic / "clam.pose.yaml").read_bytes()
    built = invoke("build", "-e", "my-clam", "--library", str(other), "-o", str(tmp_path / "x.pdf"))
    assert built.exit_code == 0, built.output


def test_no_temporary_file_is_left_beside_what_new_writes(tmp_path: Path) -> None:
    invoke("new", "exercise", "a", "--out-dir", str(tmp_path))
    invoke("new", "pose", "a", "--from", "clamshell", "--out-dir", str(tmp_path))
    invoke("new", "program", "b", "--out-dir", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pose.yaml", "a.yaml", "b.yaml"]
