"""`handouts build --roster day.csv`: a clinic's day, one handout per row (commands.roster_build)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.commands.cli import main
from handouts.commands.file_names import handout_stem, safe_part, unique_stems

from ..helpers import pdf_text, squash

PROGRAM = "title: Hips\nclinic: {name: Riverside Physiotherapy, phone: 555-0142}\nexercises: [test-clam]\n"


@pytest.fixture
def day(tmp_path: Path, monkeypatch) -> Path:
    """A clinic folder, the working folder, with a small program beside where the rosters go."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hips.yaml").write_text(PROGRAM, encoding="utf-8")
    return tmp_path


def build(library_dir: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--library", str(library_dir), *args])


def forty_rows(folder: Path) -> tuple[Path, list[str]]:
    """40 rows, rows 9 and 30 bad (a misspelt program, a date as a spreadsheet may show it)."""
    names = [f"Patient {n:02}" for n in range(2, 42)]  # row n is Patient n
    rows = [f"{name},{'hips.yml' if n == 9 else 'hips.yaml'},{'30/11/2026' if n == 30 else '2026-11-21'}"
            for n, name in zip(range(2, 42), names)]
    path = folder / "day.csv"
    path.write_text("patient,program,date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path, names


BAD_ROWS = ["Error: day.csv:9: program: hips.yml: program file not found",
            "Error: day.csv:30: date: '30/11/2026' is not a date written YYYY-MM-DD, such as 2026-11-21 "
            "(in the spreadsheet, format the column as text or as an ISO date)"]


def test_a_40_row_roster_with_two_bad_rows_builds_38_names_both_and_shows_no_bar_off_a_terminal(day, library_dir) -> None:
    path, names = forty_rows(day)
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "printed", "--jobs", "2")
    assert result.exit_code == 1
    good = [name for n, name in zip(range(2, 42), names) if n not in (9, 30)]
    assert result.stdout.splitlines() == [f"Wrote {Path('printed') / f'{name} - hips.pdf'}" for name in good]
    assert result.stderr.splitlines() == BAD_ROWS  # no bar, no label: only the final lines
    assert sorted(p.name for p in (day / "printed").iterdir()) == sorted(f"{name} - hips.pdf" for name in good)


def test_the_same_40_rows_in_a_terminal_show_a_progress_bar_with_the_count_and_rate(day, library_dir) -> None:
    forty_rows(day)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2]), "COLUMNS": "100"}
    parent, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "handouts", "build", "--library", str(library_dir), "--roster", "day.csv",
                                "--out-dir", "printed", "--jobs", "2"], stdout=subprocess.PIPE, stderr=child, env=env, cwd=day)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # the other end closed: the process is done with its terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(parent)
    stdout = process.stdout.read().decode()
    assert process.wait(timeout=60) == 1
    terminal = seen.decode()
    assert "Building" in terminal and "\r" in terminal  # drawn again in place
    assert "38/38" in terminal and " a second" in terminal  # the count, and the rate
    assert [line for line in terminal.replace("\r", "\n").splitlines() if line.startswith("Error:")] == BAD_ROWS
    assert len(stdout.splitlines()) == 38 and len(list((day / "printed").iterdir())) == 38


def test_jobs_give_the_same_pdfs_byte_for_byte_and_the_same_lines(day, library_dir) -> None:
    rows = "".join(f"P{n},hips.yaml,2026-11-21\n" for n in range(6))
    (day / "day.csv").write_text("patient,program,date\n" + rows + "Ana María Núñez,early-stage,2026-11-21\n")
    serial = build(library_dir, "--roster", "day.csv", "--out-dir", "serial")
    parallel = build(library_dir, "--roster", "day.csv", "--out-dir", "parallel", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 0, serial.output
    assert parallel.output == serial.output.replace("serial", "parallel")
    names = sorted(p.name for p in (day / "serial").iterdir())
    assert len(names) == 7 and names == sorted(p.name for p in (day / "parallel").iterdir())
    for name in names:
        assert (day / "serial" / name).read_bytes() == (day / "parallel" / name).read_bytes()


def test_a_row_s_cells_win_over_the_options_which_fill_the_empty_ones(day, library_dir) -> None:
    (day / "day.csv").write_text("patient,program,date,paper,language\n"
                                 "Ana,hips.yaml,2026-11-21,,\n"
                                 "Ben,hips.yaml,,letter,en\n", encoding="utf-8")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out", "--date", "2026-12-01", "--paper", "a4",
                   "--language", "es", "--fallback-language", "en")
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    ana, ben = (PdfReader(day / "out" / f"{name} - hips.pdf") for name in ("Ana", "Ben"))
    ana_text, ben_text = (squash(pdf_text((day / "out" / f"{n} - hips.pdf").read_bytes())) for n in ("Ana", "Ben"))
    assert "21 de noviembre de 2026" in ana_text and "Para: Ana" in ana_text  # the row's date; the option's language
    assert "1 December 2026" in ben_text and "For: Ben" in ben_text  # the option's date; the row's language
    assert round(float(ana.pages[0].mediabox.height)) == 842  # --paper a4 where the row says nothing
    assert round(float(ben.pages[0].mediabox.height)) == 792  # the row's letter over --paper a4


