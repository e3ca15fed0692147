"""Dates are written as Babel writes them, from names kept in the cache, without loading Babel."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.core import get_global
from babel.dates import format_date as babel_format
from babel.messages.mofile import read_mo

from handouts.handout import dates
from handouts.handout.words import DOMAIN
from handouts.reading.resources import bundled

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en"] + sorted(p.name for p in bundled("locale").iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
CODE_PATTERNS = ("EEE", "d MMM", "EEEE d MMMM", "d MMMM y")  # the patterns the code looks up (sections, pdf)
# every day of four years, a leap day among them
DAYS = [dt.date(2025, 1, 1) + dt.timedelta(days=n) for n in range(4 * 366)]


def patterns(language: str) -> list[str]:
    """The code's date patterns as the language's catalogue writes them."""
    if language == "en":
        return list(CODE_PATTERNS)
    with open(bundled("locale") / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
        catalogue = read_mo(handle)
    return [catalogue[p].string or p for p in CODE_PATTERNS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pattern_of_every_catalogue_is_written_as_babel_writes_it(language: str) -> None:
    for pattern in patterns(language) + ["dd/MM/yyyy", "d 'de' MMMM 'de' y", "EEEE, d MMM yy", "''d''"]:
        assert dates._tokens(pattern) is not None, f"{pattern!r} would go to Babel: the comparison would prove nothing"
        for day in DAYS:
            assert dates.format_date(day, pattern, language) == babel_format(day, pattern, locale=language), (pattern, day)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_plain_language_code_inherits_from_the_root_data_alone(language: str) -> None:
    """What _data_files digests is all that the names come from: no other parent in between."""
    assert get_global("parent_exceptions").get(language) is None
    assert [f.name for f in dates._data_files(language)] == ["root.dat", f"{language}.dat"]


def test_a_field_it_does_not_know_goes_to_babel() -> None:
    day = dt.date(2026, 11, 21)
    for pattern in ("QQQ y", "LLLL", "G y", "EEEEE"):
        assert dates._tokens(pattern) is None
        assert dates.format_date(day, pattern, "es") == babel_format(day, pattern, locale="es")


def test_the_names_come_from_the_cache_next_time_and_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDOUTS_CACHE_DIR": str(tmp_path)}
    probe = ("import sys, datetime as dt; from handouts.handout.dates import format_date;"
             "print(format_date(dt.date(2026, 11, 21), \"EEEE d 'de' MMMM 'de' y\", 'es'));"
             "print('babel.dates' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.split()
    again = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert first[:-1] == again[:-1] == "sábado 21 de noviembre de 2026".split()
    assert (first[-1], again[-1]) == ("True", "False")  # Babel loaded only to fill the cache
    for file in (tmp_path / dates._KIND).iterdir():
        file.write_bytes(file.read_bytes().replace("sábado".encode(), "lunes".encode()))
    damaged = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert damaged == first
