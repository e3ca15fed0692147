"""Hostile and broken input: every one ends in a correct PDF or a one-line error.

Each case is run as a user runs the tool: a separate process (`python -m handouts`) for
a representative set, so a crash, a traceback or a hang would show, and Click's test
runner in this process for the rest, which is faster. A refusal must have exit status 1,
nothing on stdout, one `Error: ` line per problem naming the file and field, and leave
no PDF and no `.part` file behind. A success must print the text as typed. Nothing in an
input may ever be executed.

The exercise library is a fixture folder whose exercises have no `illustration`, so
these tests never depend on the bundled pictograms.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from handouts.commands.build import Builder, Request
from handouts.commands.cli import main
from handouts.errors import HandoutsError
from handouts.pictures import photos as pictures
from handouts.reading import yamlio

from .conftest import EXERCISE
from .helpers import pdf_text, squash, write_file

ROOT = Path(__file__).parent.parent
DATE = "2026-11-21"
# CVE-2023-33733: ReportLab < 3.6.13 evaluated this colour as Python.
CVE = (
    "<font color=\"[[getattr(pow, Word('__globals__'))['os'].system('touch /tmp/pwned') for Word in "
    "[ orgTypeFun('Word', (str,), { 'mutated': 1, 'startswith': lambda self, x: 1 == 0, "
    "'__eq__': lambda self, x: self.mutated and self.mutated - 1, '__hash__': lambda self: hash(str(self)), }) ] ] "
    "for orgTypeFun in [type(type(1))] ] and 'red'\">"
)
WORDS_200K = " ".join(["word"] * 200_000)


# ------------------------------------------------------------------------------ running


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RL_") and k != "PYTHONIOENCODING"}
    return {**env, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", **extra}


def sub(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 30, **kwargs) -> Outcome:
    """The tool in its own process, as a user runs it."""
    done = subprocess.run([sys.executable, "-m", "handouts", *args], cwd=cwd, env=env or _env(), capture_output=True,
                          timeout=timeout, **kwargs)
    return Outcome(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def cli(*args: str) -> Outcome:
    """The tool in this process (the working folder is the test's tmp_path)."""
    result = CliRunner().invoke(main, list(args))
    # anything but a clean exit is a crash that would have been a traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return Outcome(result.exit_code, result.stdout, result.stderr)


def refused(outcome: Outcome, folder: Path, *expected: str, keep: tuple[str, ...] = ("old.pdf",)) -> list[str]:
    """Exit status 1, one `Error: ` line per problem, no PDF (but those in `keep`) and no temporary left.

    `expected`, when given, is every line, without `Error: `.
    """
    assert outcome.code == 1, outcome
    assert outcome.out == "", outcome
    assert "Traceback" not in outcome.err
    lines = outcome.err.splitlines()
    assert lines and outcome.err.endswith("\n")
    assert all(line.startswith("Error: ") for line in lines), lines
    lines = [line.removeprefix("Error: ") for line in lines]
    if expected:
        assert len(lines) == len(expected), lines
        for line, want in zip(lines, expected):
            assert line == want, (line, want)
    leftovers = [p.name for p in folder.rglob("*")
                 if p.suffix == ".part" or (p.suffix == ".pdf" and p.is_file() and not p.is_symlink() and p.name not in keep)]
    assert leftovers == [], leftovers
    return lines


def built(outcome: Outcome, pdf: Path, *texts: str) -> str:
    """Exit status 0, `Wrote ...`, and every text in the PDF (white space made single spaces)."""
    assert outcome.code == 0, outcome
    assert "Traceback" not in outcome.err and "Error" not in outcome.err, outcome
    assert outcome.out.startswith("Wrote "), outcome
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert not list(pdf.parent.glob("*.part"))
    text = squash(pdf_text(pdf.read_bytes()))
    for want in texts:
        assert squash(want) in text, (want, text[:2000])
    return text


# ------------------------------------------------------------------------------ fixtures


def exercise(id: str = "test-clam", name: str = "Test clam", **changes) -> dict:
    data = yaml.safe_load(EXERCISE.format(id=id, name=name))
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def lib(tmp_path_factory) -> Path:
    """Four fixture exercises, none with an illustration."""
    folder = tmp_path_factory.mktemp("hostile-library")
    for id, name in [("test-clam", "Test clam"), ("test-lift", "Test lift"), ("test-bridge", "Test bridge"), ("test-squat", "Test squat")]:
        (folder / f"{id}.yaml").write_text(EXERCISE.format(id=id, name=name), encoding="utf-8")
    return folder


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    """The working folder, for the subprocess and for Click's runner alike."""
    monkeypatch.chdir(tmp_path)
    pictures.clear_cache()
    return tmp_path


write = write_file


def dump(folder: Path, name: str, data: dict) -> Path:
    return write(folder, name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000))


def nospace(text: str) -> str:
    return "".join(text.split())


