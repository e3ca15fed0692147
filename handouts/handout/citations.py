"""References in AMA style, numbered in order of first citation.

AMA (Manual of Style, 11th ed., 3.7-3.15) lists up to 6 authors, surname then initials
without points; a surname keeps its particles, spelt and capitalized as the person
writes them ("van der Berg A", "de la Cruz M", "d'Artagnan C"): CSL's dropping and
non-dropping particles alike, since AMA does not drop one when it inverts a name. A
suffix follows the initials, without points ("Smith J Jr"). AMA numbers references in
order of citation, so no sorting rule is needed. Titles are printed as plain text: the
emphasis pandoc writes (`*in vivo*`, `<i>in vivo</i>`) is taken out.
"""

from __future__ import annotations

import re

from ..reading.reference_model import DateParts, Name, Reference

MAX_AUTHORS = 6  # AMA: list up to 6 authors; past that, the first 3 and "et al"
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_MARKUP = [  # pandoc's markdown and CSL's HTML-like markup, as plain text
    (re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^<>]*)?>"), ""),
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"(?<![\\\w])\*(?!\s)(.+?)(?<![\s\\])\*"), r"\1"),
    (re.compile(r"\[([^\[\]]*)\]\{[^{}]*\}"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!^~|<>$@&%'\"])"), r"\1"),
]


def author(name: Name) -> str:
    """'Burnet EN', 'van der Berg A', 'Smith J Jr': surname with its particles, initials without points."""
    if name.literal:
        return name.literal
    surname = name.family or ""
    for particle in (name.non_dropping_particle, name.dropping_particle):  # dropping first: "de La Fontaine"
        if particle:
            surname = particle + ("" if particle.endswith(("'", "\u2019", "-")) else " ") + surname
    if not surname:
        return name.given or ""  # a single name
    initials = "".join(part[0] for part in (name.given or "").replace("-", " ").replace(".", " ").split() if part)
    suffix = (name.suffix or "").replace(".", "").strip()
    return " ".join(part for part in (surname, initials, suffix) if part)


def ama(reference: Reference, *, with_doi: bool = True, with_title: bool = True) -> str:
    """One reference as plain text in AMA style; `with_doi` adds its DOI (or, without one, its
    URL). Without `with_title`, an article that its journal, year, volume and pages find
    leaves its title out (the patient's copy: the titles' jargon is the one thing on it a
    patient cannot read, and the clinician finds the paper without it); a book keeps it."""
    authors = [author(a) for a in reference.author]
    if len(authors) > MAX_AUTHORS:
        authors = authors[:3] + ["et al"]
    parts = []
    if authors:
        parts.append(", ".join(authors) + ".")
    journal = reference.container_title_short or reference.journal_abbreviation or reference.container_title
    year = _year(reference.issued)
    page = str(reference.page).replace("\u2013", "-") if reference.page is not None else None  # AMA: 284-288
    if with_title or not (journal and year and reference.volume and page):
        title = plain(reference.title).rstrip(".")
        parts.append(title if title.endswith(("?", "!")) else title + ".")
    if journal:
        where = f"{plain(journal).replace('.', '')}."
        if year:
            where += f" {year}"
            if reference.volume:
                where += f";{reference.volume}"
                if reference.issue:
                    where += f"({reference.issue})"
            if page:
                where += f":{page}"
            where += "."
        parts.append(where)
    elif reference.publisher:
        parts.append(f"{reference.publisher}; {year}." if year else f"{reference.publisher}.")
    elif year:
        parts.append(f"{year}.")
    if with_doi:
        doi = reference.DOI or reference.doi
        url = reference.URL or reference.url
        if doi:
            parts.append(f"doi:{_DOI_PREFIX.sub('', doi).strip()}")
        elif url:
            parts.append(url.strip())
    return " ".join(parts)


def plain(text: str) -> str:
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _year(issued: DateParts | None) -> str | None:
    """'2009', '2020-2021' for a range of years, or the date's own words; None without one."""
    if issued is None:
        return None
    if issued.date_parts:
        first, last = issued.date_parts[0][0], issued.date_parts[-1][0]
        return f"{first}" if first == last else f"{first}-{last}"
    return issued.literal
