"""Writing the PDF: atomic, never half-written, never harming an existing file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handouts.commands.build import Builder, Request
from handouts.commands.output import write_atomically
from handouts.errors import InvalidInput, OutputError

from ..helpers import DAY


def test_a_failed_build_leaves_the_existing_pdf_intact_and_no_temporary(library_dir, tmp_path) -> None:
    target = tmp_path / "ana.pdf"
    target.write_bytes(b"%PDF- the old handout")
    with pytest.raises(InvalidInput):
        Builder((library_dir,)).write(Request(exercises=("test-clam", "no-such-exercise"), date=DAY), target)
    assert target.read_bytes() == b"%PDF- the old handout"
    assert os.listdir(tmp_path) == ["ana.pdf", "clinic-library"] or sorted(os.listdir(tmp_path)) == ["ana.pdf", "clinic-library"]


def test_the_temporary_file_lives_in_the_destination_folder(tmp_path, monkeypatch) -> None:
    seen: list[Path] = []
    real_replace = os.replace

    def spy(source, destination):
        seen.append(Path(source))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    write_atomically(b"%PDF-1.4 data", tmp_path / "out.pdf")
    assert seen[0].parent == tmp_path and seen[0].name.startswith(".out.pdf.")
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF-1.4 data"
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]


def test_disk_full_while_writing_cleans_up_and_says_so(tmp_path, monkeypatch) -> None:
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    (tmp_path / "out.pdf").write_bytes(b"old")
    with pytest.raises(OutputError, match=r"out.pdf: could not write the PDF \(No space left on device\)$"):
        write_atomically(b"%PDF-1.4 data", tmp_path / "out.pdf")
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]
    assert (tmp_path / "out.pdf").read_bytes() == b"old"


def test_output_path_that_is_a_folder(tmp_path) -> None:
    with pytest.raises(OutputError, match=r": is a folder \(give a file name such as .*handout.pdf\)$"):
        write_atomically(b"x", tmp_path)


# ---- never onto an input: every file a run reads, through any path or link ----

import shutil

from click.testing import CliRunner
from PIL import Image

from handouts.commands.cli import main
from handouts.reading.resources import bundled

POSES = bundled("images") / "poses"


@pytest.fixture
def clinic_folder(library_dir, tmp_path) -> Path:
    """A program using every kind of input: its own template, clinic file and logo, a
    photo, a pose file of its own on a base pose of its own, and a references file."""
    folder = tmp_path / "ana"
    (folder / "photos").mkdir(parents=True)
    Image.new("RGB", (60, 40), (90, 90, 90)).save(folder / "photos" / "start.png")
    Image.new("RGB", (60, 20), (20, 20, 20)).save(folder / "logo.png")
    (folder / "clinic.yaml").write_text("name: Riverside Physiotherapy\nphone: 555-0142\nlogo: logo.png\n", encoding="utf-8")
    shutil.copy(bundled("templates") / "standard.yaml", folder / "mine.yaml")
    shutil.copy(POSES / "clamshell.yaml", folder / "clam-pose.yaml")
    (folder / "base").mkdir()
    shutil.copy(POSES / "base" / "side-lying-knees-bent.yaml", folder / "base" / "side-lying-knees-bent.yaml")
    (library_dir / "refs.yaml").write_text("references:\n- id: burnet2009\n  title: Isometric torque\n", encoding="utf-8")
    (folder / "p.yaml").write_text(
        "title: Hips\ntemplate: mine.yaml\nexercises:\n"
        "  - id: test-clam\n    illustration: {pictures: [photos/start.png], caption: Start here.}\n"
        "  - id: test-lift\n    illustration: {pose: clam-pose.yaml}\n", encoding="utf-8")
    return folder


def build(folder: Path, library_dir: Path, *args: str):
    return CliRunner().invoke(main, ["build", str(folder / "p.yaml"), "--clinic", str(folder / "clinic.yaml"),
                                     "--library", str(library_dir), "--date", "2026-11-21", *args])


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


INPUTS = {  # -o, relative to the program's folder (or `lib/` for the library), and what the message calls it
    "program": ("p.yaml", "the program"),
    "template": ("mine.yaml", "the template"),
    "clinic file": ("clinic.yaml", "the clinic file"),
    "logo": ("logo.png", "the clinic's logo"),
    "photo": ("photos/start.png", "a picture"),
    "pose file": ("clam-pose.yaml", "a pose file"),
    "base pose file": ("base/side-lying-knees-bent.yaml", "a pose file"),
    "exercise entry": ("lib/test-lift.yaml", "the library file"),
    "references file": ("lib/refs.yaml", "the library file"),
}


@pytest.mark.parametrize("via", ["same-path", "another-path", "symlink", "hard-link"])
@pytest.mark.parametrize("kind", INPUTS)
def test_an_output_that_is_one_of_the_run_s_inputs_is_refused_and_nothing_is_harmed(clinic_folder, library_dir, tmp_path, kind, via) -> None:
    name, what = INPUTS[kind]
    target = library_dir / name.removeprefix("lib/") if name.startswith("lib/") else clinic_folder / name
    assert build(clinic_folder, library_dir, "-o", str(tmp_path / "first.pdf")).exit_code == 0  # the run works as it is
    before = _snapshot(clinic_folder, library_dir)
    if via == "same-path":
        output = target
    elif via == "another-path":
        output = target.parent / "." / ".." / target.parent.name / target.name
    else:
        output = tmp_path / "elsewhere.pdf"
        (output.symlink_to if via == "symlink" else output.hardlink_to)(target)
    result = build(clinic_folder, library_dir, "-o", str(output))
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {output}: is {what} ") and line.endswith(", which this run reads (write to another file name)"), line
    assert _snapshot(clinic_folder, library_dir) == before
    assert not list(tmp_path.rglob("*.part"))


def test_an_output_where_a_missing_file_was_looked_for_is_refused(clinic_folder, library_dir, tmp_path) -> None:
    """A base pose file looked for beside the pose file, and not there (the bundled one was used): a PDF
    written there would be read as that base pose next time."""
    shutil.rmtree(clinic_folder / "base")
    (clinic_folder / "base").mkdir()
    output = clinic_folder / "base" / "side-lying-knees-bent.yaml"
    result = build(clinic_folder, library_dir, "-o", str(output))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {output}: is a pose file {output}, which this run reads (write to another file name)\n"
    assert list((clinic_folder / "base").iterdir()) == []


def test_an_output_named_as_an_input_is_refused_before_anything_is_read(tmp_path) -> None:
    (tmp_path / "p.yaml").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")
    # the library named does not exist: reading anything at all would have said so
    result = CliRunner().invoke(main, ["build", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "p.yaml"), "--library", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'p.yaml'}: is the program {tmp_path / 'p.yaml'}, which this run reads "
                             "(write to another file name)\n")


def test_a_program_named_like_its_own_output_in_a_batch_is_refused_before_anything_is_read(library_dir, tmp_path) -> None:
    (tmp_path / "ana.pdf").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")  # a program, oddly named
    (tmp_path / "ben.yaml").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "ana.pdf"), str(tmp_path / "ben.yaml"), "--library", str(library_dir),
                                       "--out-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == f"Wrote {tmp_path / 'ben.pdf'}\n"
    assert result.stderr.splitlines()[-1] == (f"Error: {tmp_path / 'ana.pdf'}: is the program {tmp_path / 'ana.pdf'}, "
                                              "which this run reads (write to another file name)")
    assert (tmp_path / "ana.pdf").read_text(encoding="utf-8").startswith("title: Hips")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_output_that_a_later_handout_of_the_batch_reads_is_refused(library_dir, tmp_path, jobs) -> None:
    """Nothing is moved into place before every handout of the run is read: b's photo, oddly
    named a.pdf in the output folder, survives a's build."""
    Image.new("RGB", (60, 40), (90, 90, 90)).save(tmp_path / "a.pdf", format="PNG")
    photo = (tmp_path / "a.pdf").read_bytes()
    (tmp_path / "a.yaml").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("title: Hips\nexercises:\n  - id: test-clam\n    illustration: {pictures: [a.pdf]}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--library", str(library_dir),
                                       "--out-dir", str(tmp_path), "--jobs", jobs])
    assert result.exit_code == 1
    assert result.stdout == f"Wrote {tmp_path / 'b.pdf'}\n"
    assert result.stderr.splitlines()[-1] == (f"Error: {tmp_path / 'a.pdf'}: is a picture {tmp_path / 'a.pdf'}, "
                                              "which this run reads (write to another file name)")
    assert (tmp_path / "a.pdf").read_bytes() == photo


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_handouts_of_one_run_are_never_written_to_one_path(library_dir, tmp_path, jobs) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "ana.yaml").write_text("title: Hips\npatient: Ana Alves\nexercises: [test-clam]\n", encoding="utf-8")
    (tmp_path / "b" / "ana.yaml").write_text("title: Hips\npatient: Ana Bento\nexercises: [test-clam]\n", encoding="utf-8")
    (tmp_path / "c" / "ben.yaml").write_text("title: Hips\npatient: Ben\nexercises: [test-clam]\n", encoding="utf-8")
    programs = [str(tmp_path / p) for p in ("a/ana.yaml", "b/ana.yaml", "c/ben.yaml")]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", *programs, "--library", str(library_dir), "--out-dir", str(out), "--jobs", jobs])
    assert result.exit_code == 1
    assert result.stdout == f"Wrote {out / 'ben.pdf'}\n"
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        f"Error: {out / 'ana.pdf'}: the handout of {programs[1]} would be written here too "
        "(give the programs different names, or build them into different folders)",
        f"Error: {out / 'ana.pdf'}: the handout of {programs[0]} would be written here too "
        "(give the programs different names, or build them into different folders)",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["ben.pdf"]


