"""What each bundled picture must show someone who sees only it and the exercise's name.

Round 1 of picture-only readers (notes: judges-round1) found these faults: no face, so no
front or back; side-lying bodies, legs and feet that could not be found; holds that looked
like lifts; changes too small to see; props that did not read as what they are; which leg
works. Each test here holds one of the fixes in place.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import fit, frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes

from .test_pictogram import DARK, POSES, WIDTH, band_faces, band_strokes, ids, shapes

ACCENT = HexColor("#b35900")


def math_dist(a, b) -> float:
    return math.dist(a, b)


FACING = """\
view: {view}
base: {{orientation: standing, pelvis: {{rotation: {turn}}}, trunk: {{rotation: {twist}}}}}
end: {{}}
arrows:
  - {{move: pelvis}}
"""


def eyes_and_head(drawing: Drawing) -> tuple[list[tuple[float, float]], tuple[float, float, float]]:
    """The white dots inside the head (the eyes), and the head's centre and radius, in points."""
    fills = [s for s in shapes(drawing, "figure") if isinstance(s, Polygon)]
    round_ = [s for s in fills if len(s.points) == 48]  # the head: the one 24-point circle
    (head,) = [s for s in round_ if s.fillColor == DARK]
    hx, hy = sum(head.points[0::2]) / 24, sum(head.points[1::2]) / 24
    radius = max(head.points[0::2]) - hx
    dots = [(sum(s.points[0::2]) / 12, sum(s.points[1::2]) / 12) for s in fills
            if len(s.points) == 24 and s.fillColor == HexColor("#ffffff")]
    return [(x, y) for x, y in dots if (x - hx) ** 2 + (y - hy) ** 2 < radius ** 2], (hx, hy, radius)


def test_the_face_shows_which_way_the_figure_faces(write) -> None:
    """Readers could not tell front from back, nor so left from right: a figure facing us
    has two eyes; in profile one eye, towards the face side, and a nose on the outline
    there (a mirrored picture faces the other way); turned away, no eyes."""
    ill = load_pose_illustration(write("front.yaml", FACING.format(view="front", turn=0, twist=0)))
    eyes, (hx, _, _) = eyes_and_head(frame_drawings(ill, WIDTH)[0])
    assert len(eyes) == 2 and min(x for x, _ in eyes) < hx < max(x for x, _ in eyes)
    ill = load_pose_illustration(write("side.yaml", FACING.format(view="side", turn=0, twist=0)))
    for mirror, towards in ((False, 1), (True, -1)):
        drawing = frame_drawings(ill, WIDTH, mirror=mirror)[0]
        eyes, (hx, hy, radius) = eyes_and_head(drawing)
        assert len(eyes) == 1 and (eyes[0][0] - hx) * towards > 0.3 * radius, "the eye is on the face side"
        head_chain = [s for s in shapes(drawing, "figure") if isinstance(s, Polygon) and s.fillColor == DARK
                      and min(s.points[1::2]) > hy - radius * 1.05]
        reach = max((x - hx) * towards for s in head_chain for x in s.points[0::2])
        back = max((hx - x) * towards for s in head_chain for x in s.points[0::2])
        assert reach > back + 0.1 * radius, "the nose stands out on the face side"
    ill = load_pose_illustration(write("away.yaml", FACING.format(view="front", turn=90, twist=70)))
    assert eyes_and_head(frame_drawings(ill, WIDTH)[0])[0] == []


def _samples(points: list[float], closed: bool, step: float = 0.5) -> list[tuple[float, float]]:
    pts = list(zip(points[0::2], points[1::2]))
    if closed:
        pts.append(pts[0])
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        n = max(1, int(math_dist((x0, y0), (x1, y1)) / step))
        out += [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(n + 1)]
    return out


BANDED = [p for p in POSES if "prop: band" in p.read_text()]


@pytest.mark.parametrize("path", BANDED, ids=ids(BANDED))
def test_a_band_and_an_arrow_never_touch(path: Path) -> None:
    """Told apart by pattern and weight, and kept apart too: white space of at least 1 pt
    at print size between the arrow (its line and head) and the band's dark edge."""
    finish = frame_drawings(load_pose_illustration(path), WIDTH)[1]
    middles = band_strokes(finish)
    band = [s for s in shapes(finish, "figure") if isinstance(s, PolyLine) and s.strokeColor == DARK
            and any(s.points == m.points for m in middles)]
    band += band_faces(finish)  # a flat band round standing thighs: a light face edged dark (round 7)
    accent = HexColor("#b35900")
    arrow = [s for s in shapes(finish, "arrows") if getattr(s, "fillColor", None) == accent or s.strokeColor == accent]
    assert band and arrow
    gap = min(math_dist(p, q) - (b.strokeWidth / 2) - (a.strokeWidth / 2 if isinstance(a, PolyLine) else 0)
              for a in arrow for p in _samples(a.points, isinstance(a, Polygon))
              for b in band for q in _samples(b.points, isinstance(b, Polygon)))
    assert gap >= 1.0, f"{path.stem}: the arrow comes within {gap:.1f} pt of the band"


