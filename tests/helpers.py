"""Shared test helpers: build a handout in memory and read a PDF back."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from pathlib import Path

from handouts.commands.build import Builder, Request

DAY = dt.date(2026, 11, 21)


def pdf_bytes(request: Request, folders: tuple[Path, ...] = ()) -> bytes:
    return Builder(folders).pdf(request)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Text with all runs of white space made one space, for line-break-proof matching."""
    return " ".join(text.split())


def write_file(folder: Path, name: str, text: str | bytes) -> Path:
    """Write `text` (dedented) or bytes to folder/name, making folders as needed."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
