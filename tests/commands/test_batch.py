"""Building many handouts at once: `handouts build --jobs N` and `batch.build_all`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.commands.batch import build_all
from handouts.commands.build import Request
from handouts.commands.cli import main
from handouts.errors import InvalidInput, OutputError

PROGRAM = "title: Hips\npatient: {name}\ndate: 2026-11-21\nexercises: [test-clam]\n"
NAMES = ("anna", "ben", "carla", "dev", "emil")


@pytest.fixture
def programs(tmp_path: Path, write) -> list[Path]:
    return [write(f"programs/{name}.yaml", PROGRAM.format(name=name.title())) for name in NAMES]


def build(programs: list[Path], library_dir: Path, out_dir: Path, *extra: str):
    out_dir.mkdir(exist_ok=True)
    args = ["build", *map(str, programs), "--library", str(library_dir), "--out-dir", str(out_dir), *extra]
    return CliRunner().invoke(main, args)


def test_parallel_build_writes_the_same_bytes_and_lines_as_a_serial_one(programs, library_dir, tmp_path) -> None:
    serial = build(programs, library_dir, tmp_path / "serial")
    parallel = build(programs, library_dir, tmp_path / "parallel", "--jobs", "2")
    assert serial.exit_code == 0, serial.output
    assert parallel.exit_code == 0, parallel.output
    assert parallel.output == serial.output.replace(str(tmp_path / "serial"), str(tmp_path / "parallel"))
    assert parallel.stdout.splitlines() == [f"Wrote {tmp_path / 'parallel' / (name + '.pdf')}" for name in NAMES]
    for name in NAMES:
        data = (tmp_path / "serial" / f"{name}.pdf").read_bytes()
        assert data.startswith(b"%PDF-")
        assert (tmp_path / "parallel" / f"{name}.pdf").read_bytes() == data


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_an_error_is_one_line_exit_1_and_nothing_after_it_is_written(programs, library_dir, tmp_path, write, jobs) -> None:
    bad = write("programs/carla.yaml", "title: Hips\nexercises:\n  - test-clm\n")
    result = build(programs, library_dir, tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {bad}:3:5: exercises[0].id: no exercise with the id 'test-clm' (did you mean 'test-clam'?)"]
    # as a serial build: the handouts before the bad program are written, none after it
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["anna.pdf", "ben.pdf"]


def test_an_unwritable_destination_is_one_line_in_a_parallel_build(programs, library_dir, tmp_path) -> None:
    pairs = [(Request(program=str(p)), tmp_path / "missing" / f"{p.stem}.pdf") for p in programs]
    with pytest.raises(OutputError) as caught:
        list(build_all(pairs, (library_dir,), jobs=2))
    assert caught.value.lines() == [f"{pairs[0][1]}: the folder {tmp_path / 'missing'} does not exist (create it first)"]


def test_the_library_function_raises_the_same_error_as_a_serial_build(programs, library_dir, tmp_path, write) -> None:
    write("programs/dev.yaml", "title: Hips\nexercises: [test-clam, nope, test-clm]\n")
    raised = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        out.mkdir()
        pairs = [(Request(program=str(p)), out / f"{p.stem}.pdf") for p in programs]
        with pytest.raises(InvalidInput) as caught:
            list(build_all(pairs, (library_dir,), jobs=jobs))
        raised[jobs] = caught.value
    assert raised[2].problems == raised[1].problems
    assert raised[2].lines() == raised[1].lines() and len(raised[1].lines()) == 2


def test_jobs_must_be_at_least_one(programs, library_dir, tmp_path) -> None:
    result = build(programs, library_dir, tmp_path / "out", "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output
