"""Laying out once: each text is parsed and broken into lines once per process, the caches
that make it so stay bounded, and sharing them never changes a PDF's bytes."""

from __future__ import annotations

import collections
import gc
import hashlib
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import msgspec
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table

from handouts.commands.build import Builder, Request
from handouts.page import compression, paragraphs
from handouts.page.fonts import BODY, fonts
from handouts.page.paragraphs import Para
from handouts.page.styles import styles

from ..helpers import DAY, pdf_text, squash

LONG_NOTE = " ".join(f"Sentence {i} of a long note, which runs on over the page." for i in range(34))  # under 2,000 letters


@pytest.fixture
def breaks(monkeypatch) -> collections.Counter:
    """How often each (text, style, widths) is broken into lines from here on."""
    seen: collections.Counter = collections.Counter()
    real = Paragraph.breakLines

    def counting(self, width):
        seen[(self.getPlainText(), self.style.name, tuple(width) if isinstance(width, list) else width)] += 1
        return real(self, width)

    paragraphs.clear()
    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return seen


BIG_PRINT = """\
name: big
margins_mm: {top: 40, bottom: 40, left: 50, right: 50}
type_pt: {body: 24, title: 30, heading: 26, small: 16, line_spacing: 2.0}
"""


def long_program(folder: Path) -> Path:
    """A program whose note, in very big print on narrow pages, runs over several pages."""
    (folder / "big.yaml").write_text(BIG_PRINT, encoding="utf-8")
    path = folder / "long.yaml"
    path.write_text(f"title: Hips\ntemplate: {folder / 'big.yaml'}\nnote: {LONG_NOTE}\nexercises: [test-clam, test-lift]\n", encoding="utf-8")
    return path


