"""Round 3 of picture-only readers (two judges, scores 1-5 on "could a patient who never
saw this exercise do it right from the picture?") found these faults; each test holds one
fix in place.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, END_COLOUR, FAR_COLOUR, fit, frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed, step_height
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import POSES, WIDTH, ids, shapes
from .test_pictogram import figure as figure_of
from .test_teaching import ACCENT


@pytest.mark.parametrize("path", POSES, ids=ids(POSES))
def test_the_accent_is_only_on_arrows_and_bands(path: Path) -> None:
    """An accent oval on the standing hip (a "muscle that works" mark) read as pain or a
    shadow to both judges: nothing on the body or the props is filled with the accent;
    it is kept for the arrows (solid) and the bands (a light tint of it)."""
    for drawing in frame_drawings(load_pose_illustration(path), WIDTH):
        for group in ("floor", "behind", "figure", "under"):
            filled = [s for s in shapes(drawing, group) if isinstance(s, Polygon) and s.fillColor == ACCENT]
            assert filled == [], f"{group}: {len(filled)} accent-filled shapes"


def _poses(name: str):
    ill = load_pose_illustration(bundled_pose_path(name))
    return ill, placed(ill, ill.start), placed(ill, ill.end)


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band", "clamshell-flexed"])
def test_the_clamshell_opens_the_knees_and_keeps_the_feet_together(name: str) -> None:
    """Knees together at the Start; at the Finish the top knee clearly lifted above the
    bottom one, on the page, and the feet still together."""
    ill, start, end = _poses(name)
    cam = Camera(ill.elevation, ill.yaw)
    k = fit(build_scenes(ill), WIDTH)[0]

    def apart(body, point: str) -> float:
        return math.dist(cam.xy(body.points[f"right_{point}"].c), cam.xy(body.points[f"left_{point}"].c)) * k

    assert apart(end, "knee") > apart(start, "knee") + 10, "the top knee opens by more than 10 pt"
    # the feet themselves (the ankle point sits up the shin, and rises with the knee)
    assert apart(end, "foot") < apart(start, "foot") + 2, "the feet stay together"
    assert cam.xy(end.points["right_knee"].c)[1] > cam.xy(start.points["right_knee"].c)[1] + 0.1, "lifted up the page"


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band", "clamshell-flexed", "side-lying-hip-abduction"])
def test_the_bottom_leg_is_drawn_apart_from_the_top_leg(name: str) -> None:
    """Judges saw the legs, arm and body of a side-lying figure blur into one black shape:
    the leg and arm underneath are a dark grey of their own, lighter than the accent prints
    on a mono laser, and the top leg stays near-black."""
    drawing = frame_drawings(load_pose_illustration(bundled_pose_path(name)), WIDTH)[0]
    fills = [s.fillColor for s in shapes(drawing, "figure") if isinstance(s, Polygon)]
    far, dark = HexColor(FAR_COLOUR), HexColor(END_COLOUR)
    assert fills.count(far) >= 4 and fills.count(dark) >= 8  # thigh, shank, foot (and arm) each

    def grey(c) -> float:
        return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue

    assert grey(far) > grey(HexColor(ACCENT_COLOUR)) + 0.05 > grey(dark) + 0.2


def test_knees_drawn_up_look_unlike_the_plain_clamshell() -> None:
    """clamshell-flexed: the thighs at a right angle to the trunk (plain clamshell: 45), and
    on the page the Start's thigh meets the trunk line near a right angle, not foreshortened."""
    ill, start, _ = _poses("clamshell-flexed")
    _, plain, _ = _poses("clamshell")
    cam = Camera(ill.elevation, ill.yaw)

    def page_angle(body, c) -> float:
        hip, knee, neck = (c.xy(body.points[p].c) for p in ("right_hip", "right_knee", "neck"))
        u, v = (knee[0] - hip[0], knee[1] - hip[1]), (neck[0] - hip[0], neck[1] - hip[1])
        return math.degrees(math.acos((u[0] * v[0] + u[1] * v[1]) / math.hypot(*u) / math.hypot(*v)))

    flexed = page_angle(start, cam)
    ill_plain = load_pose_illustration(bundled_pose_path("clamshell"))
    assert flexed < 115 and page_angle(plain, Camera(ill_plain.elevation, ill_plain.yaw)) > flexed + 20