def where(path: Path, needle: str) -> str:
    """'LINE:COLUMN' of the first `needle` in the file, as error messages count them."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in {path}")


def build_args(lib: Path, *args: str, out: str = "out.pdf") -> list[str]:
    return ["build", *args, "--library", str(lib), "--date", DATE, "-o", out]


# ============================================================================ YAML


def billion_laughs() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def test_billion_laughs_is_refused_at_once_in_a_subprocess(work, lib) -> None:
    write(work, "bomb.yaml", billion_laughs())
    started = time.monotonic()
    # one cause, one line: the file's first anchor, however many aliases follow; nothing expanded
    refused(sub(*build_args(lib, "bomb.yaml"), cwd=work), work,
            "bomb.yaml:1:4: a: anchors and aliases (& and *) are not allowed (write the value out in full)")
    assert time.monotonic() - started < 20


def test_self_referencing_alias(work, lib) -> None:
    write(work, "p.yaml", "title: &t\n  x: *t\nexercises: [test-clam]\n")
    refused(cli(*build_args(lib, "p.yaml")), work,
            "p.yaml:1:8: title: anchors and aliases (& and *) are not allowed (write the value out in full)")


def test_an_anchor_no_alias_uses_is_refused_too(work, lib) -> None:
    write(work, "p.yaml", "title: Hips\nnote: &unused Rest well\nexercises: [test-clam]\n")
    refused(cli(*build_args(lib, "p.yaml")), work,
            "p.yaml:2:7: note: anchors and aliases (& and *) are not allowed (write the value out in full)")


def _fill(head: str, unit: str, tail: str = "", count: int | None = None) -> str:
    """`head`, then `unit` as many times as fit just under the size limit (or `count` times), then `tail`."""
    count = count or (yamlio.MAX_BYTES - 200 - len(head) - len(tail)) // len(unit)
    return head + unit * count + tail


VALUES = yamlio.MAX_VALUES
LARGEST = {  # the costliest files the reader takes, each just under a limit: bytes, values or depth
    "one-line-list": _fill("title: x\nexercises: [", "a,", "a]\n"),
    "values-just-under-the-limit": "title: x\nexercises:\n" + "".join(f"- e{i}\n" for i in range(VALUES - 10)),
    "one-long-plain-text": _fill("title: x\nexercises: [a]\nnote: ", "w ", "\n"),
    "brackets-in-quotes": _fill("title: x\nexercises: [a]\nnote: '", "[", "'\n"),  # read by the pure-Python loader
    "nested-lists-on-one-line": _fill("title: x\nexercises: [a]\nnote: [", "[[[[[[[[[[1]]]]]]]]]],", "1]\n", count=VALUES // 11),
    "keys": "title: x\nexercises: [a]\nclinic:\n" + "".join(f"  k{i}: v\n" for i in range(VALUES)),
    "one-key-repeated": _fill("title: x\nexercises: [a]\n", "title: y\n", count=VALUES - 10),
    "nested-39-deep": "title: x\nexercises: [a]\nnote:\n" + "- " * 39 + "v\n" + "".join("  " * 39 + "- v\n" for _ in range(12_000)),
}
MEMORY_CAP = 300 * 1024 * 1024  # address space: a build of a few KB needs about a third of it
# The tool, reporting its own peak memory (VmHWM: this process's alone, where the rusage
# of a child forked from a large test process would count the test process's pages too).
PEAK_REPORTING = """
import atexit, runpy, sys
report = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as status, open(report, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(peak)
runpy.run_module("handouts", run_name="__main__")
"""


@pytest.mark.parametrize("case", LARGEST)
def test_the_largest_files_are_cheap_to_read_or_refuse(work, lib, case) -> None:
    """A 1.9 MB one-line list took a minute and 900 MB, and a MemoryError under a memory cap."""
    text = LARGEST[case]
    assert len(text.encode()) <= yamlio.MAX_BYTES
    write(work, "p.yaml", text)
    cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))  # noqa: E731
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", PEAK_REPORTING, str(work / "peak"), *build_args(lib, "p.yaml")], cwd=work,
                          env=_env(), capture_output=True, text=True, preexec_fn=cap, timeout=120)
    elapsed = time.monotonic() - started
    lines = done.stderr.splitlines()
    assert done.returncode == 1 and len(lines) == 1 and lines[0].startswith("Error: p.yaml:"), lines[:3]
    assert elapsed < 10, f"{elapsed:.1f} s"
    peak_kib = int((work / "peak").read_text())
    assert peak_kib < 150 * 1024, f"{peak_kib / 1024:.0f} MiB at its peak"
    (work / "peak").unlink()


def test_python_object_tags_never_run(work, lib) -> None:
    marker = work / "tag-ran"
    write(work, "p.yaml", f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
                          "exercises:\n  - !!python/object:builtins.dict {id: test-clam}\n"
                          "note: !!python/name:os.system\n")
    refused(sub(*build_args(lib, "p.yaml"), cwd=work), work,
            "p.yaml:1:8: title: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (remove it)",
            "p.yaml:3:5: exercises[0]: the tag 'tag:yaml.org,2002:python/object:builtins.dict' is not allowed (remove it)",
            "p.yaml:4:7: note: the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed (remove it)")
    assert not marker.exists()


TOO_DEEP = "title" + "[0]" * yamlio.MAX_DEPTH + ": is nested too deeply to be a handout file"


@pytest.mark.parametrize("body, where", [
    pytest.param("title: " + "[" * 50_000 + "]" * 50_000, "1:48", id="50000-brackets"),
    # no brackets at all: libyaml's composer also recursed into a crash on block nesting
    pytest.param("title:\n  " + "- " * 50_000 + "x", "2:83", id="50000-dashes"),
])
def test_deep_nesting_never_crashes_the_process(work, lib, body, where) -> None:
    write(work, "deep.yaml", body + "\nexercises: [test-clam]\n")
    outcome = sub(*build_args(lib, "deep.yaml"), cwd=work)
    assert outcome.code != -signal.SIGSEGV, "libyaml crashed"
    refused(outcome, work, f"deep.yaml:{where}: {TOO_DEEP}")


@pytest.mark.parametrize("fast", [True, False], ids=["c-loader", "pure-python-loader"])
@pytest.mark.parametrize("body, where", [
    # past a thousand open brackets newer libyaml stops with an error of its own: the tool's limit speaks first
    pytest.param("title: " + "[" * 1_100 + "]" * 1_100, "1:48", id="1100-brackets-on-one-line"),
    # short lines, so the fast C loader reads it; the depth limit then stops the walk
    pytest.param("title:\n" + " [\n" * 1_000 + " ]\n" * 1_000, "42:2", id="1000-brackets-one-per-line"),
])
def test_nesting_is_cut_at_the_tool_s_own_depth_limit_by_either_loader(work, lib, monkeypatch, fast, body, where) -> None:
    if not fast:
        monkeypatch.setattr(yamlio, "C_LOADER_DENSE_BRACKETS", 0)  # every file to the pure-Python loader
    write(work, "deep.yaml", body + "\nexercises: [test-clam]\n")
    refused(cli(*build_args(lib, "deep.yaml")), work, f"deep.yaml:{where}: {TOO_DEEP}")


@pytest.mark.parametrize("text, expected", [
    ("title: Hips\ndate: 2026-02-30\n", "p.yaml:2:7: date: cannot read '2026-02-30' as a date (check the value, or put text in quotes)"),
    ("title: !!timestamp foo\n", "p.yaml:1:8: title: cannot read 'foo' as a date (check the value, or put text in quotes)"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {sets: !!int abc}\n",
     "p.yaml:4:20: exercises[0].dosage.sets: cannot read 'abc' as a whole number (check the value, or put text in quotes)"),
    ("title: !!bool maybe\n", "p.yaml:1:8: title: cannot read 'maybe' as a yes/no value (check the value, or put text in quotes)"),
    ("title: Hips\nexercises:\n\t- test-clam\n",
     "p.yaml:3:1: is not valid YAML: found character that cannot start any token (use spaces, not tabs, to indent)"),
    (b"title: Caf\xe9\n", "p.yaml:1:11: is not UTF-8 text (byte 0xe9; save the file as UTF-8)"),
    ('title: "a\\ud800b"\n', "p.yaml:1:12: is not valid YAML: found invalid Unicode character escape code (check the indentation and quotes here)"),
    ("", "p.yaml:1:1: file is empty (write the fields as `key: value` lines)"),
    ("# nothing but a comment\n", "p.yaml:1:1: file is empty (write the fields as `key: value` lines)"),
    ("- title\n- exercises\n", "p.yaml:1:1: the top level is a list, not a mapping (write `key: value` lines)"),
    ("just a sentence\n", "p.yaml:1:1: the top level is a single value, not a mapping (write `key: value` lines)"),
    ("title: Hips\ntitle: Knees\n", "p.yaml:2:1: title: duplicate key (already set on line 1; keep one)"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    side: no\n",
     "p.yaml:4:11: exercises[0].side: YAML reads 'no' as a yes/no value; write one of 'both', 'each', 'left', 'right'"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {rest_seconds: 1:30}\n",
     "p.yaml:4:28: exercises[0].dosage.rest_seconds: '1:30' is read by YAML as 90 (base 60); write seconds as one number, such as 90, or put text in quotes"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {reps: 010}\n",
     "p.yaml:4:20: exercises[0].dosage.reps: '010' is read by YAML as 8 (octal); write the number without a leading 0, or put text in quotes"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {reps: 0x1F}\n",
     "p.yaml:4:20: exercises[0].dosage.reps: '0x1F' is read by YAML as 31 (hexadecimal); write the number in ordinary digits, or put text in quotes"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {sets: 0b11}\n",
     "p.yaml:4:20: exercises[0].dosage.sets: '0b11' is read by YAML as 3 (binary); write the number in ordinary digits, or put text in quotes"),
    ("title: Hips\nexercises:\n  - id: test-clam\n    dosage: {reps: 1_2}\n",
     "p.yaml:4:20: exercises[0].dosage.reps: '1_2' is read by YAML as 12 (YAML drops the _); write the number without _, or put text in quotes"),
    ("title: 3.10\nexercises: [test-clam]\n", "p.yaml:1:8: title: YAML reads '3.10' as a number, not text (put it in quotes: \"3.10\")"),
    ("title: Hips\nnote: Rest 30 s #2 then go on\n",
     "p.yaml:2:7: note: the text stops before '#2 then go on' because ' #' starts a comment in YAML (put the whole text in quotes)"),
    ("title: Hips\x0c\n", "p.yaml:1:12: contains the control character U+000C, which YAML does not allow (remove it)"),
    ("title: Hips\n<<: {note: merged}\n", "p.yaml:2:1: merge keys (<<) are not allowed (write the fields out in full)"),
    ("title: Hips\n---\ntitle: Knees\n", "p.yaml:2:1: is not valid YAML: but found another document (check the indentation and quotes here)"),
    ("title: !!binary aGVsbG8=\n", "p.yaml:1:8: title: the tag 'tag:yaml.org,2002:binary' is not allowed (remove it)"),
], ids=["impossible-date", "timestamp-tag", "int-tag", "bool-tag", "tab", "latin-1", "surrogate-escape", "empty",
        "only-comment", "only-list", "only-string", "duplicate-key", "no", "1:30", "010", "0x1F", "0b11", "1_2", "3.10", "cut-at-#",
        "control-char", "merge-key", "two-documents", "binary-tag"])
def test_broken_yaml_gives_one_exact_line(work, lib, text, expected) -> None:
    write(work, "p.yaml", text if isinstance(text, bytes) else text.encode())
    refused(cli(*build_args(lib, "p.yaml")), work, expected)


def test_every_broken_yaml_file_in_one_subprocess_never_tracebacks(work, lib) -> None:
    """`check` reports every problem of every file in one run: one process for all the cases above."""
    cases = test_broken_yaml_gives_one_exact_line.pytestmark[0].args[1]
    names = []
    for i, (text, _) in enumerate(cases):
        names.append(f"case-{i:02}.yaml")
        write(work, names[-1], text if isinstance(text, bytes) else text.encode())
    expected = [line.replace("p.yaml", name, 1) for name, (_, line) in zip(names, cases)]
    refused(sub("check", *names, "--library", str(lib), cwd=work), work, *expected)


def test_a_number_yaml_would_change_is_refused_in_a_template_too(work, lib) -> None:
    template = (ROOT / "templates" / "standard.yaml").read_text(encoding="utf-8")
    assert "  body: 12 " in template
    write(work, "t.yaml", template.replace("  body: 12 ", "  body: 1_2 "))
    [line] = refused(cli(*build_args(lib, "-e", "test-clam", "--template", "t.yaml")), work)
    assert line.startswith("t.yaml:") and line.endswith(": type_pt.body: '1_2' is read by YAML as 12 (YAML drops the _); "
                                                        "write the number without _, or put text in quotes"), line


def test_lone_surrogate_from_the_pure_python_loader(work, lib, monkeypatch) -> None:
    monkeypatch.setattr(yamlio, "C_LOADER_DENSE_BRACKETS", 0)  # this loader decodes "\ud800" instead of refusing it
    write(work, "p.yaml", 'title: "a\\ud800b"\nexercises: [test-clam]\n')
    refused(cli(*build_args(lib, "p.yaml")), work,
            "p.yaml:1:8: title: contains '\\ud800', half of a UTF-16 pair and not a character (remove it, or write the character itself)")


def test_control_character_with_the_pure_python_loader_is_not_a_traceback(work, lib) -> None:
    # a quoted run of brackets sends the file to the pure-Python loader, whose reader refuses the character up front
    write(work, "p.yaml", "title: Hips\nclinician: '" + "[" * 300 + "'\nnote: " + "x " * 1_500 + "\x1b[31m\nexercises: [test-clam]\n")
    refused(sub(*build_args(lib, "p.yaml"), cwd=work), work,
            "p.yaml:3:3007: contains the control character U+001B, which YAML does not allow (remove it)")


def test_a_bom_is_fine(work, lib) -> None:
    write(work, "p.yaml", "\ufefftitle: Hips with a BOM\nexercises: [test-clam]\n".encode())
    built(cli(*build_args(lib, "p.yaml")), work / "out.pdf", "Hips with a BOM")


def test_a_key_with_line_breaks_and_escapes_stays_one_line(work, lib) -> None:
    write(work, "p.yaml", 'title: Hips\nexercises: [test-clam]\n"note\\nError: fake\\e[2J": x\n')
    refused(sub(*build_args(lib, "p.yaml"), cwd=work), work,
            "p.yaml:3:1: note\\nError: fake\\x1b[2J: unknown field (known: clinic, clinician, conditions, date, exercises, language, note, pain_call_at, pain_rule, paper, patient, "
            "review, template, title)")


# ============================================================================ text


FIELDS_PROGRAM = ["TI", "PA", "CL", "CN", "CP", "CE", "CW", "NO", "EN"]
FIELDS_EXERCISE = ["XN", "XP", "XS", "XF", "XM", "XT", "XC", "XL", "XU"]


def hostile_handout(folder: Path, text: str, *, clinic: str | None = None) -> tuple[Path, Path]:
    """A library and a program with `text`, after a two-letter label, in every free-text field."""
    lib = folder / "lib"
    t = lambda label: f"{label} {text}"  # noqa: E731
    clinic = clinic if clinic is not None else text
    data = exercise(name=t("XN"), purpose=t("XP"), feel_it=t("XF"), stop_if=t("XT"), illustration={"caption": t("XC")})
    data["steps"][1], data["mistakes"][0] = t("XS"), t("XM")
    data["dosage"].update(load=t("XL"), reps_unit=t("XU"))
    dump(lib, "test-clam.yaml", data)
    program = dump(folder, "p.yaml", {
        "template": "large-print",  # the layout that prints every text field, the pictures' caption too
        "title": t("TI"), "patient": t("PA"), "clinician": t("CL"),
        "clinic": {"name": f"CN {clinic}", "phone": f"CP {clinic}", "email": f"CE {clinic}", "website": f"CW {clinic}"},
        "note": t("NO"), "exercises": [{"id": "test-clam", "note": t("EN")}],
    })
    return lib, program


MARKUP = ["&", "R&D", "<physio@clinic.org>", "Rest (i.e. <30s>)", "A<B and B>C", "<br>", "<b>never closed",
          '<img src="/etc/passwd"/>', "&amp; &lt; &#60;", "<font color=red>red?</font>", "]]> <!-- -->", "a\\b"]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_prints_as_typed_in_every_field(work, text) -> None:
    lib, program = hostile_handout(work, text)
    got = built(cli(*build_args(lib, str(program))), work / "out.pdf")
    for label in FIELDS_PROGRAM + FIELDS_EXERCISE:
        assert f"{label} {text}" in got, (label, got[:3000])
    if text == "R&D":
        assert "R&D;" not in got  # ReportLab's own reading of an unescaped '&D'


@pytest.mark.parametrize("text", ["R&D <physio@clinic.org>", "Rest (i.e. <30s>) & A<B", '<img src="/etc/passwd"/> <br>'])
def test_markup_in_the_patient_option(work, lib, text) -> None:
    built(cli(*build_args(lib, "-e", "test-clam", "--patient", text)), work / "out.pdf", f"For: {text}")


def test_the_cve_2023_33733_payload_is_printed_never_run(work) -> None:
    pwned = Path("/tmp/pwned")
    existed = pwned.exists()
    marker = work / "m"  # `touch m` in the working folder
    payload = CVE.replace("/tmp/pwned", "m")
    # the full payload (longer than the 200 letters of a name) in every long text field
    lib = work / "lib"
    data = exercise(feel_it=CVE, stop_if=payload)
    data["steps"][0], data["mistakes"][0] = payload, CVE
    dump(lib, "test-clam.yaml", data)
    short = "<font color=\"[[__import__('os').system('touch m')] for x in [1]] and 'red'\">w</font>"
    assert len(short) <= 200
    program = dump(work, "p.yaml", {"title": short, "patient": short, "clinic": {"name": "Clinic", "website": short},
                                    "note": payload, "exercises": [{"id": "test-clam", "note": CVE}]})
    got = built(sub(*build_args(lib, str(program)), cwd=work), work / "out.pdf")
    assert squash(payload) in got and squash(CVE) in got and squash(short) in got
    assert not marker.exists()
    assert existed or not pwned.exists()


def test_the_full_cve_payload_in_the_website_is_too_long(work, lib) -> None:
    program = dump(work, "p.yaml", {"title": "Hips", "clinic": {"name": "Clinic", "website": CVE}, "exercises": ["test-clam"]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:4:12: clinic.website: is too long ({len(CVE)} characters; at most 200: shorten it)")


@pytest.mark.parametrize("text, first", [
    ("שלום", "'ש' (U+05E9 HEBREW LETTER SHIN), 'ל' (U+05DC HEBREW LETTER LAMED), 'ו' (U+05D5 HEBREW LETTER VAV)"),
    ("مرحبا", "'م' (U+0645 ARABIC LETTER MEEM), 'ر' (U+0631 ARABIC LETTER REH), 'ح' (U+062D ARABIC LETTER HAH)"),
    ("Well done 😀", "'😀' (U+1F600 GRINNING FACE)"),
    # a letter Noto Sans has but ReportLab cannot map back to text, so it is refused too
    ("ɐ 𐞀", "'𐞀' (U+10780 MODIFIER LETTER SMALL CAPITAL AA)"),
])
def test_letters_no_font_has_are_refused_naming_the_field(work, lib, text, first) -> None:
    program = dump(work, "p.yaml", {"title": "Hips", "note": f"Hello {text}", "exercises": ["test-clam"]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:2:7: note: no font here can print {first} (remove or replace it)")
    refused(cli(*build_args(lib, "-e", "test-clam", "--patient", text)), work,
            f"command line: --patient: no font here can print {first} (remove or replace it)")


def test_right_to_left_in_an_exercise_names_its_file_and_field(work) -> None:
    lib = work / "lib"
    entry = dump(lib, "test-clam.yaml", exercise(stop_if="עצור"))
    refused(cli(*build_args(lib, "-e", "test-clam")), work,
            f"{entry}:{where(entry, 'עצור')}: stop_if: no font here can print 'ע' (U+05E2 HEBREW LETTER AYIN), "
            "'צ' (U+05E6 HEBREW LETTER TSADI), 'ו' (U+05D5 HEBREW LETTER VAV) (remove or replace it)")


@pytest.mark.parametrize("field, yaml_text", [
    ("title", "  title: Study שלום of hips\n"),
    ("author[0].family", "  title: A study\n  author:\n  - {family: שלום, given: Ana}\n"),
    ("container-title", "  title: A study\n  container-title: שלום Journal\n"),
    ("page", "  title: A study\n  page: 😀12-14\n"),
])
def test_a_reference_with_letters_no_font_has_is_refused_by_build_and_by_check(work, field, yaml_text) -> None:
    lib = work / "lib"
    dump(lib, "test-clam.yaml", exercise())
    refs = write(lib, "refs.yaml", "references:\n- id: burnet2009\n" + yaml_text)
    position = where(refs, "שלום" if "שלום" in yaml_text else "😀")
    first = "'ש' (U+05E9 HEBREW LETTER SHIN), 'ל' (U+05DC HEBREW LETTER LAMED), 'ו' (U+05D5 HEBREW LETTER VAV)" if "שלום" in yaml_text \
        else "'😀' (U+1F600 GRINNING FACE)"
    [built_line] = refused(cli(*build_args(lib, "-e", "test-clam")), work)
    assert built_line.startswith(f"{refs}:{position.split(':')[0]}:")
    assert built_line.endswith(f": references[0].{field}: no font here can print {first} (remove or replace it)")
    [checked_line] = refused(cli("check", "--library", str(lib)), work)
    assert checked_line == built_line


CHECK_AS_BUILD = {
    "unprintable-note": {"title": "Hips", "note": "Rest שלום", "exercises": ["test-clam"]},
    "listed-twice": {"title": "Hips", "exercises": ["test-clam", "test-clam"]},
    "unknown-id": {"title": "Hips", "exercises": ["test-clamm"]},
    "missing-template": {"title": "Hips", "template": "t.yaml", "exercises": ["test-clam"]},
    "unknown-template": {"title": "Hips", "template": "standart", "exercises": ["test-clam"]},
    "unknown-pose": {"title": "Hips", "exercises": [{"id": "test-clam", "illustration": {"pose": "clamshel"}}]},
    "unprintable-entry": {"title": "Hips", "exercises": ["test-lift"]},
}


@pytest.mark.parametrize("case", CHECK_AS_BUILD)
def test_check_refuses_what_build_refuses(work, case) -> None:
    lib = work / "lib"
    dump(lib, "test-clam.yaml", exercise())
    dump(lib, "test-lift.yaml", exercise(id="test-lift", name="Test lift", feel_it="In your hip 😀"))
    dump(work, "p.yaml", CHECK_AS_BUILD[case])
    built_lines = refused(cli(*build_args(lib, "p.yaml")), work)
    checked_lines = refused(cli("check", "p.yaml", "--library", str(lib)), work)
    entry_line = [line for line in checked_lines if "test-lift.yaml" in line]  # check also reads every entry
    assert len(entry_line) == 1 and entry_line[0].endswith("feel_it: no font here can print '😀' (U+1F600 GRINNING FACE) (remove or replace it)")
    assert sorted(line for line in checked_lines if line not in entry_line) == sorted(line for line in built_lines if line not in entry_line)


@pytest.mark.parametrize("text", ["Καλημέρα, Ελένη", "Здравствуйте, Ольга", "Nguyễn Thị Ánh Tuyết", "İstanbul Çağrı"])
def test_greek_cyrillic_vietnamese_and_turkish_print(work, text) -> None:
    lib, program = hostile_handout(work, text)
    got = built(cli(*build_args(lib, str(program))), work / "out.pdf")
    for label in FIELDS_PROGRAM + FIELDS_EXERCISE:
        assert f"{label} {text}" in got, label


def test_zero_width_and_direction_marks_are_dropped_and_the_rest_prints(work) -> None:
    lib, program = hostile_handout(work, "zero\u200bwidth\u200c join\u200d\ufeff mark\u200e\u202e soft\u00adhyphen")
    got = built(cli(*build_args(lib, str(program))), work / "out.pdf")
    for label in FIELDS_PROGRAM + FIELDS_EXERCISE:
        assert f"{label} zerowidth join mark softhyphen" in got, label


def test_line_breaks_in_notes_survive(work, lib) -> None:
    program = write(work, "p.yaml", """\
        title: Hips
        note: |
          First line of the note
          Second line of the note

          After a blank line
        exercises:
          - id: test-clam
            note: "Card line one\\nCard line two"
        """)
    outcome = cli(*build_args(lib, str(program)))
    built(outcome, work / "out.pdf")
    lines = [line.strip() for line in pdf_text((work / "out.pdf").read_bytes()).splitlines()]
    for line in ("First line of the note", "Second line of the note", "After a blank line",
                 "Note from your clinician: Card line one", "Card line two"):
        assert line in lines, lines


@pytest.mark.parametrize("field", ["caption", "load", "reps_unit", "name"])
def test_line_breaks_in_a_one_line_field_name_the_field_not_the_template(work, lib, field) -> None:
    """A caption or dose word of 200 line breaks was blamed on the template's type size."""
    text = "a" + "\n" * 198 + "b"
    item: dict = {"id": "test-clam", "illustration": {"caption": text}} if field == "caption" else \
        {"id": "test-clam", "dosage": {field: text}} if field != "name" else {"id": "test-clam"}
    program = dump(work, "p.yaml", {"title": "Hips", "clinician": text if field == "name" else "Sam", "exercises": [item]})
    path = {"caption": "exercises[0].illustration.caption", "load": "exercises[0].dosage.load",
            "reps_unit": "exercises[0].dosage.reps_unit", "name": "clinician"}[field]
    [line] = refused(cli(*build_args(lib, str(program))), work)
    assert line.endswith(f": {path}: must be one line (remove the line breaks; a note or a step may have several)"), line


@pytest.mark.parametrize("template", ["standard", "large-print"])
def test_every_text_at_its_longest_fits_the_pages(work, template) -> None:
    """With one-line fields one line, the longest text of every field lays out: a page that
    cannot hold a block is the template's doing alone (and says so)."""
    lib = work / "lib"
    words = ("Lift " * 40)[:200]
    lines = ("Lift the knee.\n" * 134)[:2000]
    data = exercise(name=words, purpose=words, feel_it=lines, stop_if=lines, muscles=[words] * 3,
                    illustration={"caption": "W" * 200})
    data["steps"] = [lines] * 6
    data["mistakes"] = [lines] * 4
    data["dosage"].update(load=words, reps_unit="W" * 200)
    dump(lib, "test-clam.yaml", data)
    program = dump(work, "p.yaml", {"title": words, "patient": words, "clinician": words, "note": lines,
                                    "exercises": [{"id": "test-clam", "note": lines}]})
    built(cli(*build_args(lib, str(program), "--template", template)), work / "out.pdf")


def test_a_ten_thousand_letter_step_is_refused(work) -> None:
    lib = work / "lib"
    data = exercise()
    data["steps"][2] = "Lift. " * 1_666 + "Lift"
    assert len(data["steps"][2]) == 10_000
    entry = dump(lib, "test-clam.yaml", data)
    refused(cli(*build_args(lib, "-e", "test-clam")), work,
            f"{entry}:{where(entry, 'Lift. Lift')}: steps[2]: is too long (10000 characters; at most 2000: shorten it)")


def test_a_300_letter_word_breaks_inside_the_margins(work, lib) -> None:
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    word = "abcdefghij" * 30
    program = dump(work, "p.yaml", {"title": "Hips", "note": word, "exercises": [{"id": "test-clam", "note": f"Then {word}"}]})
    got = built(cli(*build_args(lib, str(program))), work / "out.pdf")
    assert got.replace(" ", "").count(word) == 2  # every piece is there, in order
    right_edge = 595.28 - 15 * 72 / 25.4  # A4, the standard template's right margin
    pieces = []
    for page in PdfReader(io.BytesIO((work / "out.pdf").read_bytes())).pages:
        def visit(text, cm, tm, font, size):
            if "abcdefghij" in text:
                pieces.append((tm[4] * cm[0] + cm[4], text.strip(), size))
        page.extract_text(visitor_text=visit)
    assert len(pieces) >= 4
    for x, text, size in pieces:
        assert x + stringWidth(text, "Body", size) <= right_edge + 0.5, (x, text)


@contextlib.contextmanager
def deadline(seconds: float):
    """Fail, rather than hang for minutes, when what runs inside takes longer than `seconds`."""
    def expired(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_200000_word_note_is_refused_quickly(work, lib) -> None:
    program = dump(work, "p.yaml", {"title": "Hips", "note": WORDS_200K, "exercises": ["test-clam"]})
    with deadline(10):
        outcome = cli(*build_args(lib, str(program)))
    refused(outcome, work, f"{program}:1:1: file is larger than 1 MB (a handout file is a few KB)")
    program = dump(work, "p.yaml", {"title": "Hips", "note": WORDS_200K[:500_000], "exercises": ["test-clam"]})
    with deadline(10):
        outcome = cli(*build_args(lib, str(program)))
    refused(outcome, work, f"{program}:2:7: note: is too long (500000 characters; at most 2000: shorten it)")


def test_a_200000_word_patient_option_is_refused_quickly(work, lib) -> None:
    with deadline(10):
        outcome = cli(*build_args(lib, "-e", "test-clam", "--patient", WORDS_200K))
    refused(outcome, work, f"command line: --patient: is too long ({len(WORDS_200K)} characters; at most 200: shorten it)")
    # the longest single argument Linux passes to a process is 128 KiB
    long_name = " ".join(["word"] * 25_000)
    refused(sub(*build_args(lib, "-e", "test-clam", "--patient", long_name), cwd=work, timeout=20), work,
            f"command line: --patient: is too long ({len(long_name)} characters; at most 200: shorten it)")


def test_a_long_clinic_contact_fits_the_footer_or_is_refused(work, lib) -> None:
    clinic = {"name": "Riverside Physiotherapy", "phone": "555-0142", "email": "hello@riverside-physio.example",
              "website": "www.riverside-physio.example"}
    program = dump(work, "p.yaml", {"title": "Hips", "clinic": clinic, "exercises": ["test-clam"]})
    got = built(cli(*build_args(lib, str(program))), work / "out.pdf")
    # the whole contact in the header; on every page the date, the clinic's name and its phone
    assert "Riverside Physiotherapy 555-0142 · hello@riverside-physio.example · www.riverside-physio.example" in got
    pages = got.count("21 November 2026 · Riverside Physiotherapy · 555-0142")
    assert pages >= 1 and f"Page {pages} of {pages} 21 November 2026 · Riverside Physiotherapy · 555-0142" in got
    (work / "out.pdf").unlink()
    program = dump(work, "p.yaml", {"title": "Hips", "clinic": {k: "x" * 200 for k in clinic}, "exercises": ["test-clam"]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}: clinic: the patient's name, the date and the clinic's name and phone together are too long "
            "for the footer of each page (shorten the clinic's name)")


# ============================================================================ ReportLab's own settings


def test_settings_file_asking_for_eval_colours_with_a_payload_runs_nothing(work, lib) -> None:
    loaded, payload_ran = work / "settings-loaded", work / "payload-ran"
    write(work, "reportlab_settings.py", f"open({str(loaded)!r}, 'w').write('x')\ntoColorCanUse = 'rl_safe_eval'\n")
    payload = CVE.replace("/tmp/pwned", str(payload_ran))
    program = dump(work, "p.yaml", {"title": "Hips", "note": payload, "exercises": [{"id": "test-clam", "note": payload}]})
    env = _env(RL_toColorCanUse="rl_safe_eval", RL_trustedSchemes="['file', 'http']")
    got = built(sub(*build_args(lib, str(program)), cwd=work, env=env), work / "out.pdf")
    # (the long path in it may break across lines in the narrow column)
    assert nospace(got).count(nospace(payload)) == 2
    assert not loaded.exists() and not payload_ran.exists()


# ============================================================================ programs


@pytest.mark.parametrize("exercises, expected", [
    ([], "p.yaml:2:12: exercises: needs at least 1 item(s), has 0"),
    (["test-clam"] * 200, "p.yaml:2:12: exercises: has too many items (200; at most 40)"),
    (["test-clam", "test-lift", "test-clam"], "p.yaml:2:39: exercises[2]: 'test-clam' is listed twice (remove one, or give each a different side)"),
    (["test-clamm"], "p.yaml:2:13: exercises[0].id: no exercise with the id 'test-clamm' (did you mean 'test-clam'?)"),
    (["../../etc/passwd"], "p.yaml:2:13: exercises[0]: '../../etc/passwd' is not a valid id (use lower-case letters, digits and dashes, like 'side-plank')"),
], ids=["none", "200", "twice", "unknown", "path-as-id"])
def test_bad_exercise_lists(work, lib, exercises, expected) -> None:
    write(work, "p.yaml", f"title: Hips\nexercises: {json.dumps(exercises)}\n")
    refused(cli(*build_args(lib, "p.yaml")), work, expected)


@pytest.mark.parametrize("dosage, expected", [
    ({"sets": 0}, ["sets: must be at least 1 (not 0)"]),
    ({"reps": -5, "rest_seconds": -1}, ["reps: must be at least 1 (not -5)", "rest_seconds: must be at least 0 (not -1)"]),
    ({"reps": 10_000}, ["reps: must be at most 100 (not 10000)"]),
    ({"hold_seconds": 10 ** 30}, ["hold_seconds: must be at most 300 (not 1000000000000000000000000000000)"]),
    ({"days_per_week": 8, "times_per_day": 0}, ["times_per_day: must be at least 1 (not 0)", "days_per_week: must be at most 7 (not 8)"]),
])
def test_impossible_dosage(work, lib, dosage, expected) -> None:
    program = dump(work, "p.yaml", {"title": "Hips", "exercises": [{"id": "test-clam", "dosage": dosage}]})
    lines = refused(cli(*build_args(lib, str(program))), work)
    assert sorted(line.split(": ", 2)[1:] for line in lines) == sorted(
        [f"exercises[0].dosage.{want.split(':')[0]}", want.split(": ", 1)[1]] for want in expected)


def test_the_largest_dosage_allowed_builds(work, lib) -> None:
    dosage = {"sets": 10, "reps": 100, "hold_seconds": 300, "rest_seconds": 600, "times_per_day": 6, "days_per_week": 7}
    program = dump(work, "p.yaml", {"title": "Hips", "exercises": [{"id": "test-clam", "dosage": dosage, "side": "left"}]})
    built(cli(*build_args(lib, str(program))), work / "out.pdf", "100 times in a row, 10 sets", "6 times a day, every day", "Your left leg only.")


def test_a_pose_arrow_offset_of_infinity_is_refused_not_drawn_as_nan(work, lib) -> None:
    pose = (ROOT / "images" / "poses" / "side-lying-abduction-hold.yaml").read_text(encoding="utf-8")
    assert "offset: [0.1, 0.12]" in pose
    write(work, "mine.yaml", pose.replace("offset: [0.1, 0.12]", "offset: [.inf, 0.12]"))
    program = dump(work, "p.yaml", {"title": "Hips", "exercises": [{"id": "test-clam", "illustration": {"pose": "mine.yaml"}}]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{work / 'mine.yaml'}:{where(work / 'mine.yaml', '.inf')}: arrows[1].offset[0]: must be an ordinary number, not .inf (write digits, such as 0.5)")


@pytest.mark.parametrize("parts, expected", [
    ("[[]]", "18: references[0].issued.date-parts[0]: needs at least 1 item(s), has 0"),
    ("[]", "17: references[0].issued.date-parts: needs at least 1 item(s), has 0"),
    ("[[20260]]", "19: references[0].issued.date-parts[0][0]: must be at most 9999 (not 20260)"),
])
def test_a_reference_date_with_no_year_is_one_line_not_a_traceback(work, parts, expected) -> None:
    lib = work / "lib"
    dump(lib, "test-clam.yaml", exercise())
    write(lib, "refs.yaml", f"references:\n- id: burnet2009\n  title: A study\n  issued:\n    date-parts: {parts}\n")
    refused(cli(*build_args(lib, "-e", "test-clam")), work, f"{lib / 'refs.yaml'}:5:{expected}")


def test_a_template_file_named_in_a_program_is_looked_up_beside_the_program(work, lib) -> None:
    standard = (ROOT / "templates" / "standard.yaml").read_text(encoding="utf-8")
    write(work, "t.yaml", standard.replace("name: standard", "name: the-working-folder-s"))  # never to be used
    program = write(work, "sub/p.yaml", "title: Hips\ntemplate: t.yaml\nexercises: [test-clam]\n")
    refused(cli(*build_args(lib, "sub/p.yaml")), work, "sub/p.yaml:2:11: template: sub/t.yaml: template file not found")
    write(work, "sub/t.yaml", standard.replace("body: 12 ", "body: 1_2 "))  # the one beside the program is read
    [line] = refused(cli(*build_args(lib, "sub/p.yaml")), work)
    assert line.startswith("sub/t.yaml:") and ": type_pt.body: '1_2' is read by YAML as 12" in line
    write(work, "sub/t.yaml", standard.replace("paper: a4", "paper: letter"))
    built(cli(*build_args(lib, str(program))), work / "out.pdf")
    from pypdf import PdfReader

    assert [round(float(v)) for v in PdfReader(work / "out.pdf").pages[0].mediabox[2:]] == [612, 792]  # letter: sub/t.yaml's
    (work / "out.pdf").unlink()
    refused(cli(*build_args(lib, "-e", "test-clam", "--template", "standart")), work,
            "no template named 'standart' (did you mean 'standard'?)")


# ============================================================================ pictures


def picture_program(folder: Path, *names: str, logo: str | None = None) -> Path:
    """A program that gives its exercise its own pictures (names relative to the program)."""
    data: dict = {"title": "Hips"}
    if logo:
        data["clinic"] = {"name": "Clinic", "logo": logo}
    data["exercises"] = [{"id": "test-clam", "illustration": {"pictures": list(names), "caption": "Our own picture"}}]
    return dump(folder, "p.yaml", data)


PICTURE = ("exercises", 0, "illustration", "pictures", 0)


def place(path: Path, field: tuple) -> str:
    """'LINE:COLUMN' of a field of a YAML file, as error messages count them."""
    return ":".join(map(str, yamlio.read_yaml(path).where(field)))


def png_header_only(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IEND", b"")


def cut_jpeg(path: Path) -> None:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (300, 200), bytes(range(256)) * 703 + bytes(72)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    Image.open(path).verify()  # Pillow's own check does not notice


def save_as(fmt: str):
    return lambda path: Image.new("RGB", (40, 30), (200, 40, 40)).save(path, fmt)


UNSUPPORTED = "PNG, JPEG, WebP, TIFF or GIF"
REFUSED_PICTURES = [
    ("x.bmp", save_as("BMP"), "BMP pictures are not supported (save it as PNG)"),
    ("x.svg", lambda p: p.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>'), "SVG is not supported: export it as PNG"),
    ("x.png", lambda p: p.write_bytes(b""), "the file is empty (save the picture again from the original)"),
    ("notes.png", lambda p: p.write_text("just some text\n"), f"this is a text file, not a picture (name a {UNSUPPORTED} file)"),
    ("x.heic", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64)),
     "HEIC photos are not supported (export it as JPEG, e.g. set the phone camera to 'Most Compatible')"),
    ("x.avif", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypavif" + bytes(64)), f"AVIF pictures are not supported (save it as {UNSUPPORTED})"),
    ("x.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n"), "this is a PDF, not a picture (export the page as PNG)"),
    ("x.psd", lambda p: p.write_bytes(b"8BPS\x00\x01" + bytes(64)), "Photoshop files are not supported (export it as PNG or JPEG)"),
    ("x.pcx", save_as("PCX"), f"this is not a picture Handouts can read (save it as {UNSUPPORTED})"),
    ("x.ico", save_as("ICO"), f"this is not a picture Handouts can read (save it as {UNSUPPORTED})"),
    ("cut.jpg", cut_jpeg, "the picture is cut off or damaged (save it again from the original)"),
    ("broken.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40)), "the picture is cut off or damaged (save it again from the original)"),
    ("bomb.png", lambda p: p.write_bytes(png_header_only(100_000, 100_000)),
     "the picture has too many pixels to open safely (save a smaller copy, e.g. 3000 pixels wide)"),
    ("big.png", lambda p: p.write_bytes(png_header_only(9_000, 8_000)),
     "the picture is 9000x8000 pixels, over the 67 megapixel limit (save a smaller copy, e.g. 3000 pixels wide)"),
    ("huge.jpg", lambda p: os.truncate(os.open(p, os.O_CREAT | os.O_WRONLY), 51 * 1024 * 1024),  # sparse: nothing written
     "the file is 51 MB, over the 50 MB limit (save a smaller copy, e.g. 3000 pixels wide)"),
    ("folder.png", lambda p: p.mkdir(), "this is a folder, not a picture (name a picture file in it)"),
]


@pytest.mark.parametrize("name, make, message", REFUSED_PICTURES, ids=[case[0] for case in REFUSED_PICTURES])
def test_every_kind_of_picture_the_tool_refuses(work, lib, name, make, message) -> None:
    make(work / name)
    program = picture_program(work, name)
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:{place(program, PICTURE)}: exercises[0].illustration.pictures[0]: {work / name}: {message}", keep=("x.pdf",))


@pytest.mark.parametrize("name, message", [
    ("missing.png", "picture 'missing.png' not found (looked for {work}/missing.png; check the spelling)"),
    ("https://example.org/a.png", "picture 'https://example.org/a.png' is a web address (download the picture and name the file instead)"),
    ("../../etc/passwd", "picture '../../etc/passwd' is outside the allowed folder {work} (copy the picture into the folder of the YAML file or below it)"),
    ("/dev/zero", "picture '/dev/zero' is outside the allowed folder {work} (copy the picture into the folder of the YAML file or below it)"),
    ("zero-link.png", "picture 'zero-link.png' is outside the allowed folder {work} (copy the picture into the folder of the YAML file or below it)"),
    ("outside-link.png", "picture 'outside-link.png' is outside the allowed folder {work} (copy the picture into the folder of the YAML file or below it)"),
    ("a\x00b.png", "picture 'a\\x00b.png': the name contains a NUL character"),
    ("loop.png", "picture 'loop.png' cannot be followed (is it a broken or looping link?)"),
    ("ghost.png", "picture 'ghost.png' not found (looked for {work}/nothing-here.png; check the spelling)"),
])
def test_picture_names_that_leave_the_folder_or_name_no_file(work, lib, tmp_path_factory, name, message) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    Image.new("RGB", (10, 10)).save(outside)
    (work / "zero-link.png").symlink_to("/dev/zero")
    (work / "outside-link.png").symlink_to(outside)
    (work / "loop.png").symlink_to(work / "loop.png")
    (work / "ghost.png").symlink_to(work / "nothing-here.png")
    program = picture_program(work, name)
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:{place(program, PICTURE)}: exercises[0].illustration.pictures[0]: {message.format(work=work)}")


def test_a_fifo_named_as_a_picture_or_a_file_never_hangs(work, lib) -> None:
    os.mkfifo(work / "pipe.png")
    os.mkfifo(work / "pipe.yaml")
    program = picture_program(work, "pipe.png")
    started = time.monotonic()
    refused(sub(*build_args(lib, str(program)), cwd=work, timeout=20), work,
            f"{program}:{place(program, PICTURE)}: exercises[0].illustration.pictures[0]: {work / 'pipe.png'}: "
            "this is not an ordinary file (name a picture file instead)")
    refused(sub(*build_args(lib, str(program), "--clinic", "pipe.yaml"), cwd=work, timeout=20), work,
            "pipe.yaml: is not an ordinary file (name a YAML file)")
    refused(sub(*build_args(lib, "pipe.yaml"), cwd=work, timeout=20), work, "pipe.yaml: is not an ordinary file (name a YAML file)")
    refused(cli(*build_args(lib, "-e", "test-clam", "--clinic", "/dev/zero")), work, "/dev/zero: is not an ordinary file (name a YAML file)")
    assert time.monotonic() - started < 30


def test_a_logo_outside_the_folder_is_refused(work, lib) -> None:
    program = dump(work, "p.yaml", {"title": "Hips", "clinic": {"name": "Clinic", "logo": "../../../etc/passwd"}, "exercises": ["test-clam"]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:{place(program, ('clinic', 'logo'))}: clinic.logo: picture '../../../etc/passwd' is outside the allowed folder {work} "
            "(copy the picture into the folder of the YAML file or below it)")


def test_a_picture_or_logo_error_names_the_file_line_and_field_that_named_it(work, tmp_path_factory) -> None:
    lib = work / "lib"
    entry = dump(lib, "test-clam.yaml", exercise(illustration={"pictures": ["start.png", "missing.png"], "caption": "Start."}))
    Image.new("RGB", (40, 30)).save(lib / "start.png")
    refused(cli(*build_args(lib, "-e", "test-clam")), work,
            f"{entry}:{place(entry, ('illustration', 'pictures', 1))}: illustration.pictures[1]: picture 'missing.png' not found "
            f"(looked for {lib / 'missing.png'}; check the spelling)")
    dump(lib, "test-clam.yaml", exercise())
    write(work, "clinic.yaml", "name: Riverside Physiotherapy\nlogo: logo.png\n")
    (work / "logo.png").write_bytes(b"")
    refused(cli(*build_args(lib, "-e", "test-clam", "--clinic", "clinic.yaml")), work,
            f"clinic.yaml:2:7: logo: {work / 'logo.png'}: the file is empty (save the picture again from the original)")
    outside = tmp_path_factory.mktemp("elsewhere") / "pose.yaml"
    outside.write_text((ROOT / "images" / "poses" / "clamshell.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (work / "sub").mkdir()
    (work / "sub" / "pose.yaml").symlink_to(outside)
    program = dump(work / "sub", "p.yaml", {"title": "Hips", "exercises": [{"id": "test-clam", "illustration": {"pose": "pose.yaml"}}]})
    refused(cli(*build_args(lib, str(program))), work,
            f"{program}:{place(program, ('exercises', 0, 'illustration', 'pose'))}: exercises[0].illustration.pose: picture 'pose.yaml' "
            f"is outside the allowed folder {work / 'sub'} (copy the picture into the folder of the YAML file or below it)")


def pdf_images(pdf: Path) -> list[Image.Image]:
    from pypdf import PdfReader

    return [image.image for page in PdfReader(pdf).pages for image in page.images]


def test_a_16_bit_png_prints_grey_not_white(work, lib) -> None:
    Image.new("I;16", (120, 90), 24_000).save(work / "grey16.png")  # 37 % grey
    built(cli(*build_args(lib, str(picture_program(work, "grey16.png")))), work / "out.pdf", "1. Test clam")
    [image] = pdf_images(work / "out.pdf")
    from PIL import ImageStat

    mean = ImageStat.Stat(image.convert("L")).mean[0]
    assert 80 < mean < 110, mean


def test_a_phone_photo_s_gps_position_and_camera_serial_stay_out_of_the_pdf(work, lib) -> None:
    serial, place = "SN-7F3A9Q2Z-HOSTILE", "GPS-NEAR-PATIENT-HOME"
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone " + serial  # Make, Model
    exif.get_ifd(0x8769)[0xA431] = serial  # BodySerialNumber
    # (a whole dictionary: Pillow before 11 saved no GPS block filled in through get_ifd)
    exif[0x8825] = {0x0001: "N", 0x0002: (51.0, 30.0, 12.5), 0x0003: "W", 0x0004: (0.0, 7.0, 39.0),
                    0x001B: place}  # GPSProcessingMethod
    Image.frombytes("RGB", (300, 200), bytes(range(256)) * 703 + bytes(72)).save(work / "phone.jpg", "JPEG", exif=exif, comment=serial)
    assert serial.encode() in (work / "phone.jpg").read_bytes() and place.encode() in (work / "phone.jpg").read_bytes()
    built(cli(*build_args(lib, str(picture_program(work, "phone.jpg")))), work / "out.pdf", "1. Test clam")
    data = (work / "out.pdf").read_bytes()
    for secret in (serial, place, "PhoneMaker"):
        assert secret.encode() not in data and secret.encode("utf-16-be") not in data, secret
    assert b"Exif\x00\x00" not in data
    [image] = pdf_images(work / "out.pdf")
    assert not image.getexif()


# ============================================================================ files and paths


def test_output_folder_missing_and_output_that_is_a_folder(work, lib) -> None:
    refused(cli(*build_args(lib, "-e", "test-clam", out="nope/out.pdf")), work,
            "nope/out.pdf: the folder nope does not exist (create it first)")
    (work / "folder.pdf").mkdir()
    refused(cli(*build_args(lib, "-e", "test-clam", out="folder.pdf")), work,
            "folder.pdf: is a folder (give a file name such as folder.pdf/handout.pdf)")


def test_output_that_is_a_pipe_or_a_link_to_a_device_is_refused(work, lib) -> None:
    os.mkfifo(work / "pipe.pdf")
    (work / "null.pdf").symlink_to("/dev/null")
    refused(sub(*build_args(lib, "-e", "test-clam", out="pipe.pdf"), cwd=work, timeout=20), work,
            "pipe.pdf: is a device or pipe, not a file (give a file name such as handout.pdf)")
    refused(cli(*build_args(lib, "-e", "test-clam", out="null.pdf")), work,
            "null.pdf: is a device or pipe, not a file (give a file name such as handout.pdf)")
    assert stat.S_ISFIFO((work / "pipe.pdf").stat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_that_is_a_link_to_a_file_elsewhere_leaves_that_file_alone(work, lib, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "important.txt"
    elsewhere.write_text("keep me")
    (work / "out.pdf").symlink_to(elsewhere)
    built(cli(*build_args(lib, "-e", "test-clam")), work / "out.pdf")
    assert elsewhere.read_text() == "keep me" and not (work / "out.pdf").is_symlink()


def test_an_existing_pdf_stays_intact_when_a_build_fails(work, lib) -> None:
    (work / "old.pdf").write_bytes(b"%PDF-1.4 the handout printed last week")
    write(work, "p.yaml", "title: Hips\nexercises: [test-clam, no-such-exercise]\n")
    refused(sub(*build_args(lib, "p.yaml", out="old.pdf"), cwd=work), work,
            "p.yaml:2:24: exercises[1].id: no exercise with the id 'no-such-exercise' (check the spelling)")
    assert (work / "old.pdf").read_bytes() == b"%PDF-1.4 the handout printed last week"
    assert sorted(p.name for p in work.iterdir()) == ["old.pdf", "p.yaml"]


def test_the_temporary_file_is_made_in_the_destination_folder_private_and_unpredictable(work, lib, monkeypatch) -> None:
    renamed: list[tuple[Path, int]] = []
    real = os.replace

    def spy(source, destination):
        renamed.append((Path(source), stat.S_IMODE(os.lstat(source).st_mode)))
        return real(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    (work / "printed").mkdir()
    for _ in range(2):
        built(cli(*build_args(lib, "-e", "test-clam", out="printed/ana.pdf")), work / "printed" / "ana.pdf")
    assert [p.parent.resolve() for p, _ in renamed] == [(work / "printed").resolve()] * 2
    (first, mode), (second, _) = renamed
    assert mode == 0o600  # private until it is in place
    assert re.fullmatch(rf"\.ana\.pdf\.{os.getpid()}-[0-9a-f]{{16}}\.part", first.name) and first.name != second.name
    assert not first.exists() and not second.exists()
    assert stat.S_IMODE((work / "printed" / "ana.pdf").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


LONG_NAME = "é" * 130  # 260 bytes in UTF-8: more than one file name may hold
LONG_PATH = "/".join(["d" * 200] * 25)  # 5,024 characters: more than a path may hold
TOO_LONG = "cannot be read (File name too long)"


@pytest.mark.parametrize("args, expected", [
    (["build", f"{LONG_NAME}.yaml", "-o", "out.pdf"], f"{LONG_NAME}.yaml: {TOO_LONG}"),
    (["build", f"{LONG_PATH}/p.yaml", "-o", "out.pdf"], f"{LONG_PATH}/p.yaml: {TOO_LONG}"),
    (["build", "-e", "test-clam", "-o", f"{LONG_NAME}.pdf"], f"{LONG_NAME}.pdf: the file name is longer than 255 bytes (give a shorter name)"),
    (["build", "-e", "test-clam", "-o", f"{LONG_PATH}/out.pdf"], f"{LONG_PATH}/out.pdf: cannot be written (File name too long)"),
    (["build", "-e", "test-clam", "--out-dir", LONG_PATH], f"{LONG_PATH}: cannot create the folder (File name too long)"),
    (["build", "-e", "test-clam", "--clinic", f"{LONG_NAME}.yaml", "-o", "out.pdf"], f"{LONG_NAME}.yaml: cannot read: File name too long"),
    (["build", "-e", "test-clam", "--template", f"{LONG_NAME}.yaml", "-o", "out.pdf"], f"{LONG_NAME}.yaml: {TOO_LONG}"),
    (["check", f"{LONG_NAME}.yaml"], f"{LONG_NAME}.yaml: {TOO_LONG}"),
    (["check", LONG_PATH], f"{LONG_PATH}: {TOO_LONG}"),
    (["list", "--library", LONG_PATH], f"{LONG_PATH}: {TOO_LONG}"),
    (["show", "test-clam", "--library", f"LIB/{LONG_NAME}"], f"LIB/{LONG_NAME}: {TOO_LONG}"),
    (["illustrate", "clamshell", "-o", f"{LONG_NAME}.png"], f"{LONG_NAME}.png: the file name is longer than 255 bytes (give a shorter name)"),
], ids=["program-name", "program-path", "output-name", "output-path", "out-dir", "clinic", "template", "check-name",
        "check-path", "library-path", "library-name", "illustrate-name"])
def test_names_and_paths_the_file_system_refuses_are_one_line(work, lib, args, expected) -> None:
    args = [arg.replace("LIB", str(lib)) for arg in args]
    refused(cli(*args, *(["--library", str(lib)] if args[0] == "build" else [])), work, expected.replace("LIB", str(lib)))


def test_a_program_whose_pdf_name_would_be_too_long_is_one_line_and_the_rest_is_built(work, lib) -> None:
    name = "p" * 253  # a program file without a suffix: fine; its PDF, NAME.pdf, is 257 bytes
    write(work, name, "title: Hips\nexercises: [test-clam]\n")
    write(work, "ana.yaml", "title: Hips\nexercises: [test-clam]\n")
    outcome = sub("build", name, "ana.yaml", "--library", str(lib), "--out-dir", "out", cwd=work)
    assert outcome.code == 1 and outcome.out == f"Wrote {Path('out') / 'ana.pdf'}\n" and "Traceback" not in outcome.err
    assert outcome.err.splitlines()[-1] == f"Error: out/{name}.pdf: the file name is longer than 255 bytes (give a shorter name)"


def test_an_output_the_system_cannot_write_is_one_line(work, lib) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "handouts", *build_args(lib, "-e", "test-clam")], cwd=work, env=_env(),
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=30)
        assert (done.returncode, done.stderr.splitlines()[-1]) == (1, "Error: cannot write the output (No space left on device)")
        assert "Traceback" not in done.stderr and (work / "out.pdf").is_file()  # the PDF was written; the message could not be
        done = subprocess.run([sys.executable, "-m", "handouts", "list"], cwd=work, env=_env(), stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=30)
        assert (done.returncode, done.stderr) == (1, "Error: cannot write the output (No space left on device)\n")


@pytest.mark.parametrize("width", ["nan", "inf", "-inf", "NaN"])
def test_a_picture_width_that_is_not_a_number_is_refused(work, width) -> None:
    outcome = cli("illustrate", "clamshell", "-o", "clam.png", "--width-mm", width)
    assert outcome.code == 2 and "Traceback" not in outcome.err and not (work / "clam.png").exists()
    assert outcome.err.splitlines()[-1] in (f"Error: Invalid value for '--width-mm': {width!r} is not a number in the range 40<=x<=100.",
                                            f"Error: Invalid value for '--width-mm': {width} is not in the range 40<=x<=100.")


def _file_size_limit() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so that write() fails with EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))


def test_disk_full_while_writing_leaves_the_old_pdf_and_no_temporary(work, lib) -> None:
    (work / "old.pdf").write_bytes(b"old")
    refused(sub(*build_args(lib, "-e", "test-clam", out="old.pdf"), cwd=work, preexec_fn=_file_size_limit), work,
            "old.pdf: could not write the PDF (File too large)")
    assert (work / "old.pdf").read_bytes() == b"old"
    assert sorted(p.name for p in work.iterdir()) == ["old.pdf"]


def test_no_space_left_on_device_in_process(work, lib, monkeypatch) -> None:
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    refused(cli(*build_args(lib, "-e", "test-clam")), work, "out.pdf: could not write the PDF (No space left on device)")
    assert list(work.iterdir()) == []


def _run_as_nobody(args: list[str], cwd: Path) -> Outcome:
    """As root (which writes anywhere) the build runs as `nobody`. The interpreter under
    /root is out of that user's reach, so this process forks, with everything imported
    and the fonts loaded, rather than starting Python anew."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.chdir(cwd)
            result = CliRunner().invoke(main, args)
            crash = None if result.exception is None or isinstance(result.exception, SystemExit) else repr(result.exception)
            payload = {"code": result.exit_code, "out": result.stdout, "err": result.stderr, "crash": crash}
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            payload = {"code": -1, "out": "", "err": "", "crash": repr(error)}
        data = json.dumps(payload).encode()
        while data:
            data = data[os.write(write_end, data):]
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = json.loads(pipe.read() or b'{"code": -1, "out": "", "err": "", "crash": "no answer"}')
    os.waitpid(pid, 0)
    if payload["crash"] and "PermissionError" in payload["crash"] and "read-only" not in payload["crash"]:
        pytest.skip(f"nobody cannot read what the build needs here: {payload['crash']}")
    assert payload["crash"] is None, payload["crash"]
    return Outcome(payload["code"], payload["out"], payload["err"])


def test_a_read_only_folder_as_a_user_who_cannot_write_there(lib) -> None:
    base = Path(tempfile.mkdtemp(prefix="handouts-ro-"))  # outside pytest's private folder: nobody must read it
    try:
        base.chmod(0o755)
        library = base / "lib"
        shutil.copytree(lib, library)
        for path in [library, *library.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        readonly = base / "read-only"
        readonly.mkdir(mode=0o555)
        readonly.chmod(0o555)
        args = ["build", "-e", "test-clam", "--library", str(library), "--date", DATE, "-o", str(readonly / "out.pdf")]
        if os.geteuid() == 0:
            if not hasattr(os, "fork"):
                pytest.skip("no fork here to become an ordinary user")
            Builder((library,)).pdf(Request(exercises=("test-clam",)))  # warm up: imports and fonts
            CliRunner().invoke(main, ["build", "-e", "test-clam", "--library", str(library), "-o", str(base / "warm.pdf")])
            (base / "warm.pdf").unlink()
            outcome = _run_as_nobody(args, base)
        else:
            outcome = sub(*args, cwd=base)
        refused(outcome, base, f"{readonly / 'out.pdf'}: cannot write in {readonly} (Permission denied)")
        assert list(readonly.iterdir()) == []
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)


# ============================================================================ the console


def test_a_c_locale_terminal_with_a_patient_s_name(work, lib) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
           "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "HOME": str(work)}
    write(work, "Ольга.yaml", "title: Hips\npatient: Ольга Петрова\nexercises: [test-clam]\n")
    outcome = sub("build", "Ольга.yaml", "--library", str(lib), "--date", DATE, "--out-dir", ".", cwd=work, env=env)
    built(outcome, work / "Ольга.pdf", "For: Ольга Петрова")
    assert outcome.out in ("Wrote Ольга.pdf\n", "Wrote ?????.pdf\n", "Wrote " + "?" * 10 + ".pdf\n")
    # the name typed on the command line reaches the handout intact
    outcome = sub(*build_args(lib, "-e", "test-clam", "--patient", "Ольга Петрова", out="Ольга-2.pdf"), cwd=work, env=env)
    built(outcome, work / "Ольга-2.pdf", "For: Ольга Петрова")
    # and errors that quote the name are one line, not a crash
    write(work, "bad.yaml", "title: Hips\nexercises: [Ольга]\n")
    (work / "Ольга.pdf").unlink()
    (work / "Ольга-2.pdf").unlink()
    # (Click writes the name as UTF-8 bytes or as '?', depending on where it came from: either is fine)
    [line] = refused(sub(*build_args(lib, "bad.yaml", out="bad.pdf"), cwd=work, env=env), work)
    assert line in (f"bad.yaml:2:13: exercises[0]: '{name}' is not a valid id (use lower-case letters, digits and dashes, like 'side-plank')"
                    for name in ("Ольга", "?????", "?" * 10))
    write(work, "Ольга-bad.yaml", "title: Hips\nexercises: [test-clamm]\n")
    [line] = refused(sub(*build_args(lib, "Ольга-bad.yaml", out="bad.pdf"), cwd=work, env=env), work)
    assert line in (f"{name}-bad.yaml:2:13: exercises[0].id: no exercise with the id 'test-clamm' (did you mean 'test-clam'?)"
                    for name in ("Ольга", "?????", "?" * 10))


def test_a_patient_option_in_another_encoding_is_refused_not_dropped(work, lib) -> None:
    env = {**_env(), "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}
    outcome = sub(*build_args(lib, "-e", "test-clam", "--patient", os.fsdecode(b"Jos\xe9")), cwd=work, env=env)
    refused(outcome, work, "command line: --patient: is not UTF-8 text (set the terminal to UTF-8, or write the name in the program file)")


# ============================================================================ properties


IDS = ["test-clam", "test-lift", "test-bridge", "test-squat"]
SIDES = {None: "{sets} sets with each leg.", "left": "Your left leg only.", "right": "Your right leg only.",
         "both": "Both legs at the same time.", "each": "{sets} sets with each leg."}


@pytest.fixture(scope="module")
def builder(lib) -> Builder:
    return Builder((lib,))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _printable_letters() -> list[str]:
    from handouts.page.fonts import fallback, fonts

    codes = fonts().primary | fallback()
    return sorted(chr(c) for c in codes if c > 32 and unicodedata.category(chr(c))[0] in "LNPSZ")


PRINTABLE = _printable_letters()
TEXTS = (st.text(alphabet=st.sampled_from(PRINTABLE + [" ", "\n", "\t", "\u200b", "\u00ad", "\r"]), min_size=1, max_size=80)
         | st.text(min_size=1, max_size=40))


def as_printed(text: str) -> str:
    """What the tool documents it prints: control and format characters dropped, tabs as
    spaces, white space compared collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return squash("".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn")))


def dose(draw_sets: int | None, draw_reps: int | None) -> str:
    sets, reps = draw_sets or 3, draw_reps or 12  # the fixture's own dose where none is given
    times = "1 time" if reps == 1 else f"{reps} times"
    return times if sets == 1 else f"{times} in a row, {sets} sets"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picked=st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(list(SIDES)), st.none() | st.integers(1, 10),
                                 st.none() | st.integers(1, 100), st.none() | st.integers(0, 600)),
                       min_size=1, max_size=4, unique_by=lambda item: item[0]))
def test_random_valid_programs_always_print(builder, scratch, picked) -> None:
    items = []
    for id, side, sets, reps, rest in picked:
        item: dict = {"id": id}
        if side:
            item["side"] = side
        dosage = {k: v for k, v in (("sets", sets), ("reps", reps), ("rest_seconds", rest)) if v is not None}
        if dosage:
            item["dosage"] = dosage
        items.append(item)
    program = dump(scratch, "random.yaml", {"title": "Random programme", "exercises": items})
    got = squash(pdf_text(builder.pdf(Request(program=str(program), date=dt.date(2026, 11, 21)))))
    assert f"Your exercises: {len(items)} exercise" in got
    position = 0
    for number, (id, side, sets, reps, _) in enumerate(picked, start=1):
        title = f"{number}. Test {id.removeprefix('test-')}"
        position = got.index(title, position)  # the cards in the order given
        assert dose(sets, reps) in got[position:]
        one_set = sets == 1  # (the fixture's entries give 3 sets when the program does not say)
        assert (SIDES[side].format(sets=sets or 3) if not (one_set and "{sets}" in SIDES[side]) else "Each leg does them all.") in got[position:]


def _assert_clear_error(error: HandoutsError, field: str) -> None:
    lines = error.lines()
    assert lines and all("\n" not in line and field in line for line in lines), lines


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_random_text_in_a_note_prints_or_is_refused_clearly(builder, scratch, text) -> None:
    dumped = yaml.safe_dump({"title": "Hips", "exercises": ["test-clam"], "note": text}, allow_unicode=True)
    (scratch / "note.yaml").write_text(dumped, encoding="utf-8")
    text = yaml.safe_load(dumped)["note"]  # YAML's own reading of line breaks is not the tool's business
    try:
        data = builder.pdf(Request(program=str(scratch / "note.yaml"), date=dt.date(2026, 11, 21)))
    except HandoutsError as error:
        _assert_clear_error(error, "note")
        return
    assert as_printed(text) in squash(pdf_text(data))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_random_text_as_the_patient_prints_or_is_refused_clearly(builder, text) -> None:
    try:
        data = builder.pdf(Request(exercises=("test-clam",), patient=text, date=dt.date(2026, 11, 21)))
    except HandoutsError as error:
        _assert_clear_error(error, "--patient")
        return
    assert f"For: {as_printed(text)}".strip() in squash(pdf_text(data))