def _gap(body, part_a: str, part_b: str) -> float:
    """The least distance between the surfaces of two body parts (negative: they overlap)."""
    def axis(name):
        balls = body.parts[name].balls
        a, b = balls[0], balls[-1]
        return [(tuple(a.c[i] + (b.c[i] - a.c[i]) * t / 20 for i in range(3)), a.r + (b.r - a.r) * t / 20) for t in range(21)]
    return min(math_dist(p, q) - r - s for p, r in axis(part_a) for q, s in axis(part_b))


@pytest.mark.parametrize("name", ["side-lying-hip-abduction", "side-lying-abduction-hold"])
def test_a_side_leg_lift_starts_resting_on_the_bottom_leg_and_lifts_clearly(name: str) -> None:
    """Start: the top leg long and resting on the bottom leg (readers saw a leg already held
    up); then lifted clearly above hip height, the foot rising a good way up the page."""
    ill = load_pose_illustration(bundled_pose_path(name))
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    touching = min(_gap(start, top, bottom) for top in ("right_shank", "right_foot") for bottom in ("left_shank", "left_foot"))
    assert -0.01 < touching < 0.01, "the top leg rests on the bottom one"
    assert end.points["right_ankle"].c[1] > end.points["right_hip"].c[1] + 0.05, "lifted above hip height"
    k = fit(build_scenes(ill), WIDTH)[0]
    assert (end.points["right_ankle"].c[1] - start.points["right_ankle"].c[1]) * k > 15


def _cam(ill):
    from handouts.pictures.pictogram.shapes import Camera

    return Camera(ill.elevation, ill.yaw)


def _poses(name: str):
    ill = load_pose_illustration(bundled_pose_path(name))
    return ill, placed(ill, ill.start), placed(ill, ill.end)


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band", "clamshell-flexed"])
def test_the_opened_top_leg_is_drawn_bent_at_the_knee(name: str) -> None:
    """Readers saw clamshell-flexed's top leg as one straight line from hip to foot (lift a
    straight leg on a diagonal): on the page, thigh and shin meet at a clear angle."""
    ill, _, end = _poses(name)
    cam = _cam(ill)
    hip, knee, ankle = (cam.xy(end.points[f"right_{p}"].c) for p in ("hip", "knee", "ankle"))
    u, v = (hip[0] - knee[0], hip[1] - knee[1]), (ankle[0] - knee[0], ankle[1] - knee[1])
    angle = math.degrees(math.acos((u[0] * v[0] + u[1] * v[1]) / math.hypot(*u) / math.hypot(*v)))
    assert angle < 140, f"{name}: the top knee opens to {angle:.0f} degrees on the page"


def test_the_hip_hike_crosses_a_level_line() -> None:
    """The free hip is level with the standing hip at the Start and lifts above it at the
    Finish, against a dashed level line drawn the same in both frames."""
    ill, start, end = _poses("hip-listing-wall")
    assert abs(start.points["left_hip"].c[1] - start.points["right_hip"].c[1]) < 0.005
    assert end.points["left_hip"].c[1] > end.points["right_hip"].c[1] + 0.03
    for drawing in frame_drawings(ill, WIDTH):
        # one line of dark dashes, each on a white rim (test_drop8)
        dashed = [s for s in shapes(drawing, "under") if isinstance(s, PolyLine) and s.strokeDashArray and s.strokeColor == DARK]
        assert len(dashed) == 1 and dashed[0].points[1] == pytest.approx(dashed[0].points[3]), "one level line"


def test_the_hop_arcs_up_off_the_floor_from_a_clear_take_off_spot() -> None:
    """Readers saw a step or a slide (the arrow hugged the floor) starting at the lifted foot:
    the arrow rises well off the floor and starts where nothing of the landed body is."""
    ill, start, end = _poses("sideways-hop")
    k = fit(build_scenes(ill), WIDTH)[0]
    arrow = [s for s in shapes(frame_drawings(ill, WIDTH)[1], "arrows") if isinstance(s, PolyLine) and s.strokeColor == ACCENT]
    (shaft,) = arrow
    ys = shaft.points[1::2]
    assert (max(ys) - max(ys[0], ys[-1])) / k > 0.08, "the arc rises well over its ends"
    cam = _cam(ill)
    take_off = cam.xy(start.points["right_foot"].c)
    free = cam.xy(end.points["left_foot"].c)
    assert math_dist(take_off, free) > 0.2, "the landed body's free foot is not where the hop starts"