def test_a_layout_cell_over_template_and_a_since_cell_beside_the_roster(day, library_dir) -> None:
    from pypdf import PdfReader

    (day / "monday").mkdir()
    (day / "monday" / "last.yaml").write_text("title: Hips\nexercises:\n  - {id: test-clam, dosage: {sets: 2}}\n")
    (day / "monday" / "day.csv").write_text("patient,program,layout,since\nAna,early-stage,,\nBen,early-stage,large-print,\n"
                                            "Carla,early-stage,standard,\nDev,../hips.yaml,,last.yaml\n")
    result = build(library_dir, "--roster", "monday/day.csv", "--out-dir", "out", "--template", "large-print")
    assert result.exit_code == 0, result.output
    pages = {name: len(PdfReader(day / "out" / f"{name} - early-stage.pdf").pages) for name in ("Ana", "Ben", "Carla")}
    assert pages["Ana"] == pages["Ben"] > pages["Carla"] == 3  # --template fills Ana's empty cell; Carla's cell wins
    dev = squash(pdf_text((day / "out" / "Dev - hips.pdf").read_bytes()))
    assert "What changed since your last visit" in dev and "was 12 times in a row, 2 sets" in dev


def test_clinician_and_note_cells_print_as_typed_never_as_markup(day, library_dir) -> None:
    (day / "day.csv").write_text('patient,program,date,review,clinician,note\n'
                                 '"Zoë <b>Ng</b> & Co",hips.yaml,2026-11-21,2026-12-05,"Sam <i>Rivera</i>, PT",'
                                 '"<font size=40 color=red>Big</font> &amp; done"\n', encoding="utf-8")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 0, result.output
    (pdf,) = (day / "out").iterdir()
    assert pdf.name == "Zoë b Ng b & Co - hips.pdf"
    text = squash(pdf_text(pdf.read_bytes()))
    assert "For: Zoë <b>Ng</b> & Co" in text and "From: Sam <i>Rivera</i>, PT" in text
    assert "<font size=40 color=red>Big</font> &amp; done" in text
    assert "Date: 21 November 2026" in text and "Next visit: 5 December 2026" in text


def test_two_rows_with_one_name_never_share_a_file_and_the_later_row_says_why(day, library_dir) -> None:
    (day / "day.csv").write_text("patient,program\nAna Ruiz,hips.yaml\nBen,hips.yaml\nANA RUIZ,hips.yaml\nAna Ruiz,hips.yaml\n")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"Wrote {Path('out') / name}" for name in (
        "Ana Ruiz - hips.pdf", "Ben - hips.pdf", "ANA RUIZ - hips (row 4).pdf", "Ana Ruiz - hips (row 5).pdf")]
    assert result.stderr.splitlines() == [
        "Note: day.csv:4: its file would have row 2's name (the same patient and program), so (row 4) is added to it",
        "Note: day.csv:5: its file would have row 2's name (the same patient and program), so (row 5) is added to it"]


def test_a_note_for_many_rows_is_said_once_with_its_rows(day, library_dir) -> None:
    (day / "bare.yaml").write_text("title: Hips\nexercises: [test-clam]\n")  # no clinic: a note for the clinician
    rows = ["bare.yaml"] * 3 + ["hips.yaml"] + ["bare.yaml"] * 2 + ["hips.yaml", "bare.yaml"]
    (day / "day.csv").write_text("patient,program\n" + "".join(f"P{n},{program}\n" for n, program in enumerate(rows)))
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Note: day.csv rows 2-4, 6-7, 9: the handout has no clinic name or phone for the patient to call "
        "(add --clinic FILE, or clinic: in the program)"]


def test_a_problem_inside_a_row_s_program_keeps_its_file_line_and_column(day, library_dir) -> None:
    (day / "bad.yaml").write_text("title: Hips\nexercises:\n  - test-clm\n")
    (day / "day.csv").write_text("patient,program\nAna,hips.yaml\nBen,bad.yaml\n")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: day.csv:3: not built:",
        "Error: bad.yaml:3:5: exercises[0].id: no exercise with the id 'test-clm' (did you mean 'test-clam'?)"]
    assert [p.name for p in (day / "out").iterdir()] == ["Ana - hips.pdf"]


