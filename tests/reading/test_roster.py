"""Reading a clinic's day from a CSV as spreadsheets save it: reading.roster."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from handouts.errors import InvalidInput
from handouts.reading.resources import bundled
from handouts.reading.roster import MAX_ROWS, letter, read_roster

EARLY = str(bundled("programs") / "early-stage.yaml")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a roster is named as typed: day.csv


def roster(folder: Path, text: str | bytes, name: str = "day.csv") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return Path(os.path.relpath(path))


def lines_of(found) -> list[str]:
    return [str(problem) for _, problems in found.refused for problem in problems]


def test_a_spreadsheet_s_csv_utf8_with_bom_semicolons_and_quoted_cells(tmp_path) -> None:
    text = ('\ufeffPatient;Program;Date;Review;Note\r\n'
            '"Núñez; Ana María";early-stage;2026-11-21;2026-12-05;"Line one\r\nline ""two"", with a comma"\r\n'
            'Ben Okafor;middle-stage;;;\r\n')
    found = read_roster(roster(tmp_path, text))
    assert found.refused == ()
    ana, ben = found.rows
    assert (ana.number, ana.patient, ana.program) == (2, "Núñez; Ana María", EARLY)
    assert (ana.date, ana.review) == (dt.date(2026, 11, 21), dt.date(2026, 12, 5))
    assert ana.note == 'Line one\nline "two", with a comma'
    assert (ben.number, ben.patient, ben.date, ben.note) == (3, "Ben Okafor", None, None)
    assert Path(ben.program).name == "middle-stage.yaml"


def test_commas_without_a_bom_and_the_header_s_names_in_any_case_with_their_aliases(tmp_path) -> None:
    text = "NAME, Programme ,Review_Date,Template,Paper,Language,Clinician,Notes,Previous-Program\n" \
           "Ana,early-stage,2026-12-05,compact,A4,ES,\"Sam Rivera, PT\",Go slowly.,early-stage\n"
    (row,) = read_roster(roster(tmp_path, text)).rows
    assert row.patient == "Ana" and row.review == dt.date(2026, 12, 5)
    assert Path(row.layout).name == "compact.yaml" and row.paper == "a4" and row.language == "es"
    assert row.clinician == "Sam Rivera, PT" and row.note == "Go slowly." and row.since == EARLY


def test_the_separator_is_the_one_the_header_uses_whatever_the_cells_hold(tmp_path) -> None:
    comma = read_roster(roster(tmp_path, "patient,program,note\nAna,early-stage,a;b;c;d;e\n", "comma.csv"))
    assert comma.rows[0].note == "a;b;c;d;e"
    semicolon = read_roster(roster(tmp_path, '"patient";"program";"note"\nAna;early-stage;"1,5 kg, 2,5 kg, 3,5 kg"\n', "semi.csv"))
    assert semicolon.rows[0].note == "1,5 kg, 2,5 kg, 3,5 kg"


def test_programs_layouts_and_since_are_found_beside_the_roster_not_the_working_folder(tmp_path) -> None:
    folder = tmp_path / "clinic" / "monday"
    (folder / "programs").mkdir(parents=True)
    (folder / "programs" / "ana.yaml").write_text("title: Hips\nexercises: [clamshell]\n")
    (folder / "big.yaml").write_text("name: big\n")
    path = roster(folder, "patient,program,layout,since\nAna,programs/ana.yaml,big.yaml,programs/ana.yaml\n")
    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "ana.yaml").write_text("title: Not this one\nexercises: [clamshell]\n")
    (row,) = read_roster(path).rows
    assert Path(row.program) == Path("clinic/monday/programs/ana.yaml") and row.since == row.program
    assert Path(row.layout) == Path("clinic/monday/big.yaml")


def test_each_bad_row_is_named_by_its_spreadsheet_row_and_column_and_the_good_rows_are_kept(tmp_path) -> None:
    text = ("patient,program,date,review,language,paper,clinician\n"
            'Ana,early-stage,,,,,"two\nlines in one quoted cell: still row 2"\n'  # row 2, on two lines of the file
            ",,,,,,\n"  # row 3: empty, skipped
            "Ben,early-stag,21/11/2026,20261121,fr,a5,\n"  # row 4
            ",early-stage,2026-11-21,2026-11-01,,,\n"  # row 5
            "Carla,early-stage,2026-02-30,,,,\n"  # row 6
            "Dev,middle-stage,,,,LETTER,\n")  # row 7
    found = read_roster(roster(tmp_path, text))
    assert [row.number for row in found.rows] == [7]
    assert lines_of(found) == [
        "day.csv:2: clinician: holds a line break (write it on one line)",
        "day.csv:4: program: no program named 'early-stag' (did you mean 'early-stage'?)",
        "day.csv:4: date: '21/11/2026' is not a date written YYYY-MM-DD, such as 2026-11-21 "
        "(in the spreadsheet, format the column as text or as an ISO date)",
        "day.csv:4: review: '20261121' is not a date written YYYY-MM-DD, such as 2026-11-21 "
        "(in the spreadsheet, format the column as text or as an ISO date)",
        "day.csv:4: language: 'fr' has no catalogue (known: en, es)",
        "day.csv:4: paper: 'a5' is not a paper size (write a4 or letter)",
        "day.csv:5: patient: is empty (every row needs the patient's name, as it prints on the handout)",
        "day.csv:5: review: 2026-11-01 is before the row's date, 2026-11-21 (check the two dates)",
        "day.csv:6: date: '2026-02-30' is not a date written YYYY-MM-DD, such as 2026-11-21 "
        "(in the spreadsheet, format the column as text or as an ISO date)",
    ]
    assert found.rows[0].paper == "letter"


def test_a_missing_program_file_and_an_over_long_name_are_the_row_s_problems(tmp_path) -> None:
    found = read_roster(roster(tmp_path, f"patient,program\nAna,ana.yaml\n{'N' * 201},early-stage\n"))
    assert lines_of(found) == ["day.csv:2: program: ana.yaml: program file not found",
                               "day.csv:3: patient: is too long (201 characters; at most 200: shorten it)"]


def test_text_in_a_column_the_header_does_not_name_is_that_row_s_problem(tmp_path) -> None:
    found = read_roster(roster(tmp_path, "patient,program,,\nAna,early-stage,,\nBen,early-stage,,oops\nCarla,early-stage,,,,x\n"))
    assert [row.patient for row in found.rows] == ["Ana"]
    assert lines_of(found) == [
        "day.csv:3: column D: holds text, but the header row names no column here (name the column, or empty it)",
        "day.csv:4: column F: holds text, but the header row names no column here (name the column, or empty it)",
    ]


@pytest.mark.parametrize("header, expected", [
    ("patient,program,clincian", ["day.csv:1: clincian: is not a roster column (did you mean 'clinician'?)"]),
    ("patient,program,room", ["day.csv:1: room: is not a roster column (known: clinician, date, language, layout, note, "
                              "paper, patient, program, review, since)"]),
    ("Name,Patient,program", ["day.csv:1: Patient: is the patient column again (column B; column 'Name' is the patient "
                              "already: keep one)"]),
    ("patient,date", ["day.csv:1: program: the header row has no program column (name one 'program'; the columns are "
                      "patient, program, date, review, language, layout, paper, clinician, note, since)"]),
])
def test_a_header_that_names_an_unknown_repeated_or_missing_column_refuses_the_whole_roster(tmp_path, header, expected) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_roster(roster(tmp_path, f"{header}\nAna,early-stage,x\n"))
    assert caught.value.lines() == expected


@pytest.mark.parametrize("raw, expected", [
    (b"", "day.csv: is empty (its first row names the columns: patient, program, date, review, language, layout, paper, "
          "clinician, note, since)"),
    (b"patient,program\nN\xfa\xf1ez,early-stage\n", "day.csv: is not UTF-8 text (byte 0xfa on line 2; "
                                                     "save it from the spreadsheet as \"CSV UTF-8\")"),
    ("patient\tprogram\n".encode("utf-16"), "day.csv: is UTF-16 text (save it from the spreadsheet as \"CSV UTF-8\")"),
    (b"patient,program\nAna,early-stage\n\"Ben,early-stage\n", "day.csv:3: cannot be read as CSV (unexpected end of data; "
                                                              "check the quotes in this row)"),
    (b"patient,program\nAna,\"early\"stage\n", "day.csv:2: cannot be read as CSV (',' expected after '\"'; "
                                              "check the quotes in this row)"),
    (b"patient;program\r\n;\r\n", "day.csv: has no rows under its header (write one row per handout)"),
    (b"patient,program\nAna\x00,early-stage\n", "day.csv: holds a NUL character, so it is not a CSV file "
                                                "(save it from the spreadsheet as \"CSV UTF-8\")"),
])
def test_a_file_that_is_not_a_readable_csv_is_one_line(tmp_path, raw, expected) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_roster(roster(tmp_path, raw))
    assert caught.value.lines() == [expected]


def test_a_folder_or_a_missing_file_is_named_as_a_csv(tmp_path) -> None:
    (tmp_path / "day.csv").mkdir()
    with pytest.raises(InvalidInput) as caught:
        read_roster(Path("day.csv"))
    assert caught.value.lines() == ["day.csv: is a folder, not a CSV file"]
    with pytest.raises(InvalidInput) as caught:
        read_roster(Path("nope.csv"))
    assert caught.value.lines() == ["nope.csv: file not found"]


def test_a_roster_far_longer_than_a_day_is_refused(tmp_path) -> None:
    rows = "".join(f"P{n},early-stage\n" for n in range(MAX_ROWS + 1))
    with pytest.raises(InvalidInput, match=f"has more than {MAX_ROWS} rows"):
        read_roster(roster(tmp_path, "patient,program\n" + rows))


def test_empty_rows_above_the_header_and_at_the_end_are_skipped_and_counted(tmp_path) -> None:
    found = read_roster(roster(tmp_path, "\n;;\npatient;program\nAna;early-stage\n;\n;\nBen;nope\n"))
    assert [row.number for row in found.rows] == [4]
    assert lines_of(found) == ["day.csv:7: program: no program named 'nope' (known: early-stage, middle-stage, return-to-running)"]


def test_column_letters_as_a_spreadsheet_shows_them() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