def test_a_missing_out_dir_is_created(library_dir, tmp_path) -> None:
    (tmp_path / "ana.yaml").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")
    out = tmp_path / "printed" / "monday"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "ana.yaml"), "--library", str(library_dir), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "ana.pdf").read_bytes().startswith(b"%PDF-")
    (tmp_path / "a-file").write_text("x")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "ana.yaml"), "--library", str(library_dir), "--out-dir", str(tmp_path / "a-file")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'a-file'}: is a file, not a folder (give a folder for the PDFs)\n"


# ---- temporary files: exclusive, never through a link, private, cleaned up ----

from handouts.commands import output


def test_a_temporary_file_is_created_exclusively_and_never_through_a_link(tmp_path, monkeypatch) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    monkeypatch.setattr(output, "_random_hex", lambda: "0" * 16)  # as if someone guessed the next name
    planted = tmp_path / f".out.pdf.{os.getpid()}-{'0' * 16}.part"
    planted.symlink_to(victim)
    with pytest.raises(OutputError, match=r"out.pdf: cannot write in .* \(File exists\)$"):
        write_atomically(b"%PDF-1.4 data", tmp_path / "out.pdf")
    assert victim.read_text() == "keep me" and planted.is_symlink() and not (tmp_path / "out.pdf").exists()