def test_a_name_no_font_can_print_is_the_row_s_problem(day, library_dir) -> None:
    (day / "day.csv").write_text("patient,program,note\nAna \U0001F600,hips.yaml,\nBen,hips.yaml,Hi \u0b85\n", encoding="utf-8")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("Error: day.csv:2: patient: no font here can print ")
    assert errors[1].startswith("Error: day.csv:3: note: no font here can print ")
    assert not (day / "out").exists() or not list((day / "out").iterdir())


def test_an_unknown_column_refuses_the_day_before_anything_is_built(day, library_dir) -> None:
    (day / "day.csv").write_text("patient,program,clincian\nAna,hips.yaml,Sam\n")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out")
    assert result.exit_code == 1
    assert result.stderr == "Error: day.csv:1: clincian: is not a roster column (did you mean 'clinician'?)\n"
    assert list((day / "out").iterdir()) == []


def test_a_pdf_is_never_written_over_the_roster(day, library_dir) -> None:
    (day / "Ana - hips.pdf").write_text("patient,program\nAna,hips.yaml\nBen,hips.yaml\n")
    result = build(library_dir, "--roster", "Ana - hips.pdf")
    assert result.exit_code == 1
    assert "Error: Ana - hips.pdf: is the roster Ana - hips.pdf, which this run reads (write to another file name)" in result.stderr
    assert (day / "Ana - hips.pdf").read_text().startswith("patient,program")
    assert (day / "Ben - hips.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("extra, given", [
    (["hips.yaml"], "PROGRAM"), (["-e", "test-clam"], "-e"), (["-o", "x.pdf"], "-o"), (["--patient", "Ana"], "--patient"),
    (["--since", "hips.yaml"], "--since"),
])
def test_a_roster_with_programs_exercises_one_output_a_patient_or_since_is_a_usage_error(day, library_dir, extra, given) -> None:
    (day / "day.csv").write_text("patient,program\nAna,hips.yaml\n")
    result = build(library_dir, "--roster", "day.csv", *extra)
    assert result.exit_code == 2
    assert f"give it without {given}" in result.stderr
    assert not list(day.glob("*.pdf"))


def test_the_patient_s_name_never_reaches_the_cache(day, library_dir, tmp_path_factory, monkeypatch) -> None:
    cache = tmp_path_factory.mktemp("roster-cache")
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(cache))
    name = "Quintessa Zyxwright"
    (day / "day.csv").write_text(f"patient,program,note\n{name},hips.yaml,For {name} only\n{name},early-stage,\n")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out", "--jobs", "2")
    assert result.exit_code == 0, result.output
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files  # the cache was written (entries, grades, pictures): just not the name
    for path in files:
        data = path.read_bytes()
        for form in (name, name.upper(), "Zyxwright".lower(), name.replace(" ", "")):
            assert form.encode("utf-8") not in data and form.encode("utf-16-le") not in data, path
        assert b"day.csv" not in data and b"out" + os.sep.encode() not in data


