"""The body font prints its zero without the slash, and nothing else about it changes."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from handouts.page import plain_zero as module
from handouts.page.fonts import body_files
from handouts.reading import cache


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HANDOUTS_NO_CACHE", raising=False)


@pytest.mark.parametrize("file", body_files(), ids=["regular", "bold"])
def test_the_zero_has_one_whole_counter_and_every_other_glyph_is_the_font_s_own(file: str) -> None:
    before = TTFont(file)
    after = TTFont(io.BytesIO(module.plain_zero(file).read()))
    old, new = before["glyf"]["zero"], after["glyf"]["zero"]
    assert (old.numberOfContours, new.numberOfContours) == (3, 2)  # outline, counter cut in two, slash → outline, counter
    # the outline is the font's own; the counter lies inside it, as wide and tall as the two pieces were
    points, ends, _ = new.getCoordinates(after["glyf"])
    outer, inner = points[: ends[0] + 1], points[ends[0] + 1:]
    old_points, old_ends, _ = old.getCoordinates(before["glyf"])
    assert list(outer) == list(old_points[: old_ends[0] + 1])
    pieces = old_points[old_ends[0] + 1:]
    assert (min(p[0] for p in inner), max(p[0] for p in inner)) == (min(p[0] for p in pieces), max(p[0] for p in pieces))
    assert (min(p[1] for p in inner), max(p[1] for p in inner)) == (min(p[1] for p in pieces), max(p[1] for p in pieces))
    # drawn the other way round from the outline, so it is a hole (a signed area of the opposite sign)
    assert _signed_area(list(outer)) * _signed_area(list(inner)) < 0
    assert after["hmtx"].metrics == before["hmtx"].metrics  # no letter moves
    assert after.getGlyphOrder() == before.getGlyphOrder() and after.getBestCmap() == before.getBestCmap()
    changed = [g for g in before.getGlyphOrder() if g != "zero" and before["glyf"][g].compile(before["glyf"]) != after["glyf"][g].compile(after["glyf"])]
    assert changed == []
    assert after["head"].modified == before["head"].modified  # the same bytes every time it is made


def test_the_made_font_is_kept_found_by_the_font_s_bytes_and_made_again_when_damaged(tmp_path, monkeypatch) -> None:
    file = body_files()[0]
    made = module.plain_zero(file).read()
    [kept] = (tmp_path / "cache" / "font").iterdir()
    monkeypatch.setattr(module, "_mended", lambda raw: pytest.fail("made again, though it was kept"))
    assert module.plain_zero(file).read() == made
    kept.write_bytes(kept.read_bytes()[:-20])  # cut short: its digest line no longer matches
    monkeypatch.setattr(module, "_mended", lambda raw: b"remade")
    assert module.plain_zero(file).read() == b"remade"
    # another font's bytes are another key: a copy edited by one byte is never given the kept font
    edited = tmp_path / "edited.ttf"
    raw = bytearray(open(file, "rb").read())
    raw[-1] ^= 1
    edited.write_bytes(bytes(raw))
    monkeypatch.setattr(module, "_mended", lambda raw: b"for the edited one")
    assert module.plain_zero(str(edited)).read() == b"for the edited one"
    assert cache.digest(bytes(raw)) != cache.digest(open(file, "rb").read())


def test_a_font_whose_zero_is_not_slashed_is_used_as_it_is(tmp_path) -> None:
    plain = tmp_path / "plain.ttf"
    font = TTFont(body_files()[0])
    font["glyf"]["zero"] = font["glyf"]["o"]  # two contours: nothing to mend
    font.save(plain)
    assert module.plain_zero(str(plain)) == str(plain)


def test_the_body_fonts_registered_for_a_handout_are_the_ones_with_the_plain_zero() -> None:
    """What ReportLab embeds in every handout is a subset of the font registered here."""
    from reportlab.pdfbase import pdfmetrics

    from handouts.page.fonts import BODY, BOLD, fonts

    fonts()
    for name in (BODY, BOLD):
        registered = TTFont(io.BytesIO(pdfmetrics.getFont(name).face._ttf_data))  # noqa: SLF001 (ReportLab keeps the file's bytes)
        assert registered["glyf"]["zero"].numberOfContours == 2, name


def _signed_area(points: list[tuple[int, int]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2
