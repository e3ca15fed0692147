"""Dates in a language's own words, as Babel writes them, without Babel's start-up.

A handout prints a few dates (the header, every footer, the log's days, the next
visit) in CLDR patterns from its catalogue ("d MMMM y", "EEE", "d 'de' MMMM"). Babel
writes them from the locale's month and day names, but loading Babel and a locale's
data takes about 20 ms of every build, a tenth of a small one. The names are all a
handout's patterns need from it: they are taken from Babel once and kept in the cache
(reading.cache: twelve month names and seven day names in two widths, nothing about a
patient), found by a digest of the locale data files they come from, and the patterns
are filled in here, as Babel fills them in (tests/handout/test_dates.py compares every
pattern of every catalogue, day by day). A pattern with a field this does not know, or
a language whose data is not in one plain file, is written by Babel itself.
"""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
import datetime as dt
import hashlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import Annotated, Iterator

import msgspec
from msgspec import Meta

_KIND = "date-names-1"  # the cache's name for them; a new number when what is kept changes

Name = Annotated[str, Meta(min_length=1, max_length=40)]


class DateNames(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A language's month and day names, as its dates are written (CLDR's "format" context)."""

    months_abbreviated: Annotated[list[Name], Meta(min_length=12, max_length=12)]
    months_wide: Annotated[list[Name], Meta(min_length=12, max_length=12)]
    days_abbreviated: Annotated[list[Name], Meta(min_length=7, max_length=7)]  # Monday first, as date.weekday()
    days_wide: Annotated[list[Name], Meta(min_length=7, max_length=7)]


def format_date(day: dt.date, pattern: str, language: str) -> str:
    """`day` in the CLDR `pattern`, in `language`: what babel.dates.format_date gives."""
    tokens = _tokens(pattern)
    names = _names(language) if tokens is not None else None
    if tokens is None or names is None:
        from babel.dates import format_date as babel_format

        return babel_format(day, pattern, locale=language)
    return "".join(_field(day, token, names) if isinstance(token, tuple) else token for token in tokens)


def _field(day: dt.date, field: tuple[str, int], names: DateNames) -> str:
    letter, width = field
    if letter == "d":
        return f"{day.day:0{width}d}"
    if letter == "y":
        year = f"{day.year:0{width}d}"
        return year[-2:] if width == 2 else year
    if letter == "M":
        if width <= 2:
            return f"{day.month:0{width}d}"
        return (names.months_abbreviated if width == 3 else names.months_wide)[day.month - 1]
    return (names.days_abbreviated if width <= 3 else names.days_wide)[day.weekday()]  # E


# The fields filled in here, and the widths of each (others go to Babel): day, year,
# month as a number, abbreviated or wide, and weekday abbreviated or wide.
_KNOWN = {"d": (1, 2), "y": (1, 2, 4), "M": (1, 2, 3, 4), "E": (1, 2, 3, 4)}


@cache
def _tokens(pattern: str) -> tuple[str | tuple[str, int], ...] | None:
    """The pattern as literal text and (letter, width) fields, as CLDR reads it; None when
    a field is not one this module knows."""
    out: list[str | tuple[str, int]] = []
    for token in _scan(pattern):
        if isinstance(token, tuple) and token[1] not in _KNOWN.get(token[0], ()):
            return None
        out.append(token)
    return tuple(out)


def _scan(pattern: str) -> Iterator[str | tuple[str, int]]:
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":  # quoted text; '' is a quote, inside quotes or out
            if pattern[i + 1:i + 2] == "'":
                yield "'"
                i += 2
                continue
            end, text = i + 1, []
            while end < len(pattern):
                if pattern[end] == "'":
                    if pattern[end + 1:end + 2] != "'":
                        break
                    end += 1
                text.append(pattern[end])
                end += 1
            yield "".join(text)
            i = end + 1
        elif "a" <= char <= "z" or "A" <= char <= "Z":
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            yield (char, end - i)
            i = end
        else:
            yield char
            i += 1


@cache
def _names(language: str) -> DateNames | None:
    """The language's names: from the cache when its locale data is as it was, else from
    Babel (and kept); None for a language whose data is not one plain file over CLDR's root."""
    from ..reading.cache import recall, remember

    files = _data_files(language)
    if files is None:
        return None
    digest = hashlib.sha256()
    for file in files:
        try:
            digest.update(file.read_bytes())
        except OSError:
            return None
    key = [language, digest.hexdigest()]
    kept = recall(_KIND, key, DateNames)
    if kept is not None:
        return kept
    found = _from_babel(language)
    remember(_KIND, key, found)
    return found


def _data_files(language: str) -> tuple[Path, Path] | None:
    """Babel's data files for a plain language code: CLDR's root, then the language's own."""
    if not language.isalpha() or not language.isascii():
        return None  # en_GB, sr_Latn...: their parents are Babel's business
    spec = importlib.util.find_spec("babel")  # (finds it without importing it)
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "locale-data"
    files = (folder / "root.dat", folder / f"{language}.dat")
    return files if all(file.is_file() for file in files) else None


def _from_babel(language: str) -> DateNames:
    from babel.dates import get_day_names, get_month_names

    def months(width: str) -> list[str]:
        found = get_month_names(width, "format", locale=language)
        return [found[m] for m in range(1, 13)]

    def days(width: str) -> list[str]:
        found = get_day_names(width, "format", locale=language)
        return [found[d] for d in range(7)]

    return DateNames(months("abbreviated"), months("wide"), days("abbreviated"), days("wide"))
