"""The standing band abduction's chair and table: judges read "two chairs" and "the band
threads through the chair being held" (the chair stood between the body and the table, so
the band from the table crossed it on the page whatever its arm). The chair is now held
with the outside hand, out past the lifted foot, and the table, pale and backless, a short
step away on the standing side (`distance:`), so the band runs clear of the chair.
"""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, WALL_COLOUR, frame_drawings, role_colours
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.fixed_props import TABLE_NEAR, fixed_props
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, figure, one_line_problems, shapes, xs
from .test_teaching import ACCENT

MM = 72 / 25.4
BAND = role_colours(ACCENT_COLOUR)["band"]
TABLE = "view: front\nlook_down: 25\nbase: standing\nend: {{}}\nprops:\n  - {{prop: table, at: right_ankle, side: right{extra}}}\n"


def test_the_band_runs_clear_of_the_chair_and_the_chair_clear_of_the_lifted_foot() -> None:
    """On the page, in both frames, every part of the band (the strip, the knot round the
    table's leg, the cuff) lies on the table's side of the one chair, more than 2 mm short
    of it; at the Finish the lifted leg stops more than 2 mm short of the chair, and the
    arrow more than 3 mm short of it, so that the leg does not seem to kick it."""
    ill = load_pose_illustration(bundled_pose_path("standing-band-abduction"))
    for i, drawing in enumerate(frame_drawings(ill, WIDTH)):
        chair = [s for s in shapes(drawing, "under") if isinstance(s, Polygon) and s.fillColor == HexColor(WALL_COLOUR)]
        assert len(chair) == 3, "one chair: a backrest, a seat and a front leg"
        near = min(xs(chair))
        band = [s for s in shapes(drawing, "figure")
                if (isinstance(s, Polygon) and s.fillColor == BAND) or (isinstance(s, PolyLine) and s.strokeColor == BAND)]
        assert len(band) >= 3, "a strip, a knot and a cuff"
        assert near - max(xs(band)) > 2 * MM, f"the band {(near - max(xs(band))) / MM:.1f} mm from the chair"
        if i == 1:
            body = figure(drawing)
            bottom, top = min(s for p in body for s in p.points[1::2]), max(s for p in body for s in p.points[1::2])
            legs = [p for p in body if max(p.points[1::2]) < bottom + 0.45 * (top - bottom)]
            assert near - max(xs(legs)) > 2 * MM, f"the lifted foot {(near - max(xs(legs))) / MM:.1f} mm from the chair"
            arrow = [s for s in shapes(drawing, "arrows") if isinstance(s, PolyLine) and s.strokeColor == ACCENT]
            assert arrow and near - max(xs(arrow)) > 3 * MM, "the arrow clear of the chair"


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
