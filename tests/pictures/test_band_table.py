"""The standing band abduction's one prop, the table: a chair held on the other side, with
the outside hand, stood where the lifted leg swung out (the foot stopped 2.4 mm short of
it: it seemed to kick the chair, and a patient would hit it). Now the inside hand rests on
the table the band is tied to, a short step away on the standing side (`distance:`), and
the leg swings out, away from it, into free space.
"""

from __future__ import annotations

import math

import pytest
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, PROP_COLOUR, TINT_COLOUR, frame_drawings, role_colours
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.fixed_props import TABLE_NEAR, fixed_props
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, figure, one_line_problems, shapes, xs
from .test_round6_standing import _page
from .test_round7_bands import strip_shape

MM = 72 / 25.4
BAND = role_colours(ACCENT_COLOUR)["band"]
TABLE = "view: front\nlook_down: 25\nbase: standing\nend: {{}}\nprops:\n  - {{prop: table, at: right_ankle, side: right{extra}}}\n"


def _frames():
    """The pose, its two placed bodies and camera, its two drawn frames, and the table's knot."""
    ill = load_pose_illustration(bundled_pose_path("standing-band-abduction"))
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    cam = Camera(ill.elevation, ill.yaw)
    return ill, (start, end), cam, frame_drawings(ill, WIDTH), fixed_props(ill, start, [end], cam).anchors["table"]


def test_one_prop_the_table_on_the_standing_side() -> None:
    """Nothing but the table (a top over four legs, each box with its lit top face) and the
    band: no chair. On the page all of the table lies on the standing side, left of the
    standing ankle, in both frames."""
    ill, bodies, cam, drawings, _ = _frames()
    assert [p.prop for p in ill.props] == ["table", "band"]
    for drawing, body in zip(drawings, bodies):
        props = [s for s in shapes(drawing, "behind") if isinstance(s, Polygon)]
        assert sorted(s.fillColor.hexval() for s in props) == [HexColor(PROP_COLOUR).hexval()] * 5 + [HexColor(TINT_COLOUR).hexval()] * 5
        assert not shapes(drawing, "under"), "nothing drawn over the figure: no chair"
        assert max(xs(props)) < _page(ill, cam, body.points["right_ankle"].c)[0], "the table beside the standing leg"


def test_the_inside_hand_rests_on_the_table_top_in_both_frames() -> None:
    """The inside arm reaches out to the table: in both frames the lowest point of the hand
    (the end of the figure's leftmost shape, the forearm) is within 1.5 mm, up or down, of
    the front edge of the table top's lit face (2.4 mm deep on the page), and lies over
    the top, more than 1 mm inside its ends: a hand resting on it, not beside or over it."""
    _, _, _, drawings, _ = _frames()
    for drawing in drawings:
        forearm = min(figure(drawing), key=lambda p: min(p.points[0::2]))
        low = min(zip(forearm.points[0::2], forearm.points[1::2]), key=lambda p: p[1])
        faces = [s for s in shapes(drawing, "behind") if s.fillColor == HexColor(TINT_COLOUR)]
        top = max(faces, key=lambda s: max(s.points[0::2]) - min(s.points[0::2]))  # the top, wider than a leg
        edge = min(top.points[1::2])  # its front edge: seen from above, the face's lowest on the page
        assert abs(low[1] - edge) < 1.5 * MM, f"the hand {(low[1] - edge) / MM:+.1f} mm from the table top's front edge"
        assert min(xs([top])) + MM < low[0] < max(xs([top])) - MM, "the hand over the table top, not past its end"


def test_the_band_stays_clear_of_the_standing_ankle() -> None:
    """Judges read a band across the standing ankle as tied round both ankles: in both frames
    no part of the strip comes within 1.5 mm of the standing ankle on the page."""
    ill, bodies, cam, drawings, _ = _frames()
    for drawing, body in zip(drawings, bodies):
        ankle = _page(ill, cam, body.points["right_ankle"].c)
        widths, centre = strip_shape(drawing)
        clear = min(math.dist(ankle, c) - w / 2 for w, c in zip(widths, centre))
        assert clear > 1.5 * MM, f"the band {clear / MM:.1f} mm from the standing ankle"


def test_the_lifted_foot_moves_away_from_the_table_into_free_space() -> None:
    """The outside foot starts on the far side of the standing foot from the table and moves
    out, away from it, by more than 5 mm; and nothing but the floor lies out past where it
    starts: no prop on the lifted leg's side for it to swing into."""
    ill, (start, end), cam, (_, finish), knot_at = _frames()
    knot = _page(ill, cam, knot_at)[0]
    a, b = (_page(ill, cam, body.points["left_ankle"].c)[0] for body in (start, end))
    assert knot < _page(ill, cam, start.points["right_ankle"].c)[0] < a, "table, standing foot, lifted foot, left to right"
    assert b - a > 5 * MM, f"the foot moves {(b - a) / MM:.1f} mm away from the table"
    props = [s for s in shapes(finish, "behind") + shapes(finish, "under") if isinstance(s, (Polygon, PolyLine))]
    assert max(xs(props)) < a, "no prop out on the lifted leg's side"


def test_a_table_stands_at_its_distance(write) -> None:
    """`distance:` sets how far out the table stands from its point, to its near edge: the
    knot on its near leg moves out with it, by as much; left out, it is TABLE_NEAR."""

    def knot_x(extra: str) -> float:
        ill = load_pose_illustration(write("t.yaml", TABLE.format(extra=extra)))
        body = placed(ill, ill.start)
        fixed = fixed_props(ill, body, [], Camera(ill.elevation, ill.yaw))
        return fixed.anchors["table"][0] - body.points["right_ankle"].c[0]

    default, near, far = knot_x(""), knot_x(", distance: 0.2"), knot_x(", distance: 0.6")
    assert default < near < 0 and far < default, "out on the body's right, the page's left"
    assert near - far == pytest.approx(0.4)
    assert near - default == pytest.approx(TABLE_NEAR - 0.2)


def test_a_table_distance_is_checked_with_its_line(write) -> None:
    """Too near (the leg against the foot), or on a prop that has no distance: one line each,
    with the file, line and column."""
    path = write("p.yaml", TABLE.format(extra=", distance: 0.05"))
    assert one_line_problems(path) == ["p.yaml:6:59: props[0].distance: must be at least 0.1 (not 0.05)"]
    path = write("q.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: chair_back, at: right_hand, distance: 0.3}\n")
    assert one_line_problems(path) == ["q.yaml:5:40: props[0].distance: a chair_back does not use `distance:` (remove it)"]
