"""Round 15's picture-only judges on the one-leg reach and hip shift and on the hip drop on a step.

single-leg-reach-hip-shift: both said "the free foot is barely off the floor, so the patient
may stand on both feet" (0.085 body heights up, its shin hanging back behind the knee, nearly
straight on the page); round 13's had read a shin angled out as "the foot may be held out to
the side". The foot is now up at the standing calf, beside and behind it, the knee plainly bent
on the page and the shin angled in towards the standing leg.
pelvic-drop: in the Down frame "the free foot sits over a floor shadow, so it looks planted on
the floor (like a step-up) rather than hanging off the step".
Each test is measured on the poses and the drawn frames at print size, and fails on the old pose.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Polygon

from handouts.pictures.pictogram.draw import fit, frame_drawings
from handouts.pictures.pictogram.scene import build_scenes

from .test_pictogram import WIDTH, shapes
from .test_round4 import _page_angle, _poses
from .test_round5 import MM, _on_page

SHIFT, DROP = "single-leg-reach-hip-shift", "pelvic-drop"


def _over_shadow(ill, frame, body, foot: str) -> float:
    """How far the foot's lowest edge draws above the top of its shadow, in mm at print size."""
    k, _, oy, _ = fit(build_scenes(ill), WIDTH)
    cam_xy = _cam(ill).xy
    (shadow,) = [s for s in shapes(frame, "behind") if isinstance(s, Polygon) and len(s.points) == 40]
    sole = oy + k * min(cam_xy(b.c)[1] - b.r for b in body.parts[foot].balls)
    return (sole - max(shadow.points[1::2])) / MM


def _cam(ill):
    from handouts.pictures.pictogram.shapes import Camera

    return Camera(ill.elevation, ill.yaw)


def test_the_hip_shift_free_foot_is_clearly_up_with_the_knee_bent() -> None:
    """In both frames the free foot's sole draws more than 3.5 mm above its shadow at print size
    (round 15: 2.1 mm, "barely off the floor") and the free knee bends to under 110 degrees on
    the page (150 and 156: the shin hung back behind the knee, foreshortened to a near-straight
    leg)."""
    ill, start, end, cam = _poses(SHIFT)
    for frame, body in zip(frame_drawings(ill, WIDTH), (start, end)):
        gap = _over_shadow(ill, frame, body, "left_foot")
        assert gap > 3.5, f"the free foot {gap:.1f} mm over its shadow"
        bend = _page_angle(cam, body, "left_hip", "left_knee", "left_ankle")
        assert bend < 110, f"the free knee {bend:.0f} degrees on the page"


def test_the_hip_shift_free_shin_angles_in_to_the_standing_calf() -> None:
    """Not out to the side (round 13): on the page the free shin runs from the knee in towards
    the standing leg (its ankle no further out than its knee; round 15's pose: 1.8 mm out), and
    the foot shows beside the standing ankle, 1.5 to 4 mm out from it (not hidden behind the
    standing calf, nor held out)."""
    ill, start, end, _ = _poses(SHIFT)
    for body in (start, end):
        out = 1.0 if _on_page(ill, body, "left_hip")[0] > _on_page(ill, body, "right_hip")[0] else -1.0
        shin = (_on_page(ill, body, "left_ankle")[0] - _on_page(ill, body, "left_knee")[0]) * out
        assert shin <= 0, f"the shin angles {shin / MM:.1f} mm out on the page"
        across = (_on_page(ill, body, "left_foot")[0] - _on_page(ill, body, "right_ankle")[0]) * out
        assert 1.5 * MM < across < 4 * MM, f"the foot {across / MM:.1f} mm out from the standing ankle"


def test_the_hip_drop_free_foot_hangs_in_the_air_when_down() -> None:
    """Round 15: the Down frame's free foot, 2.4 cm over the floor (0.014 body heights) and
    0.8 mm over its shadow on the page, looked planted (a step-up). Hung 16 out and 16 forward,
    the knee still straight, it is more than 0.03 body heights (5 cm) over the floor and its sole
    draws more than 1.1 mm over its shadow at print size, with the pelvis tilted as before (down
    14, up 24) and the free leg the same out and forward in both frames."""
    ill, start, end, _ = _poses(DROP)
    assert start.bottom_of("left_foot") > 0.03, f"{start.bottom_of('left_foot'):.3f} body heights up"
    gap = _over_shadow(ill, frame_drawings(ill, WIDTH)[0], start, "left_foot")
    assert gap > 1.1, f"the free foot {gap:.2f} mm over its shadow"
    assert ill.start.angles["pelvis"]["side_tilt"] == 14 and ill.end.angles["pelvis"]["side_tilt"] == -24
    assert ill.start.angles["left_hip"]["flexion"] == ill.end.angles["left_hip"]["flexion"]
    out = [pose.angles["left_hip"]["abduction"] - pose.angles["pelvis"]["side_tilt"] for pose in (ill.start, ill.end)]
    assert out[0] == out[1], f"the free leg {out} out in the room"
