"""Every language's catalogue has every word the code prints, compiled as written.

The messages are taken from the code the way `pybabel extract` takes them (babel.cfg's
files, the keywords `_` and `ngettext`), so a word added to the code and not to a
catalogue fails here rather than printing in English on a Spanish handout. And since
the extractor cannot see a word looked up where it does not look (inside an f-string,
inside another lookup, from a variable), every word looked up while building the
bundled programs must be one it sees.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from pathlib import Path

import pytest
from babel.dates import format_date, tokenize_pattern
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from handouts.handout.words import DOMAIN, Words
from handouts.reading.resources import bundled

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "ngettext": (1, 2)}  # words._("..."), words.ngettext("...", "...", n)
LOCALES = sorted(p.name for p in bundled("locale").iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())
# the CLDR date patterns the code looks up; a catalogue may reorder them and add words, never change their fields
DATE_PATTERNS = ("EEE", "d MMM", "EEEE d MMMM", "d MMMM y")


@cache
def code_messages() -> dict[str, str | tuple[str, str]]:
    """Each message in the package, by its msgid: the text, or (singular, plural)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, str | tuple[str, str]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS):
        found[message if isinstance(message, str) else message[0]] = message
    return found


@cache
def catalogue(locale: str) -> Catalog:
    with open(bundled("locale") / locale / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
        return read_po(handle, locale=locale)


def messages(catalog: Catalog) -> dict[str, object]:
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def forms(message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_code_is_read_as_pybabel_reads_it() -> None:
    """The extraction this file relies on finds plain words, plurals and date patterns."""
    found = code_messages()
    assert found["Stop and call us if"] == "Stop and call us if"
    assert found["{n} set"] == ("{n} set", "{n} sets")
    assert set(DATE_PATTERNS) <= set(found)
    assert "Spanish" not in found  # terminal words (errors, check reports) stay out of the catalogue


def test_spanish_is_a_bundled_language() -> None:
    assert "es" in LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_every_message_the_code_has_and_no_other(locale: str) -> None:
    catalog, code = catalogue(locale), code_messages()
    found = messages(catalog)
    assert sorted(set(code) - set(found)) == [], f"{locale}: not in the catalogue (run pybabel extract and update)"
    assert sorted(set(found) - set(code)) == [], f"{locale}: no longer in the code (run pybabel update)"
    for msgid, message in found.items():
        assert message.id == code[msgid], (locale, msgid, "singular and plural as in the code")
        assert not message.fuzzy, (locale, msgid, "fuzzy: check the translation and remove the flag")
        assert all(form.strip() for form in forms(message)), (locale, msgid, "untranslated")
        if isinstance(message.id, tuple):
            assert len(forms(message)) == catalog.num_plurals, (locale, msgid, f"needs {catalog.num_plurals} forms")


def test_template_lists_every_message_the_code_has() -> None:
    """The template a new language starts from is the code's own list."""
    with open(bundled("locale") / f"{DOMAIN}.pot", "rb") as handle:
        template = read_po(handle)
    assert {msgid: m.id for msgid, m in messages(template).items()} == code_messages()


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_is_its_source(locale: str) -> None:
    """The .mo the tool reads says what the .po a translator edits says."""
    with open(bundled("locale") / locale / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
        compiled = read_mo(handle)
    source = catalogue(locale)
    def pairs(catalog: Catalog) -> dict:
        return {(m.id if isinstance(m.id, str) else tuple(m.id)): forms(m) for m in catalog if m.id}

    assert pairs(compiled) == pairs(source)
    assert compiled.plural_forms == source.plural_forms


@pytest.mark.parametrize("locale", LOCALES)
def test_every_placeholder_survives_translation(locale: str) -> None:
    """Each `{named}` value of a message is in each of its forms, and no form asks for another."""
    for msgid, message in messages(catalogue(locale)).items():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        needed, known = fields(ids[0]), set().union(*(fields(i) for i in ids))
        for form in forms(message):
            assert needed <= fields(form) <= known, (locale, msgid, form)
            form.format(**{name: "x" for name in fields(form)})  # no stray brace


@pytest.mark.parametrize("locale", LOCALES)
def test_date_patterns_keep_their_fields(locale: str) -> None:
    """A pattern may add words ("d 'de' MMMM 'de' y") but not fields: an unquoted "de" would be read
    as a day and a weekday."""
    found = messages(catalogue(locale))
    for pattern in DATE_PATTERNS:
        translated = found[pattern].string

        def pattern_fields(text: str) -> list[tuple[str, int]]:
            return sorted(value for kind, value in tokenize_pattern(text) if kind == "field")

        assert pattern_fields(translated) == pattern_fields(pattern), (locale, pattern, translated)
        assert format_date(dt.date(2026, 12, 1), translated, locale=locale)


def test_spanish_dates_read_as_spanish() -> None:
    from handouts.handout.words import words_for

    spanish = words_for("es")
    assert spanish.long_date(dt.date(2026, 12, 1)) == "1 de diciembre de 2026"
    assert spanish.date(dt.date(2026, 12, 15), spanish._("EEEE d MMMM")) == "martes 15 de diciembre"


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_word_looked_up_in_a_build_is_one_pybabel_finds(language: str, monkeypatch, tmp_path) -> None:
    """Every bundled program, in every layout, for the patient and the clinician; with what
    changed since another program; with a caution for the patient's condition."""
    from handouts.commands.build import Builder, Request

    looked_up: set[str] = set()
    plain, plural = Words._, Words.ngettext

    def lookup(self, message, **values):
        looked_up.add(message)
        return plain(self, message, **values)

    def lookup_plural(self, singular, many, n, **values):
        looked_up.add(singular)
        return plural(self, singular, many, n, **values)

    monkeypatch.setattr(Words, "_", lookup)
    monkeypatch.setattr(Words, "ngettext", lookup_plural)
    builder = Builder()
    for program in ("early-stage", "middle-stage", "return-to-running"):
        for template in ("standard", "compact", "one-page", "large-print"):
            for audience in ("patient", "clinician"):
                builder.pdf(Request(program=program, template=template, audience=audience, language=language,
                                    date=dt.date(2026, 12, 1), review=dt.date(2026, 12, 15)))
        builder.pdf(Request(program=program, since="early-stage", language=language, date=dt.date(2026, 12, 1)))
    cautious = tmp_path / "p.yaml"
    cautious.write_text("title: Hips\nexercises: [clamshell, pelvic-drop]\nconditions: [gluteal-tendinopathy]\n", encoding="utf-8")
    builder.pdf(Request(program=str(cautious), audience="clinician", language=language, date=dt.date(2026, 12, 1)))
    assert {"What changed since your last visit", "Caution for this patient's {condition}:"} <= looked_up
    assert len(looked_up) > 40
    assert sorted(looked_up - set(code_messages())) == []
