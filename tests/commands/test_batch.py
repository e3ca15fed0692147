"""Building many handouts at once: `handouts build --jobs N` and `batch.build_all`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.commands.batch import build_all
from handouts.commands.build import Request
from handouts.commands.cli import main

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
def test_every_good_handout_is_built_and_every_bad_one_named_at_the_end(library_dir, tmp_path, write, jobs) -> None:
    """Many programs, a bad one early: the good ones after it are built too, and each bad one is named."""
    names = [f"patient-{n:02}" for n in range(12)]
    programs = [write(f"programs/{name}.yaml", PROGRAM.format(name=name)) for name in names]
    bad = {3: write("programs/patient-03.yaml", "title: Hips\nexercises:\n  - test-clm\n"),
           8: write("programs/patient-08.yaml", "title: Hips\nexercises: [test-clam]\nnote: 1:30\n")}
    result = build(programs, library_dir, tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 1
    good = [name for n, name in enumerate(names) if n not in bad]
    assert result.stdout.splitlines() == [f"Wrote {tmp_path / 'out' / (name + '.pdf')}" for name in good]
    # every failure together at the end, each with its file, line and field
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        f"Error: {bad[3]}:3:5: exercises[0].id: no exercise with the id 'test-clm' (did you mean 'test-clam'?)",
        f"Error: {bad[8]}:3:7: note: '1:30' is read by YAML as 90 (base 60); write seconds as one number, such as 90, or put text in quotes",
    ]
    assert result.stderr.rstrip("\n").endswith(result.stderr.splitlines()[-1])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [name + ".pdf" for name in good]


def test_the_report_is_one_outcome_per_handout_the_same_for_any_jobs(programs, library_dir, tmp_path, write) -> None:
    write("programs/dev.yaml", "title: Hips\nexercises: [test-clam, nope, test-clm]\n")
    reports = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        out.mkdir()
        pairs = [(Request(program=str(p)), out / f"{p.stem}.pdf") for p in programs]
        reports[jobs] = build_all(pairs, (library_dir,), jobs=jobs)
        assert [o.destination for o in reports[jobs].outcomes] == [d for _, d in pairs]
        assert [o.written for o in reports[jobs].outcomes] == [True, True, True, False, True]
    assert [o.problems for o in reports[2].outcomes] == [o.problems for o in reports[1].outcomes]
    dev = reports[1].outcomes[3]
    assert dev.source == str(programs[3]) and len(dev.problems) == 2 and all(str(programs[3]) in p for p in dev.problems)
    assert reports[1].failed == [dev]


def test_an_unwritable_destination_is_one_handout_s_failure_in_a_parallel_build(programs, library_dir, tmp_path) -> None:
    (tmp_path / "out").mkdir()
    pairs = [(Request(program=str(p)), tmp_path / ("missing" if p.stem == "ben" else "out") / f"{p.stem}.pdf") for p in programs]
    report = build_all(pairs, (library_dir,), jobs=2)
    assert [o.problems for o in report.failed] == [(f"{pairs[1][1]}: the folder {tmp_path / 'missing'} does not exist (create it first)",)]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["anna.pdf", "carla.pdf", "dev.pdf", "emil.pdf"]


def test_jobs_must_be_at_least_one(programs, library_dir, tmp_path) -> None:
    result = build(programs, library_dir, tmp_path / "out", "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_a_worker_that_dies_is_reported_as_the_handout_it_was_building(programs, library_dir, tmp_path, monkeypatch) -> None:
    import os
    import signal

    from handouts.commands.build import Builder

    real = Builder.render

    def render(self, request):
        if request.program.endswith("carla.yaml"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does to a process out of memory
        return real(self, request)

    monkeypatch.setattr(Builder, "render", render)  # forked workers have it too
    result = build(programs, library_dir, tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    carla = next(p for p in programs if p.stem == "carla")
    assert result.stderr.splitlines()[-1] == (
        f"Error: {carla}: not built: the process building it stopped (killed by SIGKILL) "
        "(build it again on its own; if it stops again, the computer may be short of memory)")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["anna.pdf", "ben.pdf", "dev.pdf", "emil.pdf"]
