"""Shared test helpers: build a handout in memory and read a PDF back."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from handouts.build import Builder, Request

DAY = dt.date(2026, 11, 21)


def pdf_bytes(request: Request, folders: tuple[Path, ...] = ()) -> bytes:
    return Builder(folders).pdf(request)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Text with all runs of white space made one space, for line-break-proof matching."""
    return " ".join(text.split())
