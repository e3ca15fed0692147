"""single-leg-reach-step after round 7's picture-only judges (3 of 5): three arrows (the
step, the reach, the hips' push) competed, and the step read as a step out to the side,
the figure facing us with both eyes. Each test holds one fix in place, measured on the
pose and the drawn frames.
"""

from __future__ import annotations

import math

from handouts.pictures.pictogram.face import eye_items

from .test_round4 import _page_angle, _poses
from .test_round5 import MM, _on_page, _shafts

NAME = "single-leg-reach-step"


def _step_way(ill, start, end) -> float:
    """Which way the stepping foot goes across the page: -1 to the left, 1 to the right."""
    return math.copysign(1.0, _on_page(ill, end, "right_foot")[0] - _on_page(ill, start, "right_foot")[0])


def test_two_arrows_the_step_along_the_floor_and_one_bow_over_the_head() -> None:
    """Two arrows, not three: the step's, low along the floor the way the foot goes (more
    than 4 mm across the page: since round 9 it runs from the ghost of the foot's start
    place to its new place, test_round9_reach, and spans only the gap between them), and the
    reach's, one bow wholly above the Finish head that runs the way the hand goes and
    bulges more than 1 mm up off the line between its ends (a curve over the head)."""
    ill, start, end, _ = _poses(NAME)
    shafts = _shafts(ill)
    assert len(shafts) == 2, f"{len(shafts)} arrows"
    step, reach = sorted(shafts, key=lambda s: min(s.points[1::2]))
    way = _step_way(ill, start, end)
    assert (step.points[-2] - step.points[0]) * way > 4 * MM, "the step's arrow the way the foot goes"
    assert max(step.points[1::2]) < _on_page(ill, end, "right_knee")[1], "along the floor, below the knee"
    head = _on_page(ill, end, "head")
    assert min(reach.points[1::2]) > head[1], "over the head"
    hand = _on_page(ill, end, "right_hand")[0] - _on_page(ill, start, "right_hand")[0]
    assert (reach.points[-2] - reach.points[0]) * hand > 3 * MM, "the way the hand goes"
    (ax, ay), (bx, by) = reach.points[:2], reach.points[-2:]
    # the highest point of the shaft off the straight line between its ends, on the upper side
    bow = max(((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / math.hypot(bx - ax, by - ay) * math.copysign(1, bx - ax)
              for x, y in zip(reach.points[0::2], reach.points[1::2]))
    assert bow > 1 * MM, f"bowed up over the head ({bow / MM:.1f} mm)"


def test_the_figure_faces_the_way_it_steps() -> None:
    """Turned 40, the Start figure showed both eyes and its feet nearly end on (0.072 body
    heights long): it faced us, and a step across the page read as one to its side. Turned 50,
    at the Start only the near eye shows, on the side of the head the foot steps to, and
    both feet point that way on the page, within 20 degrees of the step, drawn more than
    0.08 body heights long (seen along, not end on)."""
    ill, start, end, cam = _poses(NAME)
    way = _step_way(ill, start, end)
    eyes = eye_items(start, cam)
    assert len(eyes) == 1, f"{len(eyes)} eyes: facing us"
    (eye,) = eyes
    eye_x = sum(x for x, _ in eye.points) / len(eye.points)
    assert (eye_x - cam.xy(start.points["head"].c)[0]) * way > 0, "the eye on the side it steps to"
    step = [b - a for a, b in zip(cam.xy(start.points["right_foot"].c), cam.xy(end.points["right_foot"].c))]
    for side in ("right", "left"):
        heel, toe = cam.xy(start.points[f"{side}_heel"].c), cam.xy(start.points[f"{side}_toe"].c)
        foot = (toe[0] - heel[0], toe[1] - heel[1])
        cos = (foot[0] * step[0] + foot[1] * step[1]) / math.hypot(*foot) / math.hypot(*step)
        assert cos > math.cos(math.radians(20)), f"the {side} foot points the way it steps"
        assert math.hypot(*foot) > 0.08, f"the {side} foot seen along"


def test_the_side_bend_shows_without_a_hips_arrow() -> None:
    """With no arrow for the hips, the bend must show by itself: at the Finish the trunk
    (pelvis to neck) leans on the page more than 18 degrees away from the step, the hips
    go the way of the step more than the neck does (the push of the hips to the stepping
    side), and the raised hand ends past the head, away from the step: a bend to the
    side, not a lean into the step, which would read as the card's mistake, a twist."""
    ill, start, end, _ = _poses(NAME)
    way = _step_way(ill, start, end)
    pelvis, neck = _on_page(ill, end, "pelvis"), _on_page(ill, end, "neck")
    lean = math.degrees(math.atan2((neck[0] - pelvis[0]) * -way, neck[1] - pelvis[1]))
    assert lean > 18, f"the trunk leans {lean:.0f} degrees away from the step"
    moved = {p: (_on_page(ill, end, p)[0] - _on_page(ill, start, p)[0]) * way for p in ("pelvis", "neck")}
    assert moved["pelvis"] - moved["neck"] > 1.5 * MM, "the hips pushed further than the shoulders"
    assert (_on_page(ill, end, "right_hand")[0] - _on_page(ill, end, "head")[0]) * -way > 1.5 * MM


def test_the_back_foot_points_along_the_step_and_the_arm_curls_over_the_head() -> None:
    """Round 8's judges (3 of 5) read the step arrow as pointing sideways or backwards: the
    back heel stood 0.085 body heights up, so that foot was drawn pointing down the page
    55 degrees off the step, like a foot coming towards us, and the straight arm lay along
    the face. At the Finish the back heel is up less than 0.06 (its toes on the floor), that
    foot points within 45 degrees of the step on the page, and the raised arm bends at the
    elbow on the page (under 160 degrees) so the hand curls over above the head."""
    ill, start, end, cam = _poses(NAME)
    heel, toe = end.parts["left_foot"].balls[:2]
    assert heel.c[1] - heel.r < 0.06, "the back heel only a little up"
    assert toe.c[1] - toe.r < 0.005, "the back toes on the floor"
    step = [b - a for a, b in zip(cam.xy(start.points["right_foot"].c), cam.xy(end.points["right_foot"].c))]
    h, t = cam.xy(end.points["left_heel"].c), cam.xy(end.points["left_toe"].c)
    foot = (t[0] - h[0], t[1] - h[1])
    cos = (foot[0] * step[0] + foot[1] * step[1]) / math.hypot(*foot) / math.hypot(*step)
    assert cos > math.cos(math.radians(45)), f"the back foot {math.degrees(math.acos(cos)):.0f} degrees off the step"
    assert _page_angle(cam, end, "right_shoulder", "right_elbow", "right_hand") < 160, "the arm curled over"
    assert _on_page(ill, end, "right_hand")[1] > _on_page(ill, end, "head")[1] + 4 * MM, "the hand above the head"
