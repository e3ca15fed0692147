"""Round 6, the clamshells: what round 5's picture-only judges still got wrong; each test
holds one fix in place, measured on the poses as the page draws them.

clamshell-flexed (2-3 of 5) looked like the plain clamshell: seen from 22 degrees up, its
drawn-up thighs pointed at the reader, 4.9 mm of thigh leaning under the trunk. The
clamshells (3 of 5) showed the knees barely bent, and the plain one's arrow sat on the
opened knee.
"""

from __future__ import annotations

import math

import pytest

from handouts.page.illustrations import LOW
from handouts.pictures.pictogram.draw import fit
from handouts.pictures.pictogram.placement import mat_thickness
from handouts.pictures.pictogram.scene import build_scenes

from .test_pictogram import WIDTH, one_line_problems
from .test_round4 import _page_angle, _poses
from .test_round5 import _nearest, _on_page, _shafts
from .test_teaching import _gap

MM = 72 / 25.4
CLAMSHELLS = ["clamshell", "clamshell-band", "clamshell-flexed"]


def _thigh(name: str, frame: int = 0) -> tuple[float, float]:
    """The top thigh as drawn in a frame: its length in mm at print size, and how far it leans off
    the page's vertical, in degrees, positive towards the feet (the picture's left)."""
    ill, start, end, cam = _poses(name)
    body = (start, end)[frame]
    k = fit(build_scenes(ill), WIDTH)[0]
    (hx, hy), (kx, ky) = (cam.xy(body.points[f"right_{p}"].c) for p in ("hip", "knee"))
    return math.dist((hx, hy), (kx, ky)) * k / MM, math.degrees(math.atan2(hx - kx, hy - ky))


def test_the_drawn_up_thighs_point_square_to_the_trunk_full_length() -> None:
    """clamshell-flexed's Start: the top thigh (the bottom one lies behind it) meets the
    trunk line at 65 to 100 degrees on the page (round 5: 60, leaning under the trunk; seen
    from low, square on, it points straight down the page from the hip, 73 to the hip-neck
    line), and is more than 6 mm long at print size (round 5: 4.9 mm, pointing at the reader)."""
    ill, start, _, cam = _poses("clamshell-flexed")
    length, _ = _thigh("clamshell-flexed")
    assert length > 6.0, f"the thigh {length:.1f} mm long"
    angle = _page_angle(cam, start, "right_knee", "right_hip", "neck")
    assert 65 < angle < 100, f"thigh and trunk at {angle:.0f} degrees"


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_plain_clamshell_thighs_slant_to_the_feet_unlike_the_drawn_up_ones(name: str) -> None:
    """At a glance the hip angle tells the clamshells apart: the plain and band clamshells'
    thighs (hips bent 50) slant more than 35 degrees towards the feet, a V, and meet the
    trunk line on the page at more than 25 degrees wider an angle than the drawn-up ones,
    each in its own picture (the drawn-up one is seen from another side, so the thighs'
    slant on the page alone does not compare)."""
    length, lean = _thigh(name)
    assert length > 6.0 and lean > 35, f"{name}: the thigh leans {lean:.0f} degrees, {length:.1f} mm long"
    _, start, _, cam = _poses(name)
    _, drawn_up, _, drawn_up_cam = _poses("clamshell-flexed")
    wide = _page_angle(cam, start, "right_knee", "right_hip", "neck")
    square = _page_angle(drawn_up_cam, drawn_up, "right_knee", "right_hip", "neck")
    assert wide - square > 25, f"{name}: {wide:.0f} degrees against {square:.0f}"


