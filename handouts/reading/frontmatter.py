"""A markdown file's YAML front matter, as `pandoc refs.bib -s -t markdown` writes it.

Such a file is one YAML document between two `---` lines, then the markdown text, empty
for a references file. YAML reads the closing `---` as the start of a second document,
which the reader refuses; a closing `---` followed only by blank lines is read as the end
of the one document (YAML's `...`), as pandoc and Zotero's Better BibTeX read such a
file. A second document with anything in it is still refused.
"""

from __future__ import annotations

import re

_CLOSING = re.compile(r"(?<=\n)---[ \t]*(?=\s*\Z)")


def closed(text: str) -> str:
    """`text` with the closing `---` of its front matter written as `...` (same lines, same columns)."""
    if not text.startswith("---"):
        return text
    return _CLOSING.sub("...", text, count=1)
