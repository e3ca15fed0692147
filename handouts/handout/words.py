"""The fixed words of a handout, in the patient's language: its message catalogue.

Every word the tool itself prints on a handout (headings, dose wording, the log, labels,
the footer) is written in English in the code, inside `words._(...)` or
`words.ngettext(...)`, and looked up in the language's catalogue: the standard gettext
catalogues in locale/LANG/LC_MESSAGES/handouts.po (compiled to .mo), made and checked
with Babel's tools (see the README, "Adding a language"). Plural forms come from the
catalogue's own plural rule, never from `if n == 1`. Dates are written from the
locale's own month and day names, as Babel has them (handout.dates), in a pattern the
catalogue gives.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache

import msgspec

from ..reading.resources import bundled
from ..reading.translations import DEFAULT, known_languages

DOMAIN = "handouts"


class Words(msgspec.Struct, frozen=True):
    """The catalogue of one language; `_` and `ngettext` fill in `{named}` values."""

    language: str
    catalogue: gettext.NullTranslations  # left out of its repr, equality and hash, as below

    def __repr__(self) -> str:
        return f"Words(language={self.language!r})"

    def __eq__(self, other: object) -> bool:
        return self.language == other.language if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self) -> int:
        return hash((self.language,))

    def _(self, message: str, **values: object) -> str:
        text = self.catalogue.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The form for `n` (given to the text as `{n}`), by the language's plural rule."""
        return self.catalogue.ngettext(singular, plural, n).format(n=n, **values)

    def date(self, day: dt.date, pattern: str) -> str:
        """`day` in a CLDR pattern (already looked up in the catalogue), in this language, as Babel writes it."""
        from .dates import format_date

        return format_date(day, pattern, self.language)

    def long_date(self, day: dt.date) -> str:
        """'1 December 2026', '1 de diciembre de 2026': no numeric form that reads
        differently in the US and Europe."""
        return self.date(day, self._("d MMMM y"))


@cache
def words_for(language: str = DEFAULT) -> Words:
    """The words of `language`; English is the code's own text."""
    if language not in known_languages():
        raise LookupError(f"no catalogue for {language!r}")  # checked in the input first: a bug if it happens
    if language == DEFAULT:
        return Words(language, gettext.NullTranslations())
    with open(bundled("locale") / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
        return Words(language, gettext.GNUTranslations(handle))