def test_side_steps_show_the_step_out_wide() -> None:
    """Judges saw the feet equally far apart in both frames (both feet moved): the Start
    feet about hip width, the Finish the leading foot stepped out wide while the trailing
    foot stays put, both flat on the floor, the knees a little bent, the body upright, and
    one arrow on the leading foot, drawn beside it on the page (and a smaller one
    at the trailing foot, round 15)."""
    ill, start, end = _poses("lateral-band-walk")
    cam = Camera(ill.elevation, ill.yaw)
    k = fit(build_scenes(ill), WIDTH)[0]

    def width(body) -> float:
        return abs(body.points["right_foot"].c[0] - body.points["left_foot"].c[0])

    assert width(end) > 1.4 * width(start) and width(end) - width(start) > 0.1
    assert math.dist(start.points["left_foot"].c, end.points["left_foot"].c) < 0.005, "the trailing foot stays"
    page = [cam.xy(b.points["right_foot"].c)[0] * k for b in (start, end)]
    assert abs(page[1] - page[0]) > 10, "the step shows by more than 10 pt on the page"
    for body in (start, end):
        assert body.bottom_of("right_foot") < 0.005 and body.bottom_of("left_foot") < 0.005
        assert abs(body.points["head"].c[0] - body.points["pelvis"].c[0]) < 0.01, "upright"
    assert ill.end.angles["right_knee"]["flexion"] >= 20
    # round 15: a second, smaller arrow at the trailing foot (test_round15_bands)
    assert [a.move for a in ill.arrows] == ["right_foot", "left_ankle"]


def test_the_hip_drop_stands_on_a_stair_with_the_free_foot_in_the_air() -> None:
    """Judges read the step as bathroom scales and could not see the foot hang off it: the
    step is the bottom stair of a flight (the next stair up behind it, mid-grey sides under
    a light tread), the standing foot on its tread, the free foot beside its edge over a
    shadow on the floor, clear of the floor in both frames and lower at the Start (drop8: the
Start has the hip dropped, the Finish lifted above level)."""
    ill, start, end = _poses("pelvic-drop")
    k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    start_frame, finish = frame_drawings(ill, WIDTH)
    boxes = [s for s in shapes(start_frame, "behind") if isinstance(s, Polygon) and s.fillColor == HexColor("#c4c4c4")]
    assert len(boxes) == 2, "a step and the stair behind it"
    tops = [max(s.points[1::2]) for s in boxes]
    assert tops[0] > tops[1], "the stair behind is higher"
    step = step_height(ill)
    assert end.bottom_of("right_foot") == pytest.approx(step, abs=0.002), "standing on the tread"
    # clear of the floor in both frames (judges saw the Down foot touch it and would step down).
    # Once held 7 cm (0.04) over it at the Start, with the free knee bent 34; the card keeps both
    # knees straight (step 3) and the bent knee read as a leg lift (round 14), and a straight leg
    # on a 10 cm step with a tilt one can see leaves 2.4 cm: what shows it in the air is the gap
    # over its shadow on the page, now held in the Down frame too
    for body in (start, end):
        assert body.bottom_of("left_foot") > 0.012, "the free foot hangs clear of the floor"
    assert end.bottom_of("left_foot") - start.bottom_of("left_foot") > 0.025, "lower at the Start"
    assert start.bottom_of("left_foot") < step - 0.01, "below the tread: off its edge"
    for frame, least in ((start_frame, 1.5), (finish, 1.0)):
        shadows = [s for s in shapes(frame, "behind") if isinstance(s, Polygon) and len(s.points) == 40]
        assert len(shadows) == 1
        foot = [s for s in figure_of(frame) if min(s.points[1::2]) < oy + 0.1 * k]
        gap = min(y for s in foot for y in s.points[1::2]) - max(shadows[0].points[1::2])
        assert gap > least, f"the free foot floats {gap:.1f} pt over its shadow"