def test_the_drawn_up_start_shows_the_knees_bent_near_a_right_angle() -> None:
    """clamshell-flexed: on the page the top knee bends to 100 degrees or less at the Start
    and the bottom one to less than 128 (round 5's plain and band clamshells: 110 and 133,
    which judges found hard to see as bent)."""
    _, start, _, cam = _poses("clamshell-flexed")
    top = _page_angle(cam, start, "right_hip", "right_knee", "right_ankle")
    bottom = _page_angle(cam, start, "left_hip", "left_knee", "left_ankle")
    assert top <= 100 and bottom < 128, f"the knees at {top:.0f} and {bottom:.0f} degrees"


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_clamshell_start_lies_stacked_with_the_shins_nearly_level(name: str) -> None:
    """The plain and band clamshells' Start: two judges read round 6's (knees bent to 92 on
    the page, the top shin climbing 44 degrees from the knee to the foot) as the top foot
    raised over a low knee. The top shin rises no more than 25 degrees from the knee to the
    ankle on the page; the top knee rests on the bottom knee and the top foot on the bottom
    foot (surfaces within 0.012 body heights: round 6's knees sank 0.036 into each other),
    and the bottom leg shows under the top one (the top knee and ankle each more than 1.5 mm
    above the bottom ones at print size); both knees still show bent (115 and 135 degrees or
    less: a trade, see the README; round 5's 110 and 133, with the shin rising 30 degrees,
    judges found hard to see as bent)."""
    ill, start, _, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    (kx, ky), (ax, ay) = (cam.xy(start.points[f"right_{p}"].c) for p in ("knee", "ankle"))
    rise = math.degrees(math.atan2(ay - ky, abs(ax - kx)))
    assert rise <= 25, f"{name}: the top shin rises {rise:.0f} degrees to the foot"
    for top, bottom in (("right_shank", "left_shank"), ("right_foot", "left_foot")):
        assert abs(_gap(start, top, bottom)) < 0.012, f"{name}: {top} {_gap(start, top, bottom):+.3f} from {bottom}"
    for point in ("knee", "ankle"):
        above = (cam.xy(start.points[f"right_{point}"].c)[1] - cam.xy(start.points[f"left_{point}"].c)[1]) * k / MM
        assert above > 1.5, f"{name}: the top {point} {above:.1f} mm above the bottom one"
    top = _page_angle(cam, start, "right_hip", "right_knee", "right_ankle")
    bottom = _page_angle(cam, start, "left_hip", "left_knee", "left_ankle")
    assert top <= 115 and bottom <= 135, f"{name}: the knees at {top:.0f} and {bottom:.0f} degrees"


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_arrow_leaves_the_opened_knee_in_sight(name: str) -> None:
    """The Finish's arrow runs beside the opened top knee, more than 2.5 mm from the joint
    and within 6 mm of it (round 5's plain clamshell: 0.3 mm, on the knee, hiding its bend)."""
    ill, _, end, _ = _poses(name)
    (shaft,) = _shafts(ill)
    near = _nearest(shaft, _on_page(ill, end, "right_knee"))
    assert 2.5 * MM < near < 6 * MM, f"{name}: the arrow {near / MM:.1f} mm from the knee"


def test_the_opened_drawn_up_leg_shows_bent_at_the_finish() -> None:
    """clamshell-flexed's Finish: the opened top thigh shows more than 3 mm long (round 5:
    2.2 mm) and meets the shin at less than 125 degrees on the page: seen from higher up
    (40 degrees) it pointed at the reader and the leg looked straight (133)."""
    length, _ = _thigh("clamshell-flexed", frame=1)
    _, _, end, cam = _poses("clamshell-flexed")
    angle = _page_angle(cam, end, "right_hip", "right_knee", "right_ankle")
    assert length > 3.0 and angle < 125, f"the thigh {length:.1f} mm, the knee at {angle:.0f} degrees"


