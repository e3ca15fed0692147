"""The options several commands share, and how option text becomes values.

Example:
    handouts build early-stage --date 2026-11-21 --language es --library my-exercises
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import click

library_option = click.option(
    "--library", "library_folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of your own exercise files; an id there replaces the built-in one. Repeatable.",
)


class FiniteRange(click.FloatRange):
    """A number within a range; NaN, which every comparison lets through, and infinity are refused like any value out of range."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number in the range {self._describe_range()}.", param, ctx)
        return number


def date_value(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD, such as 2026-11-21") from None


def language_value(value: str | None, option: str) -> str | None:
    from ..reading.translations import known_languages

    if value is not None and value not in known_languages():
        raise click.BadParameter(f"{value!r} has no catalogue (known: {', '.join(known_languages())})", param_hint=option)
    return value


def typed_text(value: str | None, option: str = "--patient") -> str | None:
    """Option text as typed. Under a C locale Python hands non-ASCII letters over as
    surrogate escapes ('\\udcd0'), which would vanish from the handout: decode them as UTF-8."""
    if value is None:
        return None
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        from ..errors import InvalidInput, Problem

        raise InvalidInput([Problem("command line", 0, 0, option, "is not UTF-8 text (set the terminal to UTF-8, or write the name in the program file)")]) from None
