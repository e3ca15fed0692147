"""The command line: wiring, help texts and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from handouts.commands.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The tool as a user runs it: a separate process, so nothing leaks between runs."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    return subprocess.run([sys.executable, "-m", "handouts", *args], capture_output=True, text=True, cwd=cwd, env=env)


def all_commands() -> list[click.Command]:
    return [main, *main.commands.values()]


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: c.name)
def test_every_command_has_help_with_an_example(command: click.Command) -> None:
    assert command.help or command.callback.__doc__
    text = (command.help or "") + (command.epilog or "")
    assert "Example" in text and "handouts " in text
    for parameter in command.params:
        if isinstance(parameter, click.Option) and parameter.name not in ("help", "version"):
            assert parameter.help, f"{command.name} {parameter.name} has no help text"


def test_build_writes_the_pdf_and_says_where(library_dir, tmp_path) -> None:
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(main, ["build", "-e", "test-clam", "--library", str(library_dir), "--date", "2026-11-21", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out}\n"
    assert result.stderr == ("Note: the handout has no clinic name or phone for the patient to call "
                             "(add --clinic FILE, or clinic: in the program)\n")
    assert out.read_bytes().startswith(b"%PDF-")


def test_build_many_programs_into_a_folder(library_dir, tmp_path, write) -> None:
    for name in ("anna", "ben"):
        write(f"{name}.yaml", "title: Hips\nexercises: [test-clam]\n")
    out_dir = tmp_path / "pdfs"
    out_dir.mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path / "anna.yaml"), str(tmp_path / "ben.yaml"), "--library", str(library_dir), "--out-dir", str(out_dir)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out_dir.iterdir()) == ["anna.pdf", "ben.pdf"]


def test_bad_input_is_one_line_per_problem_with_exit_status_1(tmp_path, write) -> None:
    program = write("p.yaml", "title: Hips\nexercises:\n  - clamshel\n")
    result = run("build", str(program), "-o", str(tmp_path / "p.pdf"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {program}:3:5: exercises[0].id: no exercise with the id 'clamshel' (did you mean 'clamshell'?)\n"
    assert not (tmp_path / "p.pdf").exists()


def test_unknown_exercise_from_the_command_line(tmp_path) -> None:
    result = run("build", "-e", "clamshel", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert result.stderr == "Error: command line: exercises[0].id: no exercise with the id 'clamshel' (did you mean 'clamshell'?)\n"


@pytest.mark.parametrize("args, message", [
    (["build"], "name a PROGRAM or give exercises with -e ID"),
    (["build", "a.yaml", "b.yaml", "-o", "x.pdf"], "-o names one file; use --out-dir DIR for several programs"),
    (["build", "-e", "clamshell", "--date", "21/11/2026"], "'21/11/2026' is not a date written YYYY-MM-DD"),
    (["build", "-e", "clamshell", "--paper", "a5"], "'a5' is not one of 'a4', 'letter'"),
])
def test_usage_errors_exit_2(args, message) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_program_and_template_suggest_the_nearest(tmp_path) -> None:
    result = run("build", "early-stag", "-o", str(tmp_path / "x.pdf"))
    assert (result.returncode, result.stderr) == (1, "Error: no program named 'early-stag' (did you mean 'early-stage'?)\n")
    result = run("build", "-e", "clamshell", "--template", "large", "-o", str(tmp_path / "x.pdf"))
    assert (result.returncode, result.stderr) == (1, "Error: no template named 'large' (did you mean 'large-print'?)\n")


def test_list_filters_and_json(library_dir) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["list", "--library", str(library_dir), "--search", "test lift", "--json"])
    assert result.exit_code == 0
    assert '"id": "test-lift"' in result.output and '"id": "test-clam"' not in result.output
    result = runner.invoke(main, ["list", "--position", "side-lying", "--level", "beginner"])
    assert "clamshell" in result.output and "single-leg-deadlift" not in result.output
    assert runner.invoke(main, ["list", "--programs"]).output.split() == ["early-stage", "middle-stage", "return-to-running"]


def test_show_and_schema() -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["show", "clamshell"])
    assert shown.exit_code == 0 and shown.output.startswith("Clamshell without a band (clamshell)")
    schema = runner.invoke(main, ["schema", "exercise"])
    assert schema.exit_code == 0 and '"additionalProperties": false' in schema.output and '"steps"' in schema.output


def test_check_reports_ok_and_problems(tmp_path, write, library_dir) -> None:
    result = run("check", str(library_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("library: ") and f"{library_dir}/test-clam.yaml: ok" in result.stdout
    bad = write("bad.yaml", "title: Hips\nexercises: [clamshell]\npaper: A4\n")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert result.stderr == f"Error: {bad}:3:8: paper: must be one of 'a4', 'letter' (not 'A4')\n"


def test_no_traceback_when_the_output_folder_is_missing(tmp_path) -> None:
    result = run("build", "-e", "clamshell", "-o", str(tmp_path / "nope" / "x.pdf"))
    assert result.returncode == 1
    assert result.stderr == f"Error: {tmp_path / 'nope' / 'x.pdf'}: the folder {tmp_path / 'nope'} does not exist (create it first)\n"


def test_a_long_set_builds_with_a_note_to_the_clinician(tmp_path) -> None:
    ids = ["clamshell", "side-lying-hip-abduction", "pelvic-drop", "lateral-band-walk", "sideways-hop"]
    args = [arg for exercise_id in ids for arg in ("-e", exercise_id)]
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Riverside Physiotherapy\nphone: 555-0142\n")
    result = run("build", *args, "--clinic", str(clinic), "-o", str(tmp_path / "long.pdf"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Note: 5 exercises, about ")
    assert result.stderr.endswith("patients do fewer exercises better (consider 4 or fewer)\n")
    assert result.stderr.count("\n") == 1


def test_check_fails_on_text_above_grade_8(library_dir) -> None:
    hard = library_dir / "hard.yaml"
    text = (library_dir / "test-clam.yaml").read_text().replace("id: test-clam", "id: hard-one").replace(
        "stop_if: Stop and call us if you feel sharp pain.",
        "stop_if: Individuals experiencing considerable musculoskeletal discomfort should immediately discontinue "
        "the prescribed therapeutic intervention and consult their physiotherapist regarding appropriate modifications.",
    )
    hard.write_text(text)
    result = run("check", "--library", str(library_dir))
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {hard}:1:1: reading grade ")
    assert "too hard (use shorter words and sentences: grade 8 at most, 6 or below is the aim)" in result.stderr


def test_illustrate_writes_png_svg_and_pdf_and_refuses_other_files(tmp_path) -> None:
    from PIL import Image

    for suffix in (".png", ".svg", ".pdf"):
        out = tmp_path / f"clam{suffix}"
        result = run("illustrate", "clamshell", "--side", "left", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 500
    with Image.open(tmp_path / "clam.png") as picture:
        assert picture.width > 400  # 60 mm at the preview's 200 dpi
    result = run("illustrate", "clamshell", "-o", str(tmp_path / "clam.gif"))
    assert (result.returncode, result.stderr) == (1, f"Error: {tmp_path / 'clam.gif'}: write a .png, .svg or .pdf file\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clam.pdf", "clam.png", "clam.svg"]


def test_illustrate_writes_through_a_private_temporary_file_with_an_unpredictable_name(tmp_path, monkeypatch) -> None:
    """It wrote through `.NAME.preview.EXT` beside the output, following a link placed there, and deleted a file of that name."""
    import stat

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / ".clam.preview.png").symlink_to(victim)
    (tmp_path / ".clam.preview.svg").write_text("the clinician's own file")
    renamed = []
    real = os.replace

    def spy(source, destination):
        renamed.append((Path(source).name, stat.S_IMODE(os.lstat(source).st_mode)))
        return real(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    for suffix in (".png", ".svg", ".pdf"):
        result = CliRunner().invoke(main, ["illustrate", "clamshell", "-o", str(tmp_path / f"clam{suffix}")])
        assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep me" and (tmp_path / ".clam.preview.png").is_symlink()
    assert (tmp_path / ".clam.preview.svg").read_text() == "the clinician's own file"
    assert [mode for _, mode in renamed] == [0o600] * 3
    assert all(name.startswith(f".clam.{suffix}.{os.getpid()}-") for (name, _), suffix in zip(renamed, ("png", "svg", "pdf")))
    assert not list(tmp_path.glob("*.part"))


def test_illustrate_never_writes_onto_its_own_pose_file(library_dir, tmp_path) -> None:
    from handouts.reading.resources import bundled

    entry = (library_dir / "test-clam.yaml").read_text(encoding="utf-8").replace("id: test-clam", "id: my-clam")
    (library_dir / "my-clam.yaml").write_text(entry + "illustration: {pose: clam.svg.yaml}\n", encoding="utf-8")
    pose = library_dir / "clam.svg.yaml"
    pose.write_text((bundled("images") / "poses" / "clamshell.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pose.svg").symlink_to(pose)
    before = pose.read_bytes()
    result = CliRunner().invoke(main, ["illustrate", "my-clam", "--library", str(library_dir), "-o", str(tmp_path / "pose.svg")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'pose.svg'}: is the library file {pose}, which this run reads (write to another file name)\n"
    assert pose.read_bytes() == before and not list(library_dir.glob("*.part")) and not list(tmp_path.glob("*.part"))


def test_a_pose_file_next_to_its_exercise_in_a_library_folder_works_as_documented(library_dir, tmp_path) -> None:
    """images/poses/README.md: a clinic's own pose file next to its exercise, with a base/ folder beside it."""
    from handouts.reading.resources import bundled

    poses = bundled("images") / "poses"
    entry = (library_dir / "test-clam.yaml").read_text(encoding="utf-8").replace("id: test-clam", "id: my-clam")
    (library_dir / "my-clam.yaml").write_text(entry + "illustration: {pose: my-clam-pose.yaml, caption: Lift the knee.}\n", encoding="utf-8")
    (library_dir / "my-clam-pose.yaml").write_text((poses / "clamshell.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (library_dir / "base").mkdir()
    (library_dir / "base" / "side-lying-knees-bent.yaml").write_text(
        (poses / "base" / "side-lying-knees-bent.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    runner, lib = CliRunner(), ["--library", str(library_dir)]
    listed = runner.invoke(main, ["list", *lib])
    assert listed.exit_code == 0, listed.output
    assert "my-clam " in listed.stdout and "my-clam-pose" not in listed.stdout
    checked = runner.invoke(main, ["check", str(library_dir), *lib])
    assert checked.exit_code == 0, checked.output
    assert f"{library_dir / 'my-clam-pose.yaml'}: ok" in checked.stdout
    built = runner.invoke(main, ["build", "-e", "my-clam", *lib, "-o", str(tmp_path / "out.pdf")])
    assert built.exit_code == 0, built.output
    shown = runner.invoke(main, ["illustrate", "my-clam", *lib, "-o", str(tmp_path / "clam.png")])
    assert shown.exit_code == 0, shown.output
    # a broken pose file there is named by check, with its line, and breaks nothing else
    (library_dir / "my-clam-pose.yaml").write_text("view: side\nend: {orientation: standing, right_knee: {flexion: 400}}\n", encoding="utf-8")
    assert runner.invoke(main, ["list", *lib]).exit_code == 0
    checked = runner.invoke(main, ["check", str(library_dir), *lib])
    assert checked.exit_code == 1
    assert f"Error: {library_dir / 'my-clam-pose.yaml'}:2:52: end.right_knee.flexion: must be at most 160 (not 400)\n" in checked.stderr


def test_show_and_list_make_control_and_escape_characters_visible_and_harmless(library_dir) -> None:
    import json
    import unicodedata

    import yaml

    name = "Evil \x1b]0;pwned\x07\x1b[2J name \u202e reversed"
    step = "Step\x1b[31m red\x9b1m \u2028 after a line separator"
    data = yaml.safe_load((library_dir / "test-clam.yaml").read_text(encoding="utf-8"))
    data.update(id="evil", name=name)
    data["steps"][0] = step
    (library_dir / "evil.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    runner, lib = CliRunner(), ["--library", str(library_dir)]

    def hidden(text: str) -> list[str]:
        return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]

    listed = runner.invoke(main, ["list", "--search", "evil", *lib])
    assert listed.exit_code == 0 and hidden(listed.stdout) == []
    assert "Evil \\x1b]0;pwned\\x07\\x1b[2J name \\u202e reversed" in listed.stdout
    shown = runner.invoke(main, ["show", "evil", *lib])
    assert shown.exit_code == 0 and hidden(shown.stdout) == []
    assert "1. Step\\x1b[31m red\\x9b1m \\u2028 after a line separator" in shown.stdout
    as_json = runner.invoke(main, ["list", "--search", "evil", "--json", *lib])
    assert as_json.exit_code == 0 and hidden(as_json.stdout) == []
    [entry] = json.loads(as_json.stdout)  # harmless, and nothing lost for a script
    assert entry["name"] == name and entry["steps"][0] == step