def test_a_later_build_removes_the_stale_temporary_files_of_its_own_destination_only(library_dir, tmp_path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".ana.pdf.{dead}-{'a' * 16}.part"
    live = tmp_path / f".ana.pdf.{1}-{'b' * 16}.part"  # pid 1 runs for as long as the machine does
    others = [tmp_path / name for name in (f".ben.pdf.{dead}-{'c' * 16}.part", f".ana.pdf.{dead}-notours.part", f"ana.pdf.{dead}-{'d' * 16}.part")]
    for path in (stale, live, *others):
        path.write_bytes(b"%PDF- a whole handout")
    link = tmp_path / f".ana.pdf.{dead}-{'e' * 16}.part"
    (tmp_path / "target").write_text("keep me")
    link.symlink_to(tmp_path / "target")
    Builder((library_dir,)).write(Request(exercises=("test-clam",), date=DAY), tmp_path / "ana.pdf")
    assert not stale.exists()
    assert live.exists() and all(path.exists() for path in others)
    assert link.is_symlink() and (tmp_path / "target").read_text() == "keep me"  # a link is never followed, nor counted as ours


# ---- signals while the PDF is written ----

import signal
import subprocess
import sys
import time

SLOW_WRITER = """
import os, sys, time
from pathlib import Path
ready, args = Path(sys.argv[1]), sys.argv[2:]
real = os.fsync
def slow(fd):  # the moment a complete PDF sits in its temporary file
    ready.write_text(str(len(list(ready.parent.rglob("*.part")))))
    time.sleep(60)
    real(fd)
os.fsync = slow
sys.argv = ["handouts", *args]
from handouts.commands.cli import run
run()
"""


def _interruptible() -> None:
    """In the child: Ctrl-C as a terminal sends it. A shell's background job starts with SIGINT
    ignored, and Python then (rightly) leaves it ignored, so a test run in the background would
    wait out the slow write."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _writing(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    ready = tmp_path / "ready"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(ready), *args], cwd=tmp_path, env=env,
                               preexec_fn=_interruptible,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never came to write"
        time.sleep(0.02)
    return process, ready


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: signal.Signals(s).name)
def test_a_signal_while_the_pdf_is_written_leaves_no_temporary_file_and_the_old_pdf(library_dir, tmp_path, signum) -> None:
    (tmp_path / "old.pdf").write_bytes(b"%PDF- last week's handout")
    process, ready = _writing(tmp_path, "build", "-e", "test-clam", "--library", str(library_dir), "-o", "old.pdf")
    assert list(tmp_path.glob("*.part"))  # caught in the act
    process.send_signal(signum)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signum
    assert out == "" and err == f"Error: stopped by {signal.Signals(signum).name}; no file is left half-written\n"
    assert not list(tmp_path.glob("*.part"))
    assert (tmp_path / "old.pdf").read_bytes() == b"%PDF- last week's handout"


def test_ctrl_c_in_a_batch_removes_the_temporary_files_that_wait_for_the_end(library_dir, tmp_path) -> None:
    for name in ("anna", "ben", "carla"):
        (tmp_path / f"{name}.yaml").write_text("title: Hips\nexercises: [test-clam]\n", encoding="utf-8")
    ready = tmp_path / "out" / "ready"
    (tmp_path / "out").mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    # slow only at the third write: two complete PDFs wait in their temporary files by then
    script = SLOW_WRITER.replace("def slow(fd):", "calls = []\ndef slow(fd):\n    calls.append(fd)\n    if len(calls) < 3: return real(fd)")
    process = subprocess.Popen([sys.executable, "-c", script, str(ready), "build", "anna.yaml", "ben.yaml", "carla.yaml",
                                "--library", str(library_dir), "--out-dir", "out"], cwd=tmp_path, env=env,
                               preexec_fn=_interruptible,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    assert ready.read_text() == "3"  # three temporary files, none in place yet
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=30)
    assert process.returncode == 130
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ready"]


def test_a_build_killed_outright_leaves_a_temporary_file_the_next_build_removes(library_dir, tmp_path) -> None:
    process, _ = _writing(tmp_path, "build", "-e", "test-clam", "--library", str(library_dir), "-o", "ana.pdf")
    process.kill()  # SIGKILL: nothing can be cleaned up
    process.communicate(timeout=30)
    [left] = tmp_path.glob("*.part")
    assert left.name.startswith(f".ana.pdf.{process.pid}-")
    result = CliRunner().invoke(main, ["build", "-e", "test-clam", "--library", str(library_dir), "-o", str(tmp_path / "ana.pdf")])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.part"))


def test_the_signal_handlers_are_the_caller_s_again_after_a_run(library_dir, tmp_path) -> None:
    from handouts.commands.batch import build_all

    def mine(signum, frame):
        pass

    previous = signal.signal(signal.SIGTERM, mine)
    try:
        before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
        report = build_all([(Request(exercises=("test-clam",)), tmp_path / "a.pdf")], (library_dir,))
        assert report.failed == [] and (tmp_path / "a.pdf").is_file()
        assert {s: signal.getsignal(s) for s in before} == before
    finally:
        signal.signal(signal.SIGTERM, previous)
