"""`--json` on the reading commands: it parses, and it holds what the text output says."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
from click.testing import CliRunner

from handouts.commands.cli import main
from handouts.commands.json_output import emit_line, problem_record
from handouts.errors import Problem
from handouts.reading.library import load_library, load_program
from handouts.reading.models import Exercise


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_list_programs_json_names_what_the_text_lists_with_titles_and_exercises() -> None:
    names = invoke("list", "--programs").stdout.split()
    found = json.loads(invoke("list", "--programs", "--json").stdout)
    assert [item["name"] for item in found] == names == ["early-stage", "middle-stage", "return-to-running"]
    for item in found:
        program, _, path = load_program(item["name"])
        assert item["title"] == program.title
        assert item["exercises"] == [e.id for e in program.exercises]
        assert Path(item["file"]) == path


def test_list_json_holds_the_entries_the_text_lists() -> None:
    text_ids = [line.split()[0] for line in invoke("list", "--position", "side-lying").stdout.splitlines()]
    found = json.loads(invoke("list", "--position", "side-lying", "--json").stdout)
    assert [entry["id"] for entry in found] == text_ids
    assert "clamshell" in text_ids and all("side-lying" in entry["position"] for entry in found)


BILINGUAL = """\
id: test-bilingual
name: {en: Test clam, es: Almeja de prueba}
purpose: {en: Makes your hip stronger., es: Fortalece la cadera.}
region: hip
muscles: [gluteus medius]
position: side-lying
level: beginner
steps:
  - {en: Lie on your side., es: Túmbese de lado.}
  - {en: Lift your top knee., es: Levante la rodilla de arriba.}
  - {en: Lower it slowly., es: Bájela despacio.}
dosage: {sets: 2, reps: 10}
feel_it: {en: In your hip., es: En la cadera.}
mistakes:
  - {en: Rolling back., es: Rodar hacia atrás.}
stop_if: {en: Stop if it hurts., es: Pare si le duele.}
citations:
  - id: burnet2009
"""


def test_show_json_is_the_whole_entry_with_its_translations_as_written(library_dir: Path) -> None:
    (library_dir / "bilingual.yaml").write_text(BILINGUAL, encoding="utf-8")
    found = json.loads(invoke("show", "test-bilingual", "--library", str(library_dir), "--json").stdout)
    assert found["name"] == {"en": "Test clam", "es": "Almeja de prueba"}
    assert found["steps"][0] == {"en": "Lie on your side.", "es": "Túmbese de lado."}
    entry = load_library([library_dir]).entry("test-bilingual").exercise
    assert msgspec.convert(found, Exercise) == entry  # every field, defaults included
    assert set(found) == set(Exercise.__struct_encode_fields__)
    assert found["citations"] == [{"id": "burnet2009", "note": None}]


def test_show_json_of_a_plain_entry_holds_what_the_text_shows(library_dir: Path) -> None:
    text = invoke("show", "test-clam", "--library", str(library_dir)).stdout
    found = json.loads(invoke("show", "test-clam", "--library", str(library_dir), "--json").stdout)
    assert text.startswith(f"{found['name']} ({found['id']})\n{found['purpose']}\n")
    assert all(step in text for step in found["steps"])
    assert found["citations"] == [{"id": "burnet2009", "note": "Side-lying strength did not predict pelvic drop in running."}]


def test_show_json_of_an_unknown_id_is_the_usual_one_line_error() -> None:
    result = CliRunner().invoke(main, ["show", "clamshel", "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: no exercise with the id 'clamshel' (did you mean 'clamshell'?)\n"


def test_a_problem_as_json_has_every_part_and_a_severity() -> None:
    record = problem_record(Problem("ana.yaml", 7, 11, "exercises[1].side", "must be one of 'left', 'right'"), "warning")
    assert record == {"file": "ana.yaml", "line": 7, "column": 11, "field": "exercises[1].side",
                      "message": "must be one of 'left', 'right'", "severity": "warning"}
    assert problem_record(Problem("command line", 0, 0, "", "file not found")) == {
        "file": "command line", "line": None, "column": None, "field": None, "message": "file not found", "severity": "error"}


def test_a_json_line_is_one_compact_line(capsys) -> None:
    emit_line({"file": Path("printed/ana.pdf"), "patient": "Ana María Núñez"})
    assert capsys.readouterr().out == '{"file":"printed/ana.pdf","patient":"Ana María Núñez"}\n'


# ---- check --json: one object per problem and warning -----------------------------------------

WORDY = """\
id: test-wordy
name: Wordy clam
purpose: Strengthens the muscles on the outside of your hip, which steady your pelvis when walking.
region: hip
muscles: [gluteus medius]
position: side-lying
level: beginner
steps:
  - Lie on your side with your knees comfortably bent and your feet together.
  - Lift your top knee gradually, keeping your feet touching throughout the movement.
  - Lower the knee slowly and carefully.
dosage: {sets: 2, reps: 10}
feel_it: In the side of your top hip.
mistakes: [Rolling your hips backwards., Lifting your feet apart.]
stop_if: Stop and call us if you feel sharp pain.
"""


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_check_json_is_one_object_per_problem_and_warning_with_its_severity(tmp_path, library_dir) -> None:
    (library_dir / "wordy.yaml").write_text(WORDY)
    (tmp_path / "says.yaml").write_text("title: Hips\nnote: Do these three times a day.\nexercises: [test-clam]\n")
    (tmp_path / "bad.yaml").write_text("title: Hips\nexercises:\n  - test-clm\n")
    warned = check("--library", str(library_dir), str(tmp_path / "says.yaml"))
    assert warned.exit_code == 0, warned.output
    as_json = check("--library", str(library_dir), str(tmp_path / "says.yaml"), "--json")
    assert as_json.exit_code == 0
    objects = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [(o["file"], o["severity"]) for o in objects] == [(str(library_dir / "wordy.yaml"), "warning"),
                                                              (str(tmp_path / "says.yaml"), "warning")]
    grade, said = objects
    assert grade["message"].startswith("reading grade 4.0 (Flesch-Kincaid), 7.2 (SMOG): warning (")
    assert "test-wordy: grade 4.0 (Flesch-Kincaid), 7.2 (SMOG): warning" in warned.stdout.splitlines()  # the text says it too
    assert said["message"] == "the program's note says 'three times a day', but the cards say 1 a day"
    assert f"{tmp_path / 'says.yaml'}: warning: {said['message']}" in warned.stdout.splitlines()

    failed = check("--library", str(library_dir), str(tmp_path / "says.yaml"), str(tmp_path / "bad.yaml"), "--json")
    text = check("--library", str(library_dir), str(tmp_path / "says.yaml"), str(tmp_path / "bad.yaml"))
    assert failed.exit_code == text.exit_code == 1
    objects = [json.loads(line) for line in failed.stdout.splitlines()]
    (error,) = [o for o in objects if o["severity"] == "error"]
    assert error == {"file": str(tmp_path / "bad.yaml"), "line": 3, "column": 5, "field": "exercises[0].id",
                     "message": "no exercise with the id 'test-clm' (did you mean 'test-clam'?)", "severity": "error"}
    assert text.stderr == failed.stderr == f"Error: {tmp_path / 'bad.yaml'}:3:5: exercises[0].id: {error['message']}\n"
    assert len(objects) == 3  # and both warnings still


def test_check_json_of_a_clean_library_says_nothing(library_dir) -> None:
    result = check("--library", str(library_dir), "--json")
    assert result.exit_code == 0 and result.stdout == ""
