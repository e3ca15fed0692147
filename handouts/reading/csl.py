"""References files as real tools write them: pandoc, Zotero's Better CSL YAML, by hand.

A date comes in many forms: CSL's `{date-parts: [[2020, 3]]}` (with numbers or, from
Zotero, text), pandoc-citeproc's and Better CSL YAML's `[{year: 2020, month: 3}]`, or
an EDTF text as pandoc writes it (`2020-03`, `2020-03-15`, `2020/2021`, `2020-21` for
spring), which YAML may read as a date. `read_references` checks the file against the
models, then gives every reference its date as plain date-parts of numbers (a season
aside, or a literal text when the date is words), so that the AMA reference has one
form to print. A date that looks like digits but is not a date is a problem at its line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec

from ..errors import InvalidInput, Problem
from .reference_model import DateParts, References
from .validate import validate
from .yamlio import Document

_EDTF_DAY = re.compile(r"(?P<year>[+-]?\d{1,4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?[?~%]?")
_NUMERIC = re.compile(r"[\d\s/.?~%+-]+")  # looks like a date in numbers: refused if it is not one
EDTF_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}  # EDTF's month numbers for spring to winter
SEASONS = {13: 1, 14: 2, 15: 3, 16: 4, **EDTF_SEASONS}  # and citeproc-js', in date-parts


def read_references(document: Document) -> tuple[References, Document]:
    """The file's references, each date as date-parts; and the document as checked
    (a date YAML read as a date is its text again, so the document can be cached)."""
    document = _dates_as_text(document)
    references = validate(document, References)
    problems: list[Problem] = []
    items = []
    for i, reference in enumerate(references.references):
        try:
            items.append(msgspec.structs.replace(reference, issued=csl_date(reference.issued)))
        except ValueError as error:
            problems.append(document.problem(("references", i, "issued"), str(error)))
    if problems:
        raise InvalidInput(problems)
    return msgspec.structs.replace(references, references=items), document


def csl_date(value: Any) -> DateParts | None:
    """Any form of a CSL date as DateParts of whole numbers; ValueError says what is wrong."""
    if value is None:
        return None
    if isinstance(value, int):
        return DateParts(date_parts=[[value]])
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, DateParts):
        value = [value]
    ends = [item if isinstance(item, DateParts) else DateParts(date_parts=[item]) for item in value]
    parts = [_numbers(part) for end in ends for part in _parts_of(end)]
    season = next((_season(end.season) for end in ends if end.season is not None), None)
    literal = next((end.literal for end in ends if end.literal), None)
    raw = next((end.raw for end in ends if end.raw), None)
    if not parts and raw and not literal:
        return _text(raw)  # {raw: "2020-2-11"}: a date written as text
    return _made(parts, season, literal)


def _parts_of(end: DateParts) -> list[list]:
    """The year-month-day lists of one end of a date, however it gives them."""
    if end.date_parts:
        return [part for part in end.date_parts if any(p not in ("", None) for p in part)]
    if end.year not in (None, ""):
        return [[end.year, end.month, end.day]]
    return []


def _text(text: str) -> DateParts | None:
    """An EDTF date or range, or a date written in words (kept as it is, for printing)."""
    text = text.strip()
    if not text:
        return None
    if not _NUMERIC.fullmatch(text):
        return DateParts(literal=text)  # "Spring 2020", "in press": printed as written
    ends = text.split("/")
    if len(ends) > 2:
        raise ValueError(_not_a_date(text))
    parts, season = [], None
    for end in ends:
        if end in ("", ".."):
            continue  # an open end: 2020/..
        found = _EDTF_DAY.fullmatch(end)
        if not found:
            raise ValueError(_not_a_date(text))
        numbers = [int(found["year"])] + [int(found[k]) for k in ("month", "day") if found[k]]
        if len(numbers) > 1 and numbers[1] in EDTF_SEASONS:
            season, numbers = season or EDTF_SEASONS[numbers[1]], numbers[:1]
        parts.append(_checked(numbers, text))
    if not parts:
        raise ValueError(_not_a_date(text))
    return DateParts(date_parts=parts, season=season)


def _numbers(part: list) -> list[int]:
    numbers = []
    for value in part[:3]:
        if value in ("", None):
            break
        if isinstance(value, str) and not re.fullmatch(r"[+-]?\d{1,4}", value.strip()):
            raise ValueError(f"{value!r} in date-parts is not a number (write the year, month and day as numbers: [2020, 3, 15])")
        numbers.append(int(value))
    return numbers


def _made(parts: list[list[int]], season: int | None, literal: str | None) -> DateParts | None:
    checked = []
    for numbers in parts:
        if len(numbers) > 1 and numbers[1] in SEASONS:  # a season written as a month number
            season, numbers = season or SEASONS[numbers[1]], numbers[:1]
        checked.append(_checked(numbers, "-".join(str(n) for n in numbers)))
    if not checked:
        return DateParts(literal=literal) if literal else None
    return DateParts(date_parts=checked, season=season, literal=literal)


def _checked(numbers: list[int], written: str) -> list[int]:
    if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
        raise ValueError(f"{numbers[1]} in {written!r} is not a month (write 1 to 12, or 21 to 24 for a season)")
    if len(numbers) > 2:
        try:
            dt.date(max(numbers[0], 1), numbers[1], numbers[2])
        except ValueError:
            raise ValueError(f"{written!r} is not a day of the calendar (check the day and month)") from None
    return numbers


def _season(value: Any) -> int | None:
    if isinstance(value, int) and 1 <= value <= 4:
        return value
    if isinstance(value, str) and value.strip() in ("1", "2", "3", "4"):
        return int(value)
    return None  # a season in words ("Spring") is not printed in an AMA reference anyway


def _not_a_date(text: str) -> str:
    return f"{text!r} is not a date (write it as 2020, 2020-03, 2020-03-15 or 2020/2021)"


def _dates_as_text(document: Document) -> Document:
    """The document with each value YAML read as a date written as it was (`2019-03-15`)."""
    if not _holds_date(document.data):
        return document

    def text(value: Any, path: tuple) -> Any:
        if isinstance(value, dt.date):
            return document.plain_text.get(path) or value.isoformat()
        if isinstance(value, dict):
            return {key: text(item, path + (key,)) for key, item in value.items()}
        if isinstance(value, list):
            return [text(item, path + (i,)) for i, item in enumerate(value)]
        return value

    return document.replace(data=text(document.data, ()))


def _holds_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    if isinstance(value, dict):
        return any(_holds_date(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_date(item) for item in value)
    return False