def test_the_machine_has_a_stack_and_pads_on_levers_and_the_knees_go_out_evenly() -> None:
    ill, start, end = _poses("hip-abductor-machine")
    start_frame, finish = frame_drawings(ill, WIDTH)
    plates = [s for s in shapes(start_frame, "behind") if isinstance(s, Polygon) and s.fillColor == HexColor("#c4c4c4")]
    assert len(plates) >= 6, "a weight stack of plates"
    levers = [s for s in shapes(finish, "figure") if isinstance(s, PolyLine) and len(s.points) == 6]
    assert len(levers) >= 4, "each pad on a lever arm (an edge and a fill each)"
    moves = [end.points[f"{side}_knee"].c[0] - start.points[f"{side}_knee"].c[0] for side in ("right", "left")]
    assert moves[0] < -0.1 and moves[1] > 0.1 and abs(moves[0] + moves[1]) < 0.01, "both knees out, evenly"
    for side in ("right", "left"):
        assert abs(end.points[f"{side}_foot"].c[2] - start.points[f"{side}_foot"].c[2]) < 0.03, "no foot moves forward"
    # judges read knees hip-width apart at the Start as already pushed out: at the Start the
    # knees touch (their gap under 0.01 body heights), at the Finish they are well apart
    knee_r = start.parts["right_thigh"].balls[-1].r
    gaps = [abs(body.points["left_knee"].c[0] - body.points["right_knee"].c[0]) - 2 * knee_r for body in (start, end)]
    assert gaps[0] < 0.01 and gaps[1] > 0.2, f"knee gaps {gaps[0]:.3f} at the Start, {gaps[1]:.3f} at the Finish"


def test_the_step_forward_keeps_both_feet_on_the_floor_and_reaches_over() -> None:
    """Readers saw the back foot float: the front foot flat, the back foot's toes on the floor,
    the front foot well ahead; the raised hand reaches over the head to the other side, and
    the hips go the other way."""
    _, start, end = _poses("single-leg-reach-step")
    front = end.parts["right_foot"].balls
    assert all(abs(b.c[1] - b.r) < 0.005 for b in front), "the front foot flat on the floor"
    assert abs(end.parts["left_foot"].balls[1].c[1] - end.parts["left_foot"].balls[1].r) < 0.005, "the back toes down"
    assert end.points["right_foot"].c[2] - end.points["left_foot"].c[2] > 0.3, "stepped forward"
    assert end.points["right_hand"].c[0] > end.points["pelvis"].c[0] + 0.15, "reached over to the left"
    assert start.points["right_hand"].c[0] < start.points["pelvis"].c[0], "from straight up on the right"
    assert end.points["pelvis"].c[0] < start.points["pelvis"].c[0] - 0.02, "the hips pushed to the right"


def test_the_deadlift_weight_is_held_in_both_hands() -> None:
    """Readers could not tell which hand held the weight: both do, together, in front."""
    _, start, end = _poses("single-leg-deadlift")
    for body in (start, end):
        assert math_dist(body.points["right_hand"].c, body.points["left_hand"].c) < 0.06


def test_the_deadlift_weight_is_held_in_front_then_hangs_below_the_shoulders() -> None:
    """Step 1 says to hold the weight in front of you; judges saw it hang by the thigh, one
    plate behind it. On the page (the figure facing right) the hands are at the Start more
    than 4 mm in front of the standing thigh's front, between the hip and the knee in height;
    at the Finish they hang under the shoulders (within 2 mm across) and well below them,
    toward the floor."""
    ill, start, end = _poses("single-leg-deadlift")
    k = fit(build_scenes(ill), WIDTH)[0]
    cam, mm = _cam(ill), 72 / 25.4

    def page(body, point: str) -> tuple[float, float]:
        return cam.xy(body.points[point].c)

    thigh_front = page(start, "right_thigh")[0] + max(b.r for b in start.parts["right_thigh"].balls)
    for side in ("right", "left"):
        hand = page(start, f"{side}_hand")
        assert (hand[0] - thigh_front) * k > 4 * mm, f"the {side} hand {(hand[0] - thigh_front) * k / mm:.1f} mm in front"
        assert page(start, "right_knee")[1] < hand[1] < page(start, "right_hip")[1]
        hand, shoulder = page(end, f"{side}_hand"), page(end, f"{side}_shoulder")
        assert abs(hand[0] - shoulder[0]) * k < 2 * mm, "under the shoulder"
        assert (shoulder[1] - hand[1]) * k > 10 * mm, "hanging toward the floor"


@pytest.mark.parametrize("name", ["side-lying-hip-abduction", "side-lying-abduction-hold"])
def test_a_side_leg_lift_shows_the_bottom_knee_bent_as_its_steps_say(name: str) -> None:
    """'Bend your bottom knee': reviewers saw a straight bottom leg, the bend pointing at
    them. On the page the bottom knee makes an angle well short of straight, in both frames."""
    ill = load_pose_illustration(bundled_pose_path(name))
    cam = _cam(ill)
    for body in (placed(ill, ill.start), placed(ill, ill.end)):
        hip, knee, ankle = (cam.xy(body.points[f"left_{p}"].c) for p in ("hip", "knee", "ankle"))
        u, v = (hip[0] - knee[0], hip[1] - knee[1]), (ankle[0] - knee[0], ankle[1] - knee[1])
        angle = math.degrees(math.acos((u[0] * v[0] + u[1] * v[1]) / math.hypot(*u) / math.hypot(*v)))
        assert angle < 140, f"the bottom knee opens to {angle:.0f} degrees on the page"
