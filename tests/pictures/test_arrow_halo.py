"""An arrow's white halo: the clearance a limb has, round the arrow's dark rim.

On a mono laser the accent prints mid grey and the rim dark; where an arrow crossed a
black limb or a grey wall (pelvic-drop at the hip, standing-band-abduction, wall-side-bend)
the halo, then drawn round the accent and so mostly covered by the rim, left too little
white between the rim and what lay behind, and reviewers lost the arrow.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor, white

from handouts.pictures.pictogram.draw import fit, frame_drawings
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import GAP

from .test_pictogram import DARK, POSES, WIDTH, ids, shapes

ACCENT = HexColor("#b35900")


def _pairs(flat: list[float]) -> list[tuple[float, float]]:
    return list(zip(flat[0::2], flat[1::2]))


def _clearance(point: tuple[float, float], hull: list[tuple[float, float]]) -> float:
    """How far inside a convex polygon a point lies (negative if outside)."""
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(hull, hull[1:] + hull[:1]))
    sign = 1.0 if area > 0 else -1.0
    inside = math.inf
    for a, b in zip(hull, hull[1:] + hull[:1]):
        ex, ey = b[0] - a[0], b[1] - a[1]
        n = math.hypot(ex, ey)
        if n > 1e-9:  # the signed distance to the edge's line, positive inwards
            inside = min(inside, sign * (ex * (point[1] - a[1]) - ey * (point[0] - a[0])) / n)
    return inside


@pytest.mark.parametrize("path", POSES, ids=ids(POSES))
def test_an_arrow_is_cleared_round_its_rim_as_a_limb_is(path: Path) -> None:
    """Every arrow's shaft and head lie over white that reaches a limb's halo (GAP) beyond
    their dark rim, and no further: a thin rim, not a bloated arrow in colour."""
    ill = load_pose_illustration(path)
    k = fit(build_scenes(ill), WIDTH)[0]
    gap = GAP * k
    drawn = shapes(frame_drawings(ill, WIDTH)[1], "arrows")
    shafts = [s for s in drawn if isinstance(s, PolyLine) and s.strokeColor == ACCENT]
    heads = [s for s in drawn if isinstance(s, Polygon) and s.fillColor == ACCENT]
    checked = 0
    for i, rim in enumerate(drawn):
        if isinstance(rim, PolyLine) and rim.strokeColor == DARK and any(s.points == rim.points for s in shafts):
            halos = [h for h in drawn[:i] if isinstance(h, PolyLine) and h.strokeColor == white and h.points == rim.points]
            assert halos, f"{path.stem}: a shaft's rim has no white halo under it"
            extra = (halos[-1].strokeWidth - rim.strokeWidth) / 2
            assert gap * 0.99 <= extra <= gap * 1.01, f"{path.stem}: {extra:.2f} pt of white beyond the shaft's rim, a limb has {gap:.2f}"
            checked += 1
        elif isinstance(rim, Polygon) and rim.fillColor == DARK and any(h.points == rim.points for h in heads):
            halos = [h for h in drawn[:i] if isinstance(h, Polygon) and h.fillColor == white and h.strokeColor is None]
            corners = _pairs(rim.points)
            around = [h for h in halos if all(_clearance(c, _pairs(h.points)) > 0 for c in corners)]
            assert around, f"{path.stem}: a head's rim has no white halo under it"
            # the rim's round joins reach half its width past each corner; the halo's
            # eight-sided circles reach at least cos(22.5 deg) of their radius
            extra = min(_clearance(c, _pairs(around[-1].points)) for c in corners) - rim.strokeWidth / 2
            assert gap * 0.85 <= extra <= gap * 1.01, f"{path.stem}: {extra:.2f} pt of white beyond a head's rim, a limb has {gap:.2f}"
            checked += 1
    if path.stem in ("pelvic-drop", "standing-band-abduction", "wall-side-bend", "clamshell", "sideways-hop"):
        assert checked >= 2, f"{path.stem}: a shaft and a head checked"