def test_each_paragraph_is_broken_into_lines_once_per_handout(library_dir, breaks) -> None:
    builder = Builder((library_dir,))
    builder.pdf(Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ana"))
    assert len(breaks) > 30  # every paragraph of the handout went through the count
    assert max(breaks.values()) == 1, [key for key, count in breaks.items() if count > 1]


def test_each_table_is_measured_once(library_dir, monkeypatch) -> None:
    measured: collections.Counter = collections.Counter()
    alive: list[Table] = []  # kept, so that no table's id is a freed one's
    real = Table._calc

    def counting(self, availWidth, availHeight):
        measured[id(self)] += 1
        alive.append(self)
        return real(self, availWidth, availHeight)

    monkeypatch.setattr(Table, "_calc", counting)
    Builder((library_dir,)).pdf(Request(exercises=("test-clam", "test-lift"), date=DAY))
    assert len(measured) >= 8  # the summary, the log, and each card's columns, dose box and rule
    assert max(measured.values()) == 1


def test_the_next_handout_of_a_batch_breaks_only_what_differs(library_dir, breaks) -> None:
    builder = Builder((library_dir,))
    builder.pdf(Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ana"))
    breaks.clear()
    builder.pdf(Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Bea"))
    assert [text for text, _, _ in breaks] == ["For:\xa0Bea\xa0\xa0·\xa0 Date:\xa021\xa0November\xa02026"]  # the patient's line


def test_a_paragraph_split_over_pages_leaves_the_shared_lines_as_they_were() -> None:
    # Hyphenated words are what ReportLab changes in place when it splits (our own styles
    # never hyphenate, but a shared paragraph must be safe in any style).
    fonts()
    style = ParagraphStyle("hyphenating", fontName=BODY, fontSize=12, leading=18, embeddedHyphenation=1)
    word = "\xad".join(["extra", "ordin", "arily", "long", "hyphen", "ated", "word"])
    text = " ".join([f"<b>Lead</b> {word} and more {word}"] * 20)
    for lines in range(2, 12):
        paragraph, plain = Para(text, style), Paragraph(text, style)
        paragraph.wrap(150, 1e6)
        plain.wrap(150, 1e6)
        shared = pickle.dumps(paragraphs._broken(text, style, None, 150))
        halves = paragraph.split(150, 18 * lines + 1)
        assert pickle.dumps(paragraphs._broken(text, style, None, 150)) == shared
        # and split just as ReportLab's own Paragraph is
        expected = plain.split(150, 18 * lines + 1)
        assert [h.getPlainText() for h in halves] == [h.getPlainText() for h in expected]
        assert [h.wrap(150, 1e6) for h in halves] == [h.wrap(150, 1e6) for h in expected]
    again = Para(text, style)  # a later handout's copy still gets every line
    assert again.wrap(150, 1e6) == Paragraph(text, style).wrap(150, 1e6)


def test_a_long_note_split_over_pages_prints_whole_and_the_same_every_time(library_dir, tmp_path, monkeypatch) -> None:
    halves: list[int] = []
    real = Para.split

    def spy(self, availWidth, availHeight):
        found = real(self, availWidth, availHeight)
        halves.append(len(found))
        return found

    monkeypatch.setattr(Para, "split", spy)
    builder = Builder((library_dir,))
    request = Request(program=str(long_program(tmp_path)), date=DAY)
    first, second = builder.pdf(request), builder.pdf(request)
    assert halves.count(2) >= 2 and halves.count(2) % 2 == 0  # the note was split, the same in each build
    assert first == second
    text = squash(pdf_text(first))
    assert "Sentence 0 of a long note" in text and "Sentence 33 of a long note" in text


def test_a_handout_built_after_others_in_one_process_is_the_same_as_in_a_fresh_one(library_dir, tmp_path) -> None:
    program = long_program(tmp_path)
    builder = Builder((library_dir,))
    for request in (Request(exercises=("test-lift", "test-clam"), date=DAY, patient="Zoë"),
                    Request(exercises=("test-clam",), date=DAY, template="large-print", audience="clinician"),
                    Request(program=str(program), date=DAY, patient="Ana")):
        builder.pdf(request)
    here = builder.pdf(Request(program=str(program), date=DAY, patient="Ольга"))
    out = tmp_path / "fresh.pdf"
    subprocess.run([sys.executable, "-m", "handouts", "build", str(program), "--library", str(library_dir), "--patient", "Ольга",
                    "--date", DAY.isoformat(), "-o", str(out)], check=True, capture_output=True)
    assert hashlib.sha256(here).hexdigest() == hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_batch_keeps_nothing_per_handout(library_dir) -> None:
    builder = Builder((library_dir,))
    builder.pdf(Request(exercises=("test-clam", "test-lift"), date=DAY, patient="Ana"))  # loads the library
    gc.collect()
    sizes = []
    for patient in ("Bea", "Cai", "Dov", "Eli"):
        builder.pdf(Request(exercises=("test-clam", "test-lift"), date=DAY, patient=patient))
        sizes.append((paragraphs._parsed.cache_info().currsize, paragraphs._broken.cache_info().currsize))
        # and the document's own reference cycles were freed with it, not left for a full collection
        assert gc.collect() == 0
    assert len(set(sizes)) == 1, sizes


def test_the_caches_stay_bounded() -> None:
    fonts()
    style = ParagraphStyle("test", fontName=BODY, fontSize=12, leading=18)
    for i in range(paragraphs.PARSED_MAX + 100):
        Para(f"Text number {i}", style).wrap(200, 1000)
    assert paragraphs._parsed.cache_info().currsize == paragraphs.PARSED_MAX
    assert paragraphs._broken.cache_info().currsize == paragraphs.BROKEN_MAX
    for i in range(compression.STREAMS_MAX + 10):
        compression._encode(f"stream {i}")
    assert len(compression._streams) == compression.STREAMS_MAX


def test_a_cached_stream_is_what_zlib_makes() -> None:
    compression.clear()
    data = b"BT /F1 12 Tf (Lift your top knee) Tj ET\n" * 50
    assert compression._encode(data) == zlib.compress(data)
    assert compression._encode(data.decode()) == zlib.compress(data)  # the second time from the cache
    assert len(compression._streams) == 1
    assert compression._encode(data + b"\n") == zlib.compress(data + b"\n")


def test_handouts_with_one_template_share_its_styles(library_dir) -> None:
    builder = Builder((library_dir,))
    standard, large = builder.template("standard"), builder.template("large-print")
    assert styles(standard) is styles(msgspec.structs.replace(standard))
    assert styles(large).body.fontSize > styles(standard).body.fontSize
