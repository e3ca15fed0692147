"""What build says for people and for scripts: the progress bar, --quiet, --json (commands.build_report)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.commands import build_report
from handouts.commands.build_report import spans
from handouts.commands.cli import main

PROGRAM = "title: Hips\nclinic: {name: Riverside Physiotherapy, phone: 555-0142}\nexercises: [test-clam]\n"


def programs(folder: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = folder / "programs" / f"p{n}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(PROGRAM)
        paths.append(str(path))
    return paths


def build(library_dir: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--library", str(library_dir), *args])


@pytest.mark.parametrize("count, shown", [(3, False), (4, True)])
def test_a_bar_is_started_for_four_handouts_or_more_on_a_terminal(tmp_path, library_dir, monkeypatch, count, shown) -> None:
    monkeypatch.setattr(build_report, "_terminal", lambda stream: True)  # (Click itself draws only its label off a terminal)
    result = build(library_dir, *programs(tmp_path, count), "--out-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert ("Building" in result.stderr) is shown
    quiet = build(library_dir, *programs(tmp_path, count), "--out-dir", str(tmp_path / "quiet"), "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""  # --quiet: no bar either


def test_the_bar_on_a_terminal_shows_the_count_the_rate_and_the_time_left() -> None:
    """Click estimates the time left once a second has passed: six steps of a quarter second each."""
    code = ("import time\nfrom handouts.commands.build_report import Progress\n"
            "with Progress() as bar:\n    bar.start(6)\n    for _ in range(6):\n        time.sleep(0.25)\n        bar.advance(1)\n")
    parent, child = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2]), "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-c", code], stderr=child, env=env)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(parent)
    assert process.wait(timeout=30) == 0
    frames = seen.decode().split("\r")
    assert any("Building" in f and "0/6" in f for f in frames)
    assert any("00:00:0" in f and " a second" in f for f in frames)  # time left, and the rate
    assert "6/6" in frames[-2] and "00:00:0" not in frames[-2]  # done: no time left to show


def test_quiet_keeps_only_the_failures(tmp_path, library_dir) -> None:
    paths = programs(tmp_path, 3)
    Path(paths[1]).write_text("title: Hips\nexercises: [test-clam]\n")  # no clinic: a Note when not quiet
    Path(paths[2]).write_text("title: Hips\nexercises: [nope]\n")
    loud = build(library_dir, *paths, "--out-dir", str(tmp_path / "loud"))
    quiet = build(library_dir, *paths, "--out-dir", str(tmp_path / "quiet"), "-q")
    assert loud.exit_code == quiet.exit_code == 1
    assert "Wrote" in loud.stdout and "Note:" in loud.stderr
    assert quiet.stdout == ""
    assert quiet.stderr.splitlines() == [line for line in loud.stderr.splitlines() if line.startswith("Error:")]
    assert len(list((tmp_path / "quiet").iterdir())) == 2


def test_build_json_is_one_line_per_handout_holding_what_the_text_says(tmp_path, library_dir) -> None:
    paths = programs(tmp_path, 3)
    Path(paths[1]).write_text("title: Hips\nexercises: [test-clam]\n")
    Path(paths[2]).write_text("title: Hips\nexercises:\n  - test-clm\n")
    text = build(library_dir, *paths, "--out-dir", str(tmp_path / "text"))
    found = build(library_dir, *paths, "--out-dir", str(tmp_path / "json"), "--json")
    assert found.exit_code == text.exit_code == 1
    objects = [json.loads(line) for line in found.stdout.splitlines()]
    assert [(o["source"], o["status"]) for o in objects] == [(paths[0], "written"), (paths[1], "written"), (paths[2], "failed")]
    assert [f"Wrote {o['output']}" for o in objects[:2]] == [line.replace("text", "json") for line in text.stdout.splitlines()]
    assert [f"Note: {note}" for o in objects for note in o["notes"]] == [
        line for line in text.stderr.splitlines() if line.startswith("Note:")]
    assert objects[2]["output"] == str(tmp_path / "json" / "p2.pdf")
    assert objects[2]["problems"] == [{"file": paths[2], "line": 3, "column": 5, "field": "exercises[0].id",
                                       "message": "no exercise with the id 'test-clm' (did you mean 'test-clam'?)", "severity": "error"}]
    assert found.stderr.splitlines() == [line for line in text.stderr.splitlines() if line.startswith("Error:")]


def test_a_failure_known_only_by_its_words_is_json_without_a_file(tmp_path, library_dir) -> None:
    (tmp_path / "out" / "p0.pdf").mkdir(parents=True)  # a folder where the PDF would go
    found = build(library_dir, *programs(tmp_path, 1), "--out-dir", str(tmp_path / "out"), "--json")
    (record,) = json.loads(found.stdout)["problems"]
    assert record["file"] is None and record["line"] is None
    assert record["message"] == f"{tmp_path / 'out' / 'p0.pdf'}: is a folder (give a file name such as {tmp_path / 'out' / 'p0.pdf' / 'handout.pdf'})"


def test_rows_are_said_as_spans() -> None:
    assert spans([2, 3, 4, 7, 9, 10]) == "2-4, 7, 9-10"
    assert spans([5]) == "5"
