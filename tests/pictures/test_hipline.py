"""hipline: every judge read the hip line (a white band through both hips, drawn over
everything and a little past the body, with the dashed level line on it) as a stick held at
the waist. It is now light grey shorts: the pelvis below the line through the hip joints
and each thigh down to a hem, drawn with the body. Measured on the drawn frames at print
size (a standard 40 mm frame), plain and mirrored.
"""

from __future__ import annotations

import math

import pytest
from reportlab.graphics.shapes import Polygon
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import SHORTS_COLOUR, fit, frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, figure, shapes

MM = 72 / 25.4
SHORTS = HexColor(SHORTS_COLOUR)


def _shorts(drawing) -> list[Polygon]:
    return [s for s in shapes(drawing, "figure") if isinstance(s, Polygon) and s.fillColor == SHORTS]


def _pts(s: Polygon) -> list[tuple[float, float]]:
    return list(zip(s.points[0::2], s.points[1::2]))


def _waistband(drawing) -> tuple[float, float]:
    """The shorts' top edge: the longest straight edge of their biggest piece (the pelvis's),
    as (its slope in degrees on the page, -90 to 90; its length in points)."""
    piece = max(_shorts(drawing), key=lambda s: max(s.points[0::2]) - min(s.points[0::2]))
    pts = _pts(piece)
    p, q = max(zip(pts, pts[1:] + pts[:1]), key=lambda e: math.dist(*e))
    slope = (math.degrees(math.atan2(q[1] - p[1], q[0] - p[0])) + 90) % 180 - 90
    return slope, math.dist(p, q)


def _inside(p: tuple[float, float], poly: list[tuple[float, float]], slack: float) -> bool:
    """Whether a point lies inside a convex polygon, or within `slack` points of its edges."""
    for a, b in zip(poly, poly[1:] + poly[:1]):
        ex, ey = b[0] - a[0], b[1] - a[1]
        n = math.hypot(ex, ey) or 1.0
        if (ex * (p[1] - a[1]) - ey * (p[0] - a[0])) / n < -slack:
            return False
    return True


@pytest.mark.parametrize("mirror", [False, True])
@pytest.mark.parametrize("name,first,second", [("pelvic-drop", None, None), ("hip-listing-wall", 1.0, 15.0)])
def test_the_shorts_top_edge_shows_the_pelvis_tilt(name: str, first, second, mirror: bool) -> None:
    """The waistband's slope on the page changes by more than 15 degrees between the frames
    (the hip drop: down on the free side, then up; the hip hike: level, then up on the free
    side), and it is more than 5 mm long at print size: a tilt to see, not a sliver."""
    ill = load_pose_illustration(bundled_pose_path(name))
    frames = frame_drawings(ill, WIDTH, mirror=mirror)
    (a, la), (b, lb) = (_waistband(f) for f in frames)
    assert abs(b - a) > 15, f"the waistband {a:.0f} then {b:.0f} degrees"
    assert min(la, lb) > 5 * MM, f"the waistband {min(la, lb) / MM:.1f} mm long"
    if first is not None:
        assert abs(a) < first and abs(b) > second, f"level ({a:.1f}), then tilted ({b:.1f})"
    # the free side goes down then up: mirrored, the slope flips with the page
    free_up = -1 if mirror else 1
    if name == "pelvic-drop":
        assert a * free_up < -4 and b * free_up > 4, f"down ({a:.0f}), then up ({b:.0f})"


@pytest.mark.parametrize("name", ["pelvic-drop", "hip-listing-wall"])
def test_the_shorts_stay_on_the_body_and_under_the_hand(name: str) -> None:
    """Nothing of the hip line reaches past the body's outline (a band out past the hips
    read as a stick), there is no white band left, and on the hip drop the hand on the hip
    is drawn after the shorts, over them where they meet (the white band, drawn over the
    hand, read as held in it; the hand now rests on the waist about 1.5 mm above them)."""
    ill = load_pose_illustration(bundled_pose_path(name))
    start, end, cam = placed(ill, ill.start), placed(ill, ill.end), Camera(ill.elevation, ill.yaw)
    frames = frame_drawings(ill, WIDTH)
    for frame in frames:
        pieces = _shorts(frame)
        assert len(pieces) == 3, "the pelvis and both thighs"
        body = [_pts(s) for s in figure(frame)]
        for piece in pieces:
            for p in _pts(piece):
                assert any(_inside(p, outline, 0.05) for outline in body), f"a shorts corner at {p} off the body"
        drawn = shapes(frame, "figure")
        white = [s for s in drawn if getattr(s, "strokeColor", None) == HexColor("#ffffff") and not s.fillColor]
        assert not white, "no white stroke on the figure"
        if name == "pelvic-drop":
            # the hand on the free hip: the body part under the hand's point, drawn after the shorts
            k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
            body_at = (start, end)[frames.index(frame)]
            x, y = cam.xy(body_at.points["left_hand"].c)
            hand = (ox + x * k, oy + y * k)
            pelvis = max(pieces, key=lambda s: max(s.points[0::2]) - min(s.points[0::2]))
            forearm = [s for s in figure(frame) if _inside(hand, _pts(s), 0.0) and drawn.index(s) > drawn.index(pelvis)]
            assert forearm, "the hand drawn over the shorts"
