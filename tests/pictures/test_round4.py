"""Round 4: what round 3's picture-only judges still got wrong; each test holds one fix.

Clamshells: the judges saw almost straight legs, a top foot lifting off the bottom one
(feet apart) and a knee that rose a couple of millimetres. The view is raised to 35
degrees (the bend of hips and knees shows in both frames), the top knee opens further,
and the feet stay on each other.

Hip hike: the pelvis tilt was about a millimetre of a thin line, and the free foot's rise
the change that showed; the tilt is bigger and the arrow is on the free hip. Hip drop:
the free foot looked level with the step at the Start, the arrow floated by the hand.
"""

from __future__ import annotations

import math

import pytest
from reportlab.graphics.shapes import PolyLine

from handouts.pictures.pictogram.draw import fit, frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, shapes
from .test_teaching import ACCENT, _gap

CLAMSHELLS = ["clamshell", "clamshell-band", "clamshell-flexed"]
MM = 72 / 25.4


def _poses(name: str):
    ill = load_pose_illustration(bundled_pose_path(name))
    return ill, placed(ill, ill.start), placed(ill, ill.end), Camera(ill.elevation, ill.yaw)


def _page_angle(cam: Camera, body, a: str, b: str, c: str) -> float:
    """The angle at b between b-a and b-c, as drawn on the page."""
    pa, pb, pc = (cam.xy(body.points[p].c) for p in (a, b, c))
    u, v = (pa[0] - pb[0], pa[1] - pb[1]), (pc[0] - pb[0], pc[1] - pb[1])
    return math.degrees(math.acos((u[0] * v[0] + u[1] * v[1]) / math.hypot(*u) / math.hypot(*v)))


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_clamshell_feet_rest_on_each_other_in_both_frames(name: str) -> None:
    """The top foot lies on the bottom one at the Start and stays there at the Finish
    (round 3's top foot rose 0.014-0.015 body heights off it, which read as feet apart)."""
    _, start, end, _ = _poses(name)
    for body in (start, end):
        assert abs(_gap(body, "right_foot", "left_foot")) < 0.012, "the feet touch"


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_clamshell_knee_opens_several_millimetres(name: str) -> None:
    """At print size the knees are more than 8 mm apart at the Finish, the top knee
    rising more than 6 mm up the page (round 3: 7-7.7 mm, rising 4.5-5.5 mm)."""
    ill, start, end, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    knees = math.dist(cam.xy(end.points["right_knee"].c), cam.xy(end.points["left_knee"].c)) * k
    rise = (cam.xy(end.points["right_knee"].c)[1] - cam.xy(start.points["right_knee"].c)[1]) * k
    assert knees > 8 * MM, f"{name}: knees {knees / MM:.1f} mm apart"
    assert rise > 6 * MM, f"{name}: the knee rises {rise / MM:.1f} mm"


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_clamshell_start_shows_both_knees_bent(name: str) -> None:
    """On the page both legs bend clearly at the knee at the Start (round 3's plain and
    band clamshells: 121 degrees for the top leg, 150 for the bottom one: nearly straight)."""
    _, start, _, cam = _poses(name)
    for side in ("right", "left"):
        angle = _page_angle(cam, start, f"{side}_hip", f"{side}_knee", f"{side}_ankle")
        assert angle < (120 if side == "right" else 150), f"{name}: the {side} knee at {angle:.0f} degrees"


def test_the_hip_hike_tilts_the_pelvis_clearly() -> None:
    """On the page the line through the hip joints is level at the Start (round 5: a Start
    already sagged, with the foot up, read as a march) and slopes at least 15 degrees up
    to the free side at the Finish (round 3: 14 both ways), the trunk upright."""
    ill, start, end, cam = _poses("hip-listing-wall")
    for body, low, high in ((start, -1, 1), (end, 15, 90)):
        (rx, ry), (lx, ly) = cam.xy(body.points["right_hip"].c), cam.xy(body.points["left_hip"].c)
        slope = math.degrees(math.atan2(ly - ry, abs(lx - rx)))
        assert low < slope < high, f"the hip line slopes {slope:.0f} degrees"
        assert abs(body.points["neck"].c[0] - body.points["pelvis"].c[0]) < 0.03, "the trunk upright"


@pytest.mark.parametrize("name", ["pelvic-drop"])  # the hip hike's arrow: test_round5
def test_the_hip_arrow_is_on_the_free_hip_pointing_up(name: str) -> None:
    """Judges read an arrow over the ball as "push the ball up", and the hip drop's arrow
    by the hand as floating: it is on the free side's hip, within a few millimetres of
    the joint, and points up, into the Up frame. Just outside it: 3 mm from the joint it
    lay over the light grey shorts, and in greyscale the grey arrow was lost on them."""
    ill, _, end, cam = _poses(name)
    k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    (shaft,) = [s for s in shapes(frame_drawings(ill, WIDTH)[1], "arrows") if isinstance(s, PolyLine) and s.strokeColor == ACCENT]
    xs, ys = shaft.points[0::2], shaft.points[1::2]
    assert ys[-1] - ys[0] > 5 and abs(xs[-1] - xs[0]) < 0.15 * (ys[-1] - ys[0]), "up, within 9 degrees of straight"
    hx, hy = cam.xy(end.points["left_hip"].c)
    near = min(math.dist((x, y), (ox + hx * k, oy + hy * k)) for x, y in zip(xs, ys))
    assert near < 4.5 * MM, f"the arrow {near / MM:.1f} mm from the free hip"
    assert near > 3 * MM, f"the arrow {near / MM:.1f} mm from the free hip: on the grey shorts"


def test_the_hip_drop_free_foot_hangs_well_out_past_the_step_at_the_start() -> None:
    """Judges saw the free foot about level with the step at the Start: it is a hand's
    width out past the step's edge (the edge is just inside the standing foot), over the
    floor, in both frames (round 3: 0.13 body heights)."""
    ill, start, end, _ = _poses("pelvic-drop")
    for body in (start, end):
        standing = max(b.c[0] + b.r for b in body.parts["right_foot"].balls)
        free = min(b.c[0] - b.r for b in body.parts["left_foot"].balls)
        assert free - standing > 0.16, "out past the step's edge"
