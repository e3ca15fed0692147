"""Round 7, the bands: round 6's picture-only judges read the band tied to the table as a
straight rigid rod and the loop round the standing thighs as a hoop or a skateboard, saw
the standing lift start with the leg already out, and read the side steps, seen from 45
degrees round with a level arrow, as a step forward or a lunge.
Each test holds one fix in place, measured on the pose and the drawn frames.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, fit, frame_drawings, role_colours
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, band_faces, shapes

MM = 72 / 25.4
BAND = role_colours(ACCENT_COLOUR)["band"]


def _poses(name: str):
    ill = load_pose_illustration(bundled_pose_path(name))
    return ill, placed(ill, ill.start), placed(ill, ill.end), Camera(ill.elevation, ill.yaw)


def strip_shape(drawing) -> tuple[list[float], list[tuple[float, float]]]:
    """The light middle of a strip from the table: its widths and its centre line, end to end, on the page."""
    (strip,) = [s for s in shapes(drawing, "figure") if isinstance(s, Polygon) and s.fillColor == BAND]
    pts = list(zip(strip.points[0::2], strip.points[1::2]))
    n = len(pts) // 2
    pairs = list(zip(pts[:n], pts[n:][::-1]))  # one side out, the other back
    return [math.dist(a, b) for a, b in pairs], [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in pairs]


def _sag(centre: list[tuple[float, float]]) -> float:
    """How far the strip's middle hangs below the straight line between its ends, on the page."""
    a, b, m = centre[0], centre[-1], centre[len(centre) // 2]
    return a[1] + (m[0] - a[0]) / (b[0] - a[0]) * (b[1] - a[1]) - m[1]


def test_the_band_from_the_table_is_a_flat_elastic_strip_not_a_rod() -> None:
    """Judges read the band as a straight rigid rod (a stroke of one width, straight). At the
    Start, less stretched, it hangs more than 0.3 mm below the line between its ends; at the
    Finish, pulled, it runs nearly straight (less than half that sag) and its middle is
    narrower than its ends by more than a third (round 6: one width, straight)."""
    ill = load_pose_illustration(bundled_pose_path("standing-band-abduction"))
    (start_w, start_c), (end_w, end_c) = (strip_shape(d) for d in frame_drawings(ill, WIDTH))
    assert _sag(start_c) > 0.3 * MM, f"the slack band sags {_sag(start_c) / MM:.2f} mm"
    assert _sag(end_c) < _sag(start_c) / 2, "the stretched band runs straighter"
    mid = end_w[len(end_w) // 2]
    assert mid < 0.67 * min(end_w[0], end_w[-1]), f"the pulled middle {mid / end_w[0]:.2f} of the ends' width"
    assert start_w[len(start_w) // 2] > mid, "narrower when pulled harder"


def test_the_standing_lift_starts_in_under_the_hip_and_ends_well_out() -> None:
    """Judges saw the leg already out to the side at the Start and the movement small. On the
    page the moving leg (hip to ankle) is within 7 degrees of upright at the Start, and
    moves out by more than 20 degrees to the Finish (round 6: 10 to 26 in the room)."""
    ill, start, end, cam = _poses("standing-band-abduction")

    def out(body) -> float:
        hip, ankle = cam.xy(body.points["left_hip"].c), cam.xy(body.points["left_ankle"].c)
        return math.degrees(math.atan2(abs(ankle[0] - hip[0]), hip[1] - ankle[1]))

    assert out(start) < 7, f"the leg {out(start):.1f} degrees out at the Start"
    assert out(end) - out(start) > 20, f"the leg moves {out(end) - out(start):.1f} degrees"


def test_the_side_step_runs_across_the_page_along_the_floor() -> None:
    """Judges read the side step, seen from 45 degrees round, as a step forward or a lunge,
    its arrow level rather than along the floor. Seen from less far round (at most 35), the
    leading foot moves mostly across the page (more than twice as far across as up or down),
    and its arrow follows the foot's path over the floor, not only its level part."""
    ill, start, end, cam = _poses("lateral-band-walk")
    assert ill.yaw <= 35
    a, b = cam.xy(start.points["right_foot"].c), cam.xy(end.points["right_foot"].c)
    assert abs(b[0] - a[0]) > 2 * abs(b[1] - a[1]), "the step runs across the page"
    arrow = ill.arrows[0]  # the step's (round 15: the trailing foot's follows it, smaller)
    assert arrow.move == "right_foot" and arrow.along in (None, "path"), "the arrow along the foot's path"


def _across(face: Polygon, x: float) -> float:
    """How wide a band's face is, up and down the page, where it crosses the page's x."""
    pts = list(zip(face.points[0::2], face.points[1::2]))
    pts.append(pts[0])
    ys = [y0 + (x - x0) / (x1 - x0) * (y1 - y0) for (x0, y0), (x1, y1) in zip(pts, pts[1:]) if min(x0, x1) <= x < max(x0, x1)]
    return max(ys) - min(ys) if len(ys) >= 2 else 0.0


def test_the_loop_round_standing_thighs_is_a_flat_band_pulled_thin_between_them() -> None:
    """Judges read the loop round the standing thighs, a line of one width, as a hoop, a belt
    or a skateboard. It is drawn as the flat band it is: a light face edged dark, in front of
    the thighs and behind them, more than 0.9 mm wide up the thighs on each thigh, and
    narrower by more than a fifth midway between them, where it is pulled."""
    ill, start, end, cam = _poses("lateral-band-walk")
    k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    for drawing, body in zip(frame_drawings(ill, WIDTH), (start, end)):
        thighs = [ox + cam.xy(body.points[f"{s}_thigh"].c)[0] * k for s in ("right", "left")]
        mid = sum(thighs) / 2
        faces = [f for f in band_faces(drawing) if _across(f, mid) > 0]
        assert len(faces) >= 2, "a strand in front of the thighs and one behind"
        for face in faces:
            on = [_across(face, x) for x in thighs]
            assert min(on) > 0.9 * MM, f"the band {min(on) / MM:.2f} mm wide on the thighs"
            assert _across(face, mid) < 0.8 * min(on), "narrower midway, pulled"
