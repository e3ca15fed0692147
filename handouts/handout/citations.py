"""References in AMA style, numbered in order of first citation."""

from __future__ import annotations

from ..reading.models import Name, Reference

MAX_AUTHORS = 6  # AMA: list up to 6 authors; past that, the first 3 and "et al"


def author(name: Name) -> str:
    """'Burnet EN': family name and initials without points."""
    if name.literal:
        return name.literal
    initials = "".join(part[0] for part in (name.given or "").replace("-", " ").replace(".", " ").split() if part)
    return f"{name.family or ''} {initials}".strip()


def ama(reference: Reference, *, with_doi: bool = True) -> str:
    """One reference as plain text in AMA style."""
    authors = [author(a) for a in reference.author]
    if len(authors) > MAX_AUTHORS:
        authors = authors[:3] + ["et al"]
    parts = []
    if authors:
        parts.append(", ".join(authors) + ".")
    title = reference.title.rstrip(".")
    parts.append(title if title.endswith(("?", "!")) else title + ".")
    journal = reference.container_title_short or reference.container_title
    year = reference.issued.date_parts[0][0] if reference.issued and reference.issued.date_parts else None
    if journal:
        where = f"{journal.replace('.', '')}."
        if year:
            where += f" {year}"
            if reference.volume:
                where += f";{reference.volume}"
                if reference.issue:
                    where += f"({reference.issue})"
            if reference.page:
                where += f":{reference.page}"
            where += "."
        parts.append(where)
    elif year:
        parts.append(f"{year}.")
    if with_doi and reference.DOI:
        parts.append(f"doi:{reference.DOI}")
    return " ".join(parts)
