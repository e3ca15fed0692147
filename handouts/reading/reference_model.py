"""The model of a references file: CSL-YAML items, as pandoc, Zotero and people write them."""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
from typing import Annotated

import msgspec
from msgspec import Meta, field

from .fields import ShortText, Strict, Text, about, count

# CSL-YAML, as pandoc, Zotero's Better CSL YAML and people write it. Only what the AMA
# reference prints is checked; any other CSL variable (abstract, ISSN, note...) is
# ignored, as a CSL processor ignores what its style does not print.
CitationKey = Annotated[str, Meta(min_length=1, max_length=100, description="a reference's id, as the references file writes it")]
DatePart = count(0, 9999) | ShortText  # Zotero's exports write a year as text: "2020"
Flag = count(0, 1)


class Loose(msgspec.Struct, frozen=True):
    """Immutable; an unknown field is ignored (a CSL variable this tool does not print)."""


class Name(Strict):
    """A CSL name; a key CSL does not define is refused, so a misspelt `famly` is not lost."""

    given: ShortText | None = None
    family: ShortText | None = None
    literal: Annotated[ShortText | None, about("a name printed as it is, such as a group's")] = None
    suffix: Annotated[ShortText | None, about("Jr, III")] = None
    dropping_particle: Annotated[ShortText | None, about("van in Ludwig van Beethoven")] = field(default=None, name="dropping-particle")
    non_dropping_particle: Annotated[ShortText | None, about("de la in de la Cruz")] = field(default=None, name="non-dropping-particle")
    # CSL's rendering hints: accepted, not needed for AMA (a yes/no, some tools write 0 or 1)
    comma_suffix: bool | Flag | ShortText | None = field(default=None, name="comma-suffix")
    static_ordering: bool | Flag | ShortText | None = field(default=None, name="static-ordering")
    parse_names: bool | Flag | ShortText | None = field(default=None, name="parse-names")


class DateParts(Strict):
    """A CSL date: {date-parts: [[2020, 3, 15]]} (a second list ends a range), pandoc-citeproc's
    and Better CSL YAML's {year: 2020, month: 3}, a season, or a date in words."""

    # one date, or two for a range; each a year, then a month and a day if known
    date_parts: Annotated[list[Annotated[list[DatePart], Meta(min_length=1, max_length=3)]], Meta(min_length=1, max_length=2)] | None = field(
        default=None, name="date-parts")
    year: DatePart | None = None
    month: DatePart | None = None
    day: DatePart | None = None
    season: DatePart | None = None
    circa: bool | DatePart | None = None
    literal: ShortText | None = None
    raw: ShortText | None = None
    other: ShortText | None = None  # pandoc-citeproc's words beside a date


# A date as CSL writes it, as Better CSL YAML does (a list of one or two), or as EDTF text:
# 2020, 2020-03, 2020/2021. reading/csl.py turns each into plain date-parts of numbers.
CslDate = DateParts | Annotated[list[DateParts | list[DatePart]], Meta(min_length=1, max_length=2)] | ShortText | count(0, 9999)


class Reference(Loose, kw_only=True):
    """One CSL-YAML item. Read through reading/csl.py, which turns its date into date-parts."""

    id: CitationKey
    type: ShortText = "article-journal"
    author: list[Name] = []
    title: Text
    container_title: Text | None = field(default=None, name="container-title")
    container_title_short: Text | None = field(default=None, name="container-title-short")
    journal_abbreviation: Text | None = field(default=None, name="journalAbbreviation")
    volume: count(0, 999_999) | ShortText | None = None
    issue: count(0, 999_999) | ShortText | None = None
    page: count(0, 999_999) | ShortText | None = None
    publisher: ShortText | None = None
    issued: CslDate | None = None
    # pandoc writes these in lower case; CSL-JSON, Zotero and people in capitals
    DOI: ShortText | None = None
    doi: ShortText | None = None
    PMID: count(0, 999_999_999) | ShortText | None = None
    pmid: count(0, 999_999_999) | ShortText | None = None
    URL: ShortText | None = None
    url: ShortText | None = None


class References(Loose):
    """A references file; other top-level keys (pandoc's nocite, a title) are ignored."""

    references: list[Reference]
