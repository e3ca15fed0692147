"""A clinic's day: a roster CSV in, one checked row per handout out, with each bad row's problems.

A roster is a spreadsheet saved as CSV: a header row naming the columns, then one row
per handout, the patient's name and a program required, the rest optional (`COLUMNS`).
It is read as spreadsheets write it: UTF-8 with or without a byte-order mark, commas or
semicolons between cells, quoted cells with commas, quotes or line breaks inside.

The separator is the one the header row uses: the column names hold neither a comma nor
a semicolon, so whichever of the two the header has more of separates the cells (a
spreadsheet set up for a country that writes 1,5 saves with semicolons). csv.Sniffer
guesses from the whole sample instead, and on a small file can pick a space or a letter.

A problem with the file as a whole (not UTF-8, an unknown or missing column, quotes that
never close) refuses every row: `InvalidInput`. A problem in one row refuses that row
only, as `day.csv:ROW: column: what is wrong`, ROW as the spreadsheet numbers it (the
header is row 1). A cell's text is data: it is never read as markup or as a path other
than the program, layout and since columns, which name files beside the roster.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, NotFound, Problem
from .library import named_file
from .translations import known_languages
from .validate import suggest
from .yamlio import read_file

# Each column and the other names its header may have (compared without case, and with
# runs of spaces, dashes and underscores as one space: "Review_Date" is "review date").
COLUMNS: dict[str, tuple[str, ...]] = {
    "patient": ("name", "patient name"),
    "program": ("programme",),
    "date": (),
    "review": ("review date", "next visit"),
    "language": (),
    "layout": ("template",),
    "paper": (),
    "clinician": (),
    "note": ("notes",),
    "since": ("previous program",),
}
REQUIRED = ("patient", "program")
MAX_ROWS = 1000  # a day's handouts: far more is a file that is not a roster
ONE_LINE_MAX = 200  # as a name in a program file (models.ShortText)
NOTE_MAX = 2000  # as a note in a program file (models.Text)
_NAMES = {name: column for column, aliases in COLUMNS.items() for name in (column, *aliases)}
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Row:
    """One handout of the day, as its row asks for it; None: the row leaves it to the options."""

    number: int  # the row as the spreadsheet numbers it: the header is row 1
    patient: str
    program: str  # the program's file: beside the roster, or the bundled one of that name
    date: dt.date | None = None
    review: dt.date | None = None
    language: str | None = None
    layout: str | None = None  # a template file, found as the program is
    paper: str | None = None
    clinician: str | None = None
    note: str | None = None
    since: str | None = None  # the patient's previous program's file, found as the program is


@dataclass(frozen=True)
class Roster:
    """The good rows, in order, and the problems of each bad row, by row number."""

    file: str  # the roster as named, for messages
    rows: tuple[Row, ...]
    refused: tuple[tuple[int, tuple[Problem, ...]], ...]


def read_roster(path: Path, display: str | None = None) -> Roster:
    """The roster's rows, each checked; InvalidInput when the file as a whole cannot be used."""
    name = display or str(path)
    text = _decode(read_file(path, name, kind="CSV")[0], name)
    if not text.strip():
        raise InvalidInput([Problem(name, 0, 0, "", f"is empty (its first row names the columns: {', '.join(COLUMNS)})")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    records: list[list[str]] = []  # an empty row as []
    try:
        for record in reader:
            records.append(record if any(cell.strip() for cell in record) else [])
    except csv.Error as error:  # quotes that never close, or text after a closing quote: no row after it can be trusted
        raise InvalidInput([Problem(name, len(records) + 1, 0, "", f"cannot be read as CSV ({error}; check the quotes in this row)")]) from None
    first = next(i for i, record in enumerate(records) if record)  # the header: row 1, unless rows above it are empty
    columns = _header(records[first], name, first + 1)
    count = sum(1 for record in records[first + 1:] if record)
    if not count:
        raise InvalidInput([Problem(name, 0, 0, "", "has no rows under its header (write one row per handout)")])
    if count > MAX_ROWS:
        raise InvalidInput([Problem(name, 0, 0, "", f"has more than {MAX_ROWS} rows (a roster is one day's handouts: split it)")])
    rows, refused = [], []
    for number, record in enumerate(records[first + 1:], start=first + 2):
        if not record:
            continue  # an empty row, as spreadsheets leave at the end
        row, problems = _row(number, record, columns, name, Path(path).parent)
        if problems:
            refused.append((number, tuple(problems)))
        else:
            rows.append(row)
    return Roster(name, tuple(rows), tuple(refused))


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput([Problem(name, 0, 0, "", "is UTF-16 text (save it from the spreadsheet as \"CSV UTF-8\")")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InvalidInput([Problem(name, 0, 0, "", f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on line {line}; "
                                                    "save it from the spreadsheet as \"CSV UTF-8\")")]) from None
    if "\x00" in text:
        raise InvalidInput([Problem(name, 0, 0, "", "holds a NUL character, so it is not a CSV file (save it from the spreadsheet as \"CSV UTF-8\")")])
    return text


def _separator(text: str) -> str:
    """A semicolon when the header row has more semicolons than commas outside quotes, else a comma."""
    header = re.sub(r'"[^"]*"', "", next(line for line in text.splitlines() if line.strip()))
    return ";" if header.count(";") > header.count(",") else ","


def _key(header: str) -> str:
    return re.sub(r"[\s_-]+", " ", header.strip()).casefold()


def _header(cells: list[str], name: str, number: int) -> dict[int, str]:
    """Each named cell's index and the column it is; InvalidInput naming each unknown, repeated or missing column."""
    columns: dict[int, str] = {}
    problems = []
    for index, cell in enumerate(cells):
        key = _key(cell)
        if not key:
            continue  # an unnamed column: only a row that holds text in it is wrong
        column = _NAMES.get(key)
        if column is None:
            problems.append(Problem(name, number, 0, cell.strip(), f"is not a roster column ({suggest(key, COLUMNS)})"))
        elif column in columns.values():
            first = next(cells[i].strip() for i, c in columns.items() if c == column)
            problems.append(Problem(name, number, 0, cell.strip(), f"is the {column} column again (column {letter(index)}; "
                                                              f"column {first!r} is the {column} already: keep one)"))
        else:
            columns[index] = column
    for column in REQUIRED:
        if column not in columns.values():
            problems.append(Problem(name, number, 0, column, f"the header row has no {column} column (name one {column!r}; "
                                                        f"the columns are {', '.join(COLUMNS)})"))
    if problems:
        raise InvalidInput(problems)
    return columns


def letter(index: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _row(number: int, record: list[str], columns: dict[int, str], name: str, folder: Path) -> tuple[Row | None, list[Problem]]:
    values: dict[str, str] = {}
    problems = []
    for index, cell in enumerate(record):
        value = cell.replace("\r\n", "\n").replace("\r", "\n").strip()
        if index in columns:
            if value:
                values[columns[index]] = value
        elif value:
            problems.append(Problem(name, number, 0, f"column {letter(index)}",
                                    "holds text, but the header row names no column here (name the column, or empty it)"))
    checked: dict[str, object] = {}
    for column in COLUMNS:
        value = values.get(column)
        if value is None:
            if column in REQUIRED:
                problems.append(Problem(name, number, 0, column, f"is empty (every row needs the {column}{WHAT_TO_WRITE[column]})"))
            continue
        try:
            checked[column] = _CHECKS[column](value, folder)
        except ValueError as error:
            problems.append(Problem(name, number, 0, column, str(error)))
    date, review = checked.get("date"), checked.get("review")
    if isinstance(date, dt.date) and isinstance(review, dt.date) and review < date:
        problems.append(Problem(name, number, 0, "review", f"{review.isoformat()} is before the row's date, {date.isoformat()} "
                                                           "(check the two dates)"))
    if problems:
        return None, problems
    return Row(number, **checked), []  # type: ignore[arg-type]


WHAT_TO_WRITE = {"patient": "'s name, as it prints on the handout",
                 "program": ": a program file beside the roster, or a bundled name such as early-stage"}


def _one_line(value: str, folder: Path) -> str:
    if _LINE_BREAKS.search(value):
        raise ValueError("holds a line break (write it on one line)")
    if len(value) > ONE_LINE_MAX:
        raise ValueError(f"is too long ({len(value)} characters; at most {ONE_LINE_MAX}: shorten it)")
    return value


def _note(value: str, folder: Path) -> str:
    if len(value) > NOTE_MAX:
        raise ValueError(f"is too long ({len(value)} characters; at most {NOTE_MAX}: shorten it)")
    return value


def _date(value: str, folder: Path) -> dt.date:
    try:
        if _ISO_DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(f"{_shown(value)} is not a date written YYYY-MM-DD, such as 2026-11-21 "
                     "(in the spreadsheet, format the column as text or as an ISO date)")


def _language(value: str, folder: Path) -> str:
    if value.lower() not in known_languages():
        raise ValueError(f"{_shown(value)} has no catalogue (known: {', '.join(known_languages())})")
    return value.lower()


def _paper(value: str, folder: Path) -> str:
    if value.lower() not in ("a4", "letter"):
        raise ValueError(f"{_shown(value)} is not a paper size (write a4 or letter)")
    return value.lower()


def _file(kind: str):
    """A check that finds the file a cell names, beside the roster, or the bundled `kind` file of that name."""
    def check(value: str, folder: Path) -> str:
        try:
            return str(named_file(kind, _one_line(value, folder), folder))
        except NotFound as error:
            raise ValueError(str(error)) from None
    return check


def _shown(value: str) -> str:
    """A cell's text in a message: quoted, and cut short."""
    return repr(value if len(value) <= 40 else value[:39] + "…")


_CHECKS = {
    "patient": _one_line,
    "program": _file("programs"),
    "date": _date,
    "review": _date,
    "language": _language,
    "layout": _file("templates"),
    "paper": _paper,
    "clinician": _one_line,
    "note": _note,
    "since": _file("programs"),
}