def test_the_drawn_up_shins_rise_back_from_the_knees_unlike_a_kneeling_shin() -> None:
    """clamshell-flexed's Start: judges read the drawn-up legs as kneeling on all fours, the
    thigh straight down the page and the shin flat along the mat behind the knee (knees bent
    100: the shin rose 8 degrees on the page). Bent 115, the shin rises back from the knee
    more than 15 degrees and the foot sits more than 2 mm above it at print size, where a
    kneeling shin would lie on the floor; the feet still rest on each other (test_round4)."""
    ill, start, _, cam = _poses("clamshell-flexed")
    k = fit(build_scenes(ill), WIDTH)[0]
    (kx, ky), (ax, ay) = (cam.xy(start.points[f"right_{p}"].c) for p in ("knee", "ankle"))
    rise = math.degrees(math.atan2(ay - ky, abs(ax - kx)))
    assert rise > 15 and (ay - ky) * k / MM > 2.0, f"the shin rises {rise:.0f} degrees, {(ay - ky) * k / MM:.1f} mm"


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_seen_from_low_the_legs_lie_on_a_slab_of_mat_the_body_rising_off_it(name: str) -> None:
    """Round 12: seen from 35 up over a mat reaching out behind the body (its far edge above
    the whole figure), the top leg hid the bottom one and judges asked whether the body lay
    on its side or its front: a bed seen from above. From low (22 up) the mat is fitted
    closely, a slab under the body: in both frames the bottom knee and foot lie on its top
    face (drawn inside it; they rest on the mat, not in front of it or dug into it), its far
    edge runs below the bottom hip on the page, and the top hip stands more than 6 mm above
    that edge at print size (the body rising off the mat on its side)."""
    ill, start, end, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    for scene, body in zip(build_scenes(ill), (start, end)):
        top = _mat_top(scene).points
        for point in ("left_knee", "left_foot"):
            assert _inside(cam.xy(body.points[point].c), top), f"{name}: the {point} off the mat's top face"
        far_edge = min(y for _, y in top[:2])  # the top face's far corners come first (shapes.box_items)
        assert cam.xy(body.points["left_hip"].c)[1] > far_edge, f"{name}: the mat reaches up behind the hips"
        rise = (cam.xy(body.points["right_hip"].c)[1] - far_edge) * k / MM
        assert rise > 6.0, f"{name}: the top hip {rise:.1f} mm above the mat's far edge"


def test_the_drawn_up_clamshell_lies_along_its_mat_seen_from_low() -> None:
    """clamshell-flexed is seen from low in front (20 up), over a mat fitted closely round the
    body: the body must lie on it, not float over it or hang off its ends. In both frames the
    figure's lowest point on the page lies within the band of the mat's top face (between its
    near and far edges), and the whole figure within the mat's length across the page."""
    ill = _poses("clamshell-flexed")[0]
    for scene in build_scenes(ill):
        face = _mat_top(scene).points
        figure = [p for item in _layer(scene, "figure") for p in item.points]
        lowest = min(y for _, y in figure)
        assert min(y for _, y in face) < lowest < max(y for _, y in face), f"the figure's lowest point {lowest:.3f} off the mat"
        assert min(x for x, _ in face) <= min(x for x, _ in figure) and max(x for x, _ in figure) <= max(x for x, _ in face)


def test_the_drawn_up_clamshell_keeps_its_frames_low_enough_for_its_pages() -> None:
    """Turned -40 (from 38 up) the frames were 0.73 of their width tall (29 mm in a standard
    40 mm frame) and the early-stage programme in Spanish on Letter ran to a 4th page; at
    0.64 the one-page sheet of six lying exercises ran to two sides. Under LOW, one-page
    draws a lying figure's frames 1.3 times wider (wide_frames, pose_frame_width), which
    makes them taller. So the frames, as one-page draws them, are at most 0.63 of the
    template's frame width tall (tests/page holds the pages themselves)."""
    ill = _poses("clamshell-flexed")[0]
    tall = fit(build_scenes(ill), WIDTH)[3] / WIDTH
    drawn = tall * (1.3 if tall < LOW else 1.0)
    assert drawn <= 0.63, f"the frames {tall:.3f} of their width tall, {drawn:.3f} on one-page"


def _layer(scene, name: str):
    return {layer.name: layer.items for layer in scene.layers}[name]


def _mat_top(scene):
    (top,) = [item for item in _layer(scene, "behind") if item.fill == "tint"]
    return top


def _inside(p: tuple[float, float], polygon) -> bool:
    """Whether p lies inside a convex polygon (either winding)."""
    sides = [(b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) for a, b in zip(polygon, polygon[1:] + polygon[:1])]
    return all(s > 0 for s in sides) or all(s < 0 for s in sides)