def _ball(drawing) -> tuple[float, float, float]:
    (ball,) = [s for s in shapes(drawing, "figure") if isinstance(s, Polygon) and len(s.points) == 56
               and s.fillColor == HexColor("#ffffff") and s.strokeColor is not None]
    xs, ys = ball.points[0::2], ball.points[1::2]
    return (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, (max(xs) - min(xs)) / 2


def test_the_hip_hike_ball_reads_as_a_ball_rolled_up_the_wall() -> None:
    """Judges saw the Finish ball as an icon (an arrow drawn on it, the level line through
    it): the ball rises with the hip from Start to Finish, the arrow is clear of it, and no
    level line crosses it."""
    ill = load_pose_illustration(bundled_pose_path("hip-listing-wall"))
    frames = frame_drawings(ill, WIDTH)
    (sx, sy, r), (fx, fy, _) = _ball(frames[0]), _ball(frames[1])
    assert fy - sy > 0.5 * r, "the ball rolls up the wall"
    arrow = [s for s in shapes(frames[1], "arrows") if getattr(s, "strokeColor", None) == ACCENT
             or getattr(s, "fillColor", None) == ACCENT]
    # round 4: the arrow on the free hip (test_round4), still clear of the ball
    gap = min(math.dist(p, (fx, fy)) for s in arrow for p in zip(s.points[0::2], s.points[1::2])) - r
    assert arrow and gap > 1.0, "the arrow clear of the ball"
    for drawing, (cx, cy, radius) in zip(frames, (_ball(frames[0]), _ball(frames[1]))):
        dashed = [s for s in shapes(drawing, "under") if getattr(s, "strokeDashArray", None)]
        assert dashed
        for line in dashed:
            assert max(line.points[0::2]) < cx - radius, "the level line stops short of the ball"


def _shafts(name: str):
    """The arrows' shafts in the Finish frame (accent polylines), and the fit."""
    ill = load_pose_illustration(bundled_pose_path(name))
    placing = fit(build_scenes(ill), WIDTH)
    finish = frame_drawings(ill, WIDTH)[1]
    lines = [s for s in shapes(finish, "arrows") if isinstance(s, PolyLine) and s.strokeColor == ACCENT]
    return ill, placing, [list(zip(s.points[0::2], s.points[1::2])) for s in lines]


def _length(points) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def test_the_hip_push_arrow_is_long_enough_to_see() -> None:
    """single-leg-reach-hip-shift: judges found the hips' arrow too small: at least 0.3
    body heights, as long as the reach's arc."""
    ill, (k, *_), shafts = _shafts("single-leg-reach-hip-shift")
    straight = [s for s in shafts if max(y for _, y in s) - min(y for _, y in s) < 1.0]
    assert straight and _length(straight[0]) / k > 0.24  # the shaft, without its head (it was 0.17)


def test_the_step_arrow_points_where_the_foot_goes() -> None:
    """single-leg-reach-step: the step's direction was ambiguous: the arrow on the floor
    beside the moving foot, pointing the way the foot moves on the page. Round 9 runs it
    from the ghost of the foot's start place to its new place (test_round9_reach), so it
    spans the gap between them: more than 0.12 body heights of shaft, no longer 0.2."""
    ill, (k, ox, oy, _), shafts = _shafts("single-leg-reach-step")
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    cam = Camera(ill.elevation, ill.yaw)
    a, b = cam.xy(start.points["right_foot"].c), cam.xy(end.points["right_foot"].c)
    foot = (b[0] - a[0], b[1] - a[1])
    low = min(shafts, key=lambda s: min(y for _, y in s))  # the one along the floor
    arrow = (low[-1][0] - low[0][0], low[-1][1] - low[0][1])
    cos = (foot[0] * arrow[0] + foot[1] * arrow[1]) / math.hypot(*foot) / math.hypot(*arrow)
    assert cos > 0.95 and _length(low) / k > 0.12
    near = min(math.dist(p, (ox + b[0] * k, oy + b[1] * k)) for p in low) / k
    assert near < 0.2, "beside the foot"


def test_the_band_abduction_arrow_is_one_arc_about_the_hip() -> None:
    """standing-band-abduction: a short curl read as a twist: the arrow is an arc about the
    hip (its points all about one distance from it), sweeping out to the moving leg's side
    and up, no more than a quarter turn."""
    ill, (k, ox, oy, _), shafts = _shafts("standing-band-abduction")
    (arc,) = shafts
    end = placed(ill, ill.end)
    cam = Camera(ill.elevation, ill.yaw)
    hx, hy = (ox + v * k for v in cam.xy(end.points["left_hip"].c))
    radii = [math.dist(p, (hx, hy)) for p in arc]
    assert max(radii) - min(radii) < 0.1 * max(radii)
    turns = [math.atan2(y - hy, x - hx) for x, y in arc]
    assert arc[-1][0] > arc[0][0] + 10 and arc[-1][1] > arc[0][1], "out to the side and up"
    assert abs(turns[-1] - turns[0]) < math.pi / 2
    assert _length(arc) / k > 0.19, "long enough to read as a swing (the curl was 0.15)"


def test_the_deadlift_standing_knee_is_softly_bent() -> None:
    """Judges saw the standing knee locked; the steps say a soft knee: on the page the knee
    bends by at least 15 degrees in both frames."""
    ill, start, end = _poses("single-leg-deadlift")
    cam = Camera(ill.elevation, ill.yaw)
    for body in (start, end):
        hip, knee, ankle = (cam.xy(body.points[f"right_{p}"].c) for p in ("hip", "knee", "ankle"))
        u, v = (hip[0] - knee[0], hip[1] - knee[1]), (ankle[0] - knee[0], ankle[1] - knee[1])
        angle = math.degrees(math.acos((u[0] * v[0] + u[1] * v[1]) / math.hypot(*u) / math.hypot(*v)))
        assert angle < 165, f"the standing knee opens to {angle:.0f} degrees on the page"


def test_the_deadlift_starts_on_one_leg_with_the_free_foot_well_up() -> None:
    """With the free foot just off the floor, readers saw a walking step, not one leg:
    at the Start the free foot is up behind, a fifth of the body's height above the floor."""
    _, start, _ = _poses("single-leg-deadlift")
    height = start.points["head"].c[1] - start.points["right_foot"].c[1]
    assert start.points["left_foot"].c[1] - start.points["right_foot"].c[1] > 0.2 * height
