"""Writing the PDF: atomic, never half-written, never harming an existing file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handouts.commands.build import Builder, Request
from handouts.commands.output import write_atomically
from handouts.errors import InvalidInput, OutputError

from ..helpers import DAY


def test_a_failed_build_leaves_the_existing_pdf_intact_and_no_temporary(library_dir, tmp_path) -> None:
    target = tmp_path / "ana.pdf"
    target.write_bytes(b"%PDF- the old handout")
    with pytest.raises(InvalidInput):
        Builder((library_dir,)).write(Request(exercises=("test-clam", "no-such-exercise"), date=DAY), target)
    assert target.read_bytes() == b"%PDF- the old handout"
    assert os.listdir(tmp_path) == ["ana.pdf", "clinic-library"] or sorted(os.listdir(tmp_path)) == ["ana.pdf", "clinic-library"]


def test_the_temporary_file_lives_in_the_destination_folder(tmp_path, monkeypatch) -> None:
    seen: list[Path] = []
    real_replace = os.replace

    def spy(source, destination):
        seen.append(Path(source))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    write_atomically(b"%PDF-1.4 data", tmp_path / "out.pdf")
    assert seen[0].parent == tmp_path and seen[0].name.startswith(".out.pdf.")
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF-1.4 data"
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]


def test_disk_full_while_writing_cleans_up_and_says_so(tmp_path, monkeypatch) -> None:
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    (tmp_path / "out.pdf").write_bytes(b"old")
    with pytest.raises(OutputError, match=r"out.pdf: could not write the PDF \(No space left on device\)$"):
        write_atomically(b"%PDF-1.4 data", tmp_path / "out.pdf")
    assert sorted(os.listdir(tmp_path)) == ["out.pdf"]
    assert (tmp_path / "out.pdf").read_bytes() == b"old"


def test_output_path_that_is_a_folder(tmp_path) -> None:
    with pytest.raises(OutputError, match=r": is a folder \(give a file name such as .*handout.pdf\)$"):
        write_atomically(b"x", tmp_path)