def test_a_mat_reaches_out_only_behind_the_body(write) -> None:
    """`side: back` is the one side a mat takes (the far edge seen from above); any other
    side is refused in one line rather than quietly drawing the close-fitted mat."""
    path = write("p.yaml", "view: front-above\nbase: side-lying\nend: {}\nprops:\n  - {prop: mat, side: left}\n")
    (line,) = one_line_problems(path)
    assert line.startswith("p.yaml:5:") and "a mat reaches out only behind the body (`side: back`)" in line


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_top_hand_rests_on_the_mat_in_front_clear_of_the_thighs(name: str) -> None:
    """Round 8's judges saw the top arm as a second leg: bent over the body to the hip (the
    elbow up above the trunk), it made a V as thick as a leg's, and on the hip its hand
    touched the thighs on the page. The top hand rests on the mat (its forearm's lowest
    point within 0.006 body heights of the mat's top) in front of the chest (further
    forward than the chest's front, and towards the head from the waist), and on the page
    it is more than 5 mm from both thighs at print size, in both frames."""
    ill, start, end, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    mat = mat_thickness(ill)
    for body in (start, end):
        hand = body.points["right_hand"].c
        assert abs(body.lowest(["right_forearm"]) - mat) < 0.006, f"{name}: the hand on the mat"
        chest_front = max(b.c[2] + b.r for b in body.parts["thorax"].balls)
        assert hand[2] > chest_front and hand[0] > body.points["waist"].c[0], f"{name}: the hand in front of the chest"
        page = cam.xy(hand)
        for side in ("right", "left"):
            thigh = _to_segment(page, cam.xy(body.points[f"{side}_hip"].c), cam.xy(body.points[f"{side}_knee"].c))
            clear = (thigh - body.parts[f"{side}_thigh"].balls[0].r) * k / MM
            assert clear > 5.0, f"{name}: the hand {clear:.1f} mm from the {side} thigh"


def test_the_drawn_up_clamshells_top_hand_rests_on_the_waist_clear_of_the_thighs() -> None:
    """Seen from low, clamshell-flexed's top arm lies along the top of the trunk: on the mat
    in front (as the other clamshells have it) it stood down in front of the chest like a
    prop and the figure looked on all fours; on the hip, the hand ran into the top thigh on
    the page (round 8's judges saw such an arm as a second leg). In both frames the hand is
    drawn more than 1.5 mm towards the head from the top hip and more than 2 mm from the
    bottom thigh at print size, and above the top knee at the Start."""
    ill, start, end, cam = _poses("clamshell-flexed")
    k = fit(build_scenes(ill), WIDTH)[0]
    for body in (start, end):
        hand, hip = cam.xy(body.points["right_hand"].c), cam.xy(body.points["right_hip"].c)
        assert (hand[0] - hip[0]) * k / MM > 1.5, f"the hand {(hand[0] - hip[0]) * k / MM:.1f} mm from the hip towards the head"
        bottom = _to_segment(hand, cam.xy(body.points["left_hip"].c), cam.xy(body.points["left_knee"].c))
        clear = (bottom - body.parts["left_thigh"].balls[0].r) * k / MM
        assert clear > 2.0, f"the hand {clear:.1f} mm from the bottom thigh"
    assert cam.xy(start.points["right_hand"].c)[1] > cam.xy(start.points["right_knee"].c)[1]


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_head_rests_on_the_lower_arm_which_shows_under_it(name: str) -> None:
    """Judges saw the head lying on the floor: the lower arm, stretched straight overhead,
    ran out from behind the head along the mat (0.5 mm of it under the head on the page),
    and the head sank 0.037 body heights into it. Now the head rests on the lower upper arm
    (its lowest point within 0.01 of the arm's top in the room), and on the page the arm
    shows more than 2 mm below the head's outline at print size."""
    ill, start, _, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    head = start.parts["head"].balls[0]
    arm = start.parts["left_upper_arm"].balls
    assert abs(head.c[1] - head.r - max(b.c[1] + b.r for b in arm)) < 0.01, f"{name}: the head on the arm"
    below = cam.xy(head.c)[1] - head.r - min(cam.xy(b.c)[1] - b.r for b in arm)
    assert below * k / MM > 2.0, f"{name}: the arm {below * k / MM:.1f} mm below the head"


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far p lies from the segment ab."""
    d = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2
    t = max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / d)) if d else 0.0
    return math.dist(p, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_opened_top_leg_peaks_at_the_knee(name: str) -> None:
    """At the Finish the top leg shows bent at the knee on the page (125 degrees or less;
    turned out 72 it was 133, one flat bar over the bottom leg), the knee its highest point."""
    _, _, end, cam = _poses(name)
    assert _page_angle(cam, end, "right_hip", "right_knee", "right_ankle") <= 125
    hip, knee, ankle = (cam.xy(end.points[f"right_{p}"].c) for p in ("hip", "knee", "ankle"))
    assert knee[1] > max(hip[1], ankle[1])
