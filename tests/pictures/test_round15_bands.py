"""Round 15, the two band pictures.

- standing-band-abduction: both judges saw the band cross in front of the standing shin
  from the table leg (seen from 25 up, the knot on the set-back table stood knee-high on the
  page), so where it was tied and where it ran was unclear; and the leg moved about 15
  degrees, the foot barely leaving the floor. Seen from 16 up, the knot sits low on the
  table leg and the band runs low behind the standing ankle; the leg goes out 40.
- lateral-band-walk: both judges saw one step only, no trailing foot following, and read it
  as a lunge step or a tap out and back. A second, smaller arrow at the trailing foot points
  the same way along the floor.
"""

from __future__ import annotations

import math

from handouts.pictures.pictogram.draw import frame_drawings
from handouts.pictures.pictogram.fixed_props import fixed_props

from .test_band_table import _frames
from .test_pictogram import WIDTH
from .test_round4 import _poses
from .test_round6_standing import _page
from .test_round7_bands import strip_shape

MM = 72 / 25.4


def test_the_band_is_tied_low_and_passes_low_behind_the_standing_ankle() -> None:
    """On the page the knot on the table leg is less than 0.7 of the standing shin (ankle to
    knee) above the standing ankle (round 14: 0.96, knee-high), and at the Start the band
    passes the standing leg in its lowest third, just above the ankle (round 14: 0.44)."""
    ill, (start, _), cam, (first, _), knot_at = _frames()
    ankle, knee = (_page(ill, cam, start.points[f"right_{p}"].c) for p in ("ankle", "knee"))
    shin = knee[1] - ankle[1]
    knot = _page(ill, cam, knot_at)
    assert (knot[1] - ankle[1]) / shin < 0.7, f"the knot {(knot[1] - ankle[1]) / shin:.2f} of the shin up"
    _, centre = strip_shape(first)
    (a, b), = [(p, q) for p, q in zip(centre, centre[1:]) if min(p[0], q[0]) <= ankle[0] < max(p[0], q[0])]
    y = a[1] + (ankle[0] - a[0]) / (b[0] - a[0]) * (b[1] - a[1])
    assert (y - ankle[1]) / shin < 1 / 3, f"the band passes {(y - ankle[1]) / shin:.2f} of the shin up"


def test_the_band_runs_level_to_the_lifted_ankle() -> None:
    """In the Finish the band runs from the knot to the cuff within 10 degrees of level on the
    page: at ankle height, not climbing across the standing shin (round 14: 13 degrees)."""
    _, _, _, (_, finish), _ = _frames()
    _, centre = strip_shape(finish)
    (ax, ay), (bx, by) = centre[0], centre[-1]
    assert abs(math.degrees(math.atan2(by - ay, abs(bx - ax)))) < 10


def test_the_lifted_leg_goes_well_out_with_a_gap_under_the_foot() -> None:
    """Judges saw a 15-degree lift, the foot barely off the floor (round 14: the hip out 27,
    29 degrees on the page, the foot 1.7 mm up). On the page the leg moves out more than 30
    degrees, and the lifted ankle ends more than 3 mm above the standing ankle and more than
    15 mm out from it."""
    ill, (start, end), cam, _, _ = _frames()

    def out(body) -> float:
        hip, ankle = cam.xy(body.points["left_hip"].c), cam.xy(body.points["left_ankle"].c)
        return math.degrees(math.atan2(abs(ankle[0] - hip[0]), hip[1] - ankle[1]))

    assert out(end) - out(start) > 30, f"the leg moves {out(end) - out(start):.1f} degrees"
    lifted, standing = (_page(ill, cam, end.points[p].c) for p in ("left_ankle", "right_ankle"))
    assert lifted[1] - standing[1] > 3 * MM, f"the foot {(lifted[1] - standing[1]) / MM:.1f} mm up"
    assert lifted[0] - standing[0] > 15 * MM, f"the feet {(lifted[0] - standing[0]) / MM:.1f} mm apart"


def test_the_side_steps_trailing_foot_follows() -> None:
    """A second arrow, at the trailing foot: shorter than the step's (so it reads as a foot
    following part way in, not a second step), pointing the same way within 10 degrees on the
    page, its head towards the leading foot, and down by the trailing foot: its tail within
    0.06 body heights of the trailing foot across the page, and the whole arrow within 0.06
    of the floor (the feet) up the page, clear of the step's arrow."""
    ill, start, end, cam = _poses("lateral-band-walk")
    step, follow = ill.arrows
    assert step.move == "right_foot" and follow.move == "left_ankle"
    assert follow.length < 0.75 * step.length

    def ends(arrow, body_start, body_end):
        a, b = cam.xy(body_start.points[arrow.move].c), cam.xy(body_end.points[arrow.move].c)
        mid, d = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), (b[0] - a[0], b[1] - a[1])
        n = math.hypot(*d)
        half = [c / n * arrow.length / 2 for c in d]
        ox, oy = arrow.offset
        return (mid[0] - half[0] + ox, mid[1] - half[1] + oy), (mid[0] + half[0] + ox, mid[1] + half[1] + oy)

    (s0, s1), (f0, f1) = ends(step, start, end), ends(follow, start, end)
    angle = lambda p, q: math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))  # noqa: E731
    assert abs(angle(s0, s1) - angle(f0, f1)) < 10, f"{angle(s0, s1):.0f} and {angle(f0, f1):.0f} degrees"
    trailing, leading = cam.xy(end.points["left_foot"].c), cam.xy(end.points["right_foot"].c)
    assert abs(f1[0] - leading[0]) < abs(f0[0] - leading[0]), "it points at the leading foot"
    assert abs(f0[0] - trailing[0]) < 0.06, "it starts at the trailing foot"
    assert all(abs(p[1] - trailing[1]) < 0.06 for p in (f0, f1)), "down on the floor"
    assert f1[0] > s0[0], "clear of the step's arrow"
    assert len(frame_drawings(ill, WIDTH)) == 2
