"""The kinds of value a file's fields hold, shared by every file kind's model.

Text fields are strict: YAML's `no`, `3.10` or an unquoted date never quietly becomes
text, and a count never quietly becomes a yes/no. Text a patient reads may come in
several languages side by side (`Localized`).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta


def whole(pattern: str) -> str:
    """A pattern the whole text must match: Python's `$` would also allow a last newline."""
    return f"^{pattern}$(?!\\n)"


def about(description: str) -> Meta:
    """A field's description, shown by `handouts schema`."""
    return Meta(description=description)


# Ids are file-name-like so that they are easy to type after `-e`.
Id = Annotated[str, Meta(pattern=whole("[a-z0-9][a-z0-9-]*"), max_length=60)]
# Free text: long enough for any real step, short enough that layout stays fast.
Text = Annotated[str, Meta(min_length=1, max_length=2000)]
# One line: a name, caption or dose word with line breaks in it would stand taller than
# the box it is printed in (200 of them were blamed on the template's type size).
ShortText = Annotated[str, Meta(min_length=1, max_length=200, pattern=r"^[^\n\r\x0b\x0c\x85\u2028\u2029]*\Z")]
Colour = Annotated[str, Meta(pattern=whole("#[0-9a-fA-F]{6}"))]
# A language code, such as en or es (ISO 639-1); which ones have a catalogue is checked
# against the catalogues themselves (reading/translations.py).
Language = Annotated[str, Meta(pattern=whole("[a-z]{2}"), description="a language code, such as en or es")]
# The same as a key of a text in several languages, where every code must also have a
# catalogue, which translations.problems checks (a code not in the pattern has none):
# the pattern is then for the schema only. As a constraint, msgspec matched it for every
# key of every text, three quarters of the time it takes to convert a bilingual entry.
LanguageKey = Annotated[str, Meta(description="a language code with a catalogue, such as en or es",
                                  extra_json_schema={"pattern": whole("[a-z]{2}")})]
# Text the patient reads, in one language, or in several side by side:
#   name: Clamshell                or    name: {en: Clamshell, es: La almeja}
# Plain text is in the file's `language` (English unless the file says otherwise).
Localized = Text | Annotated[dict[LanguageKey, Text], Meta(min_length=1)]
LocalizedShort = ShortText | Annotated[dict[LanguageKey, ShortText], Meta(min_length=1)]
Side = Literal["left", "right", "both", "each"]
Level = Literal["beginner", "intermediate", "advanced"]
Works = Literal["top-leg", "standing-leg", "moving-leg", "both-legs", "legs-in-turn"]
# A web address printed as a QR code: only what a phone opens from paper (http, https),
# with a real host name, and short enough to scan (300 characters already make a 35 mm
# code; longer links, such as signed ones, also tend to expire). No spaces or letters
# outside ASCII: a browser's address bar copies them as %-codes.
URL_PATTERN = whole(r"https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})"
                    r"(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]*)?")
Url = Annotated[str, Meta(pattern=URL_PATTERN, max_length=300, description="an https:// (or http://) address")]


def count(low: int, high: int) -> type:
    return Annotated[int, Meta(ge=low, le=high)]  # type: ignore[return-value]


def size(low: float, high: float) -> type:
    return Annotated[float, Meta(ge=low, le=high)]  # type: ignore[return-value]


class Strict(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Immutable; an unknown field is an error (a misspelt key never passes unseen)."""