def test_quiet_says_only_what_failed(day, library_dir) -> None:
    (day / "day.csv").write_text("patient,program\nAna,hips.yaml\nBen,nope.yaml\nCarla,hips.yaml\nAna,hips.yaml\n")
    result = build(library_dir, "--roster", "day.csv", "--out-dir", "out", "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: day.csv:3: program: nope.yaml: program file not found\n"
    assert len(list((day / "out").iterdir())) == 3


def test_json_is_one_object_per_row_holding_what_the_text_says(day, library_dir) -> None:
    (day / "bad.yaml").write_text("title: Hips\nexercises:\n  - test-clm\n")
    (day / "day.csv").write_text("patient,program,date\nAna,hips.yaml,2026-11-21\nBen,nope.yaml,21/11/2026\n"
                                 "Carla,bad.yaml,\nAna,hips.yaml,\n")
    text = build(library_dir, "--roster", "day.csv", "--out-dir", "text")
    found = build(library_dir, "--roster", "day.csv", "--out-dir", "json", "--json")
    assert found.exit_code == text.exit_code == 1
    objects = [json.loads(line) for line in found.stdout.splitlines()]
    assert [(o["row"], o["status"]) for o in objects] == [(2, "written"), (3, "failed"), (4, "failed"), (5, "written")]
    written = [f"Wrote {o['output']}" for o in objects if o["status"] == "written"]
    assert written == [line.replace("text", "json") for line in text.stdout.splitlines()]
    assert objects[3]["notes"] == ["its file would have row 2's name (the same patient and program), so (row 5) is added to it"]
    assert objects[1]["output"] is None and [(p["file"], p["line"], p["column"], p["field"]) for p in objects[1]["problems"]] == [
        ("day.csv", 3, None, "program"), ("day.csv", 3, None, "date")]
    assert objects[2]["problems"] == [{"file": "bad.yaml", "line": 3, "column": 5, "field": "exercises[0].id",
                                       "message": "no exercise with the id 'test-clm' (did you mean 'test-clam'?)",
                                       "severity": "error"}]
    said = {f"{p['file']}:{p['line']}:{p['column']}: " if p["column"] else f"{p['file']}:{p['line']}: " for o in objects
            for p in o["problems"]}
    errors = [line for line in text.stderr.splitlines() if line.startswith("Error:")]
    assert len(said) == 2 and all(any(line.startswith(f"Error: {where}") for line in errors) for where in said)
    assert found.stderr.splitlines() == errors  # the failures, as ever, on standard error; the notes are in the JSON


# ---- file names -------------------------------------------------------------------------------


def test_a_file_name_keeps_the_patient_s_letters_and_drops_what_a_file_system_refuses() -> None:
    assert handout_stem("Ana María Núñez", "early-stage", 2) == "Ana María Núñez - early-stage"
    decomposed = unicodedata.normalize("NFD", "Núñez")
    assert handout_stem(decomposed, "x", 2) == "Núñez - x"  # one form: the same name is the same file
    assert handout_stem('a/b\\c:d*e?f"g<h>i|j\x07k\u202el', "p", 2) == "a b c d e f g h i j k l - p"
    assert handout_stem("..-hidden", "p", 2) == "hidden - p"
    assert handout_stem("O'Brien, Seán (Jr.) & Co+", "p", 2) == "O'Brien, Seán (Jr.) & Co+ - p"
    assert handout_stem("李小龍", "p", 2) == "李小龍 - p" and handout_stem("Алёна", "p", 2) == "Алёна - p"
    assert handout_stem("\U0001F600 ***", "p", 7) == "row 7 - p"


@pytest.mark.parametrize("patient", ["CON", "con.", "Nul", "COM1", "lpt9", "AUX.txt", "COM¹"])
def test_a_name_windows_keeps_for_a_device_is_never_a_file_s_name(patient) -> None:
    stem = handout_stem(patient, "p", 2)
    assert stem.startswith("_") or stem.split(".")[0].strip().upper() not in {"CON", "NUL", "COM1", "LPT9", "AUX", "COM¹"}
    assert handout_stem(patient + ".x", "", 2).startswith("_")  # "CON.x - program": Windows reads "CON"


def test_a_long_name_is_cut_to_fit_any_file_system() -> None:
    stem = handout_stem("Ñ" * 300, "p" * 300, 2)
    assert len((stem + " (row 999, 99).pdf").encode("utf-8")) <= 200
    assert safe_part("é" * 80) == "é" * 50  # two bytes each, 100 bytes at most


def test_names_that_differ_only_in_case_get_the_row_added() -> None:
    assert unique_stems([(2, "Ana - p"), (3, "ana - p"), (4, "Ben - p"), (5, "Ana - p (row 6)"), (6, "Ana - p")]) == [
        ("Ana - p", None), ("ana - p (row 3)", 2), ("Ben - p", None), ("Ana - p (row 6)", None), ("Ana - p (row 6, 2)", 2)]


# ---- the README's roster ----------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]


def test_the_example_roster_builds_a_handout_per_row(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", "--roster", str(REPO / "examples" / "day.csv"), "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Ana María Núñez - early-stage.pdf", "Ben Okafor - middle-stage.pdf", "Carmen Ruiz Ortega - early-stage.pdf",
        "Dev Patel - return-to-running.pdf"]
    carmen = squash(pdf_text((tmp_path / "Carmen Ruiz Ortega - early-stage.pdf").read_bytes()))
    assert "Para: Carmen Ruiz Ortega" in carmen and "Fecha: 21 de noviembre de 2026" in carmen and "De: Lucía Gómez" in carmen


def test_the_readme_s_table_of_columns_is_the_one_the_roster_reads() -> None:
    from handouts.reading.roster import COLUMNS

    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| column | other names | what it holds |"):].split("\n\n")[0].splitlines()[2:]
    found = {}
    for line in table:
        column, aliases = (cell.strip() for cell in line.strip("|").split("|")[:2])
        found[column.strip("`")] = tuple(a.strip().strip("`") for a in aliases.split(",") if a.strip())
    assert found == COLUMNS
