"""Where the bundled content is: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # handouts/, above reading/


@cache
def bundled(kind: str) -> Path:
    """The folder of bundled `kind` files: exercises, programs, references, templates, images."""
    installed = _PACKAGE / "_bundled" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind  # a source checkout: the folders sit at the top level
