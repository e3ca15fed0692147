"""Round 14, sideways-hop: what the fresh picture-only judges (4 and 3 of 5) got wrong.
Seen three-quarter (turned 40), sideways relative to the body was unclear and the Start
read as running; the short floor mark read as a dash to hop along, not a line to cross;
the landing knee looked straight and it was unclear it was the same leg. The hop is now
seen nearly square on, out to the standing leg's side, over a long line; each test holds
one fix in place, measured on the poses.
"""

from __future__ import annotations

import math

from handouts.pictures.pictogram.draw import frame_drawings

from .test_pictogram import WIDTH, shapes
from .test_round4 import _page_angle, _poses
from .test_round5 import MM, _on_page
from .test_round6_hop_step import _direction, _tape


def test_the_hop_goes_out_to_the_standing_leg_side_across_the_page() -> None:
    """Turned 40 the hop ran 24 degrees up the page and the body was seen from its side, so
    judges could not tell sideways from forwards; it also went towards the free leg. The
    view is turned no more than 30 (the shoulders more than 85% of their width apart on the
    page), the hop runs within 20 degrees of level, and the landing foot is further out on
    the standing leg's side than the take-off foot (out over the line, away from the free
    leg), more than 8 mm along the page."""
    ill, start, end, cam = _poses("sideways-hop")
    assert abs(ill.yaw) <= 30, f"turned {ill.yaw}"
    wide = abs(cam.xy(start.points["right_shoulder"].c)[0] - cam.xy(start.points["left_shoulder"].c)[0])
    true = math.dist(start.points["right_shoulder"].c, start.points["left_shoulder"].c)
    assert wide > 0.85 * true, f"the shoulders {wide / true:.2f} of their width apart: seen from the side"
    take_off, landing = _on_page(ill, start, "right_foot"), _on_page(ill, end, "right_foot")
    hop = _direction(take_off, landing)
    assert min(hop, 180 - hop) < 20, f"the hop {min(hop, 180 - hop):.0f} degrees off level"
    out = start.points["right_hip"].c[0] - start.points["left_hip"].c[0]  # towards the standing leg's side
    assert (end.points["right_foot"].c[0] - start.points["right_foot"].c[0]) * out > 0.2 * abs(out), "out to the standing side"
    assert math.dist(take_off, landing) > 8 * MM


def test_the_line_on_the_floor_is_a_long_line_not_a_dash() -> None:
    """The tape was 6.5 mm on the page, shorter than the hop (9.3 mm), and read as a dash to
    hop along. It is now longer than the hop on the page, more than 10 mm, and the floor
    drawn under it reaches under the whole take-off print (a floor cut short in front ran
    through its toes)."""
    ill, start, end, _ = _poses("sideways-hop")
    pts = list(zip(*[iter(_tape(frame_drawings(ill, WIDTH)[0]).points)] * 2))
    length = math.dist(((pts[0][0] + pts[1][0]) / 2, (pts[0][1] + pts[1][1]) / 2), ((pts[2][0] + pts[3][0]) / 2, (pts[2][1] + pts[3][1]) / 2))
    hop = math.dist(_on_page(ill, start, "right_foot"), _on_page(ill, end, "right_foot"))
    assert length > 10 * MM and length > hop, f"the line {length / MM:.1f} mm, the hop {hop / MM:.1f}"
    finish = frame_drawings(ill, WIDTH)[1]
    (floor,) = shapes(finish, "floor")
    corners = list(zip(floor.points[0::2], floor.points[1::2]))
    for part in shapes(finish, "ghost"):
        for p in zip(part.points[0::2], part.points[1::2]):
            turns = [(b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) for a, b in zip(corners, corners[1:] + corners[:1])]
            assert all(v > 0 for v in turns) or all(v < 0 for v in turns), "the print is on the floor"


def test_the_same_leg_lands_with_the_knee_clearly_bent() -> None:
    """Judges saw the landing knee straight and could not tell it was the same leg. The
    same (right) foot is on the floor in both frames and the free one well off it; on the
    page the take-off knee is a little bent (130 to 150 degrees) and the landing knee under
    115 (square on, a knee bent 90 drew 180: the leg is turned out 15, the knee over the
    toes, and the view turned towards its outside), the shin more than 4.8 mm long; and the
    crouch shows, the head more than 1.5 mm nearer the standing foot on the page at the
    Finish (the trunk stays upright: tipped forward 8, the landed figure printed 28.3 mm
    tall, under the 30 a card needs)."""
    ill, start, end, cam = _poses("sideways-hop")
    for body in (start, end):
        assert body.bottom_of("right_foot") < 0.005 and body.bottom_of("left_foot") > 0.1
    assert 130 < _page_angle(cam, start, "right_hip", "right_knee", "right_ankle") < 150
    landing = _page_angle(cam, end, "right_hip", "right_knee", "right_ankle")
    assert landing < 115, f"the landing knee {landing:.0f} degrees on the page"
    assert math.dist(_on_page(ill, end, "right_knee"), _on_page(ill, end, "right_ankle")) > 4.8 * MM
    def tall(body) -> float:
        return _on_page(ill, body, "head")[1] - _on_page(ill, body, "right_foot")[1]

    assert tall(start) - tall(end) > 1.5 * MM, "the landing crouches"


def test_the_free_foot_is_clear_of_the_hands() -> None:
    """Seen square on, the free foot swung out behind the knee ended at the hand held out
    16 degrees: a hand holding the foot (a thigh stretch). With the arms out further, the
    free foot is more than 2 mm from either hand on the page in both frames."""
    ill, start, end, _ = _poses("sideways-hop")
    for body in (start, end):
        foot = _on_page(ill, body, "left_foot")
        for hand in ("left_hand", "right_hand"):
            assert math.dist(foot, _on_page(ill, body, hand)) > 2 * MM, f"the free foot at the {hand}"
