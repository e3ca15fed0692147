"""Round 9's picture-only judges (3 of 5 from both) on the two reach-and-hip-shift pictures.

single-leg-reach-step: "the foot arrow runs from the right foot to the left one: does the
left foot step out, or does the right foot cross over?" The Finish frame now shows the
stepping foot where it stood (a ghost), and the step's arrow runs from it to the new place.
single-leg-reach-hip-shift: the hips' arrow started inside the body ("a stick poking the
hip") and the lifted foot hung so low that it might have been standing. Each test holds
one fix in place, measured on the pose and the drawn frames.

Round 10's judges: the ghost was "tiny" and "almost vanished in grey", sitting next to the
back foot, and its arrow was 5 mm; the hip shift's level thigh, in a near-front view, read
as a knee lifted out to the side. The tests below hold those fixes too.

Round 11's judges: "the ghost foot looks like a stone" (the foot drawn in grey where it
stood, a lump, outlined or filled). It is now a shoe print lying on the floor.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, END_COLOUR, GHOST_COLOUR, GROUND_COLOUR, fit, frame_drawings
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, one_line_problems, shapes
from .test_round4 import _poses
from .test_round5 import MM, _on_page, _shafts

STEP, SHIFT = "single-leg-reach-step", "single-leg-reach-hip-shift"


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _grey(colour: str) -> float:
    """How dark a colour prints on a mono laser, 0 black to 1 white (PIL's luma weights)."""
    c = HexColor(colour)
    return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue


def test_the_finish_frame_ghosts_the_stepping_foot_where_it_stood() -> None:
    """One ghost in the Finish frame and none in the Start: the right foot's start place.
    Round 10's judges found it tiny and lost in grey; round 11's read the foot drawn there
    in grey as "a stone", and round 12's the print's heel and forefoot, drawn apart, as two
    prints ("both feet moved"). It is one shoe print: a heel, the outside edge and a
    forefoot that overlap, one outline round them (each edged, then every fill over the
    edges inside), the heel at the start heel's end and the forefoot at the toe's, the
    forefoot longer and wider than the heel; more than 4.5 mm long and 1.5 mm high on the page,
    not a sliver; centred where the foot stood, on the floor (every point of it inside the
    floor patch); filled a grey that prints apart from the floor, the figure and the arrow
    (each more than 0.2 apart from it), edged dark more than 0.25 mm wide over a white ring;
    more than 1 mm (edge to edge) clear of the back foot, so it is not read as part of it,
    more than 0.3 mm clear of every dark shape of the figure, and not under the arrow."""
    ill, start, end, _ = _poses(STEP)
    first, finish = frame_drawings(ill, WIDTH)
    assert shapes(first, "ghost") == []
    drawn = shapes(finish, "ghost")
    rings, edged, filled = drawn[:3], drawn[3:6], drawn[6:]
    assert len(drawn) == 9 and all(r.fillColor == r.strokeColor == HexColor("#ffffff") for r in rings)
    for part in edged:
        assert isinstance(part, Polygon) and part.fillColor == HexColor(GHOST_COLOUR)
        assert part.strokeColor == HexColor(END_COLOUR) and part.strokeWidth / 2 > 0.25 * MM, "a bold dark edge (its outer half shows)"
        assert rings[0].strokeWidth > part.strokeWidth
    assert all(f.fillColor == HexColor(GHOST_COLOUR) and not f.strokeWidth for f in filled), "fills over the edges inside"
    assert [f.points for f in filled] == [e.points for e in edged]
    for other in (GROUND_COLOUR, END_COLOUR, ACCENT_COLOUR):
        assert abs(_grey(GHOST_COLOUR) - _grey(other)) > 0.2, f"prints apart from {other}"
    heel_part, strip, fore_part = [list(zip(p.points[0::2], p.points[1::2])) for p in edged]
    # one print: the outside edge overlaps the heel and the forefoot (no gap a reader sees as two prints)
    for part in (heel_part, fore_part):
        assert any(_inside(q, strip) for q in part), "the edge joins the heel and the forefoot"
    pads = [heel_part, fore_part]
    heel_pad = edged[0]
    k = fit(build_scenes(ill), WIDTH)[0]
    heel, toe = _on_page(ill, start, "right_heel"), _on_page(ill, start, "right_toe")

    def middle(pts):
        return sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)

    assert math.dist(middle(pads[0]), heel) < math.dist(middle(pads[0]), toe), "the heel pad at the heel"
    assert math.dist(middle(pads[1]), toe) < math.dist(middle(pads[1]), heel), "the forefoot at the toe"
    # along the foot on the page, and across it: the forefoot is the longer and the wider part
    along = ((toe[0] - heel[0]) / math.dist(heel, toe), (toe[1] - heel[1]) / math.dist(heel, toe))

    def spans(pts):
        us = [x * along[0] + y * along[1] for x, y in pts]
        vs = [-x * along[1] + y * along[0] for x, y in pts]
        return max(us) - min(us), max(vs) - min(vs)

    (heel_long, heel_wide), (fore_long, fore_wide) = spans(pads[0]), spans(pads[1])
    assert fore_long > heel_long and fore_wide > heel_wide, "a sole and a heel, not two stones"
    pts = pads[0] + strip + pads[1]
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    assert max(xs) - min(xs) > 4.5 * MM and max(ys) - min(ys) > 1.5 * MM, "foot-sized"
    cam = Camera(ill.elevation, ill.yaw)
    _, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    floor_mid = cam.xy((start.points["right_foot"].c[0], 0.0, start.points["right_foot"].c[2]))
    assert math.dist(middle(pts), (ox + floor_mid[0] * k, oy + floor_mid[1] * k)) < 0.03 * k, "where the right foot stood"
    (patch,) = shapes(finish, "floor")
    corners = list(zip(patch.points[0::2], patch.points[1::2]))
    way = _turn(*corners[:3])  # the patch's winding: a point inside is on that side of every edge
    sides = list(zip(corners, corners[1:] + corners[:1]))
    assert all(_turn(a, b, p) * way > 0 for p in pts for a, b in sides), "on the floor"
    back_heel, back_toe = _on_page(ill, end, "left_heel"), _on_page(ill, end, "left_toe")
    back_r = end.parts["left_foot"].balls[1].r * k
    clear = min(_to_segment(p, back_heel, back_toe) for p in pts) - back_r - heel_pad.strokeWidth / 2
    assert clear > 1 * MM, f"{clear / MM:.1f} mm clear of the back foot"
    body = [s for s in shapes(finish, "figure") if isinstance(s, Polygon) and s.fillColor == HexColor(END_COLOUR)]
    edges = [((s.points[i], s.points[i + 1]), (s.points[(i + 2) % len(s.points)], s.points[(i + 3) % len(s.points)]))
             for s in body for i in range(0, len(s.points), 2)]
    clear = min(_to_segment(p, a, b) for p in pts for a, b in edges) - heel_pad.strokeWidth / 2
    assert clear > 0.3 * MM, f"{clear / MM:.2f} mm clear of the figure"
    step = min(_shafts(ill), key=lambda s: min(s.points[1::2]))
    shaft = list(zip(step.points[0::2], step.points[1::2]))
    clear = min(_to_segment(p, a, b) for p in pts for a, b in zip(shaft, shaft[1:]))
    clear -= (step.strokeWidth + heel_pad.strokeWidth) / 2
    assert clear > 0.2 * MM, f"the arrow {clear / MM:.2f} mm clear of the print"


def _turn(o: tuple[float, float], a: tuple[float, float], p: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0])


def test_the_step_arrow_runs_from_the_ghost_to_the_new_place() -> None:
    """The step's arrow starts at the ghost's toe (within 0.04 body heights of the toe's
    middle: just over the shoe print's toe, clear of it, see the test above), its head's tip at the front foot's heel
    (as near), bowed a little up off the floor like a foot lifted over it, below the knees.
    Round 10's judges found it too short to read (4.7 mm of shaft across the page): the
    step is longer, and the shaft spans more than 6 mm."""
    ill, start, end, _ = _poses(STEP)
    k = fit(build_scenes(ill), WIDTH)[0]
    step = min(_shafts(ill), key=lambda s: min(s.points[1::2]))
    tail, tip = step.points[:2], step.points[-2:]
    assert math.dist(tail, _on_page(ill, start, "right_toe")) < 0.04 * k, "from the ghost's toe"
    # the shaft stops short of its head: the head's tip, a head length on, is at the heel
    heads = [s for s in shapes(frame_drawings(ill, WIDTH)[1], "arrows") if isinstance(s, Polygon) and len(s.points) == 6]
    head = min(heads, key=lambda h: math.dist(h.points[:2], tip))
    assert math.dist(head.points[:2], _on_page(ill, end, "right_heel")) < 0.04 * k, "to the front foot's heel"
    assert max(step.points[1::2]) > max(tail[1], tip[1]) + 0.3 * MM, "bowed up off the floor"
    assert max(step.points[1::2]) < _on_page(ill, end, "right_knee")[1] - 0.1 * k
    assert abs(tip[0] - tail[0]) > 6 * MM, f"{abs(tip[0] - tail[0]) / MM:.1f} mm across the page"


def test_the_hips_arrow_starts_at_the_hip_just_clear_of_it() -> None:
    """The hips' arrow started 0.3 mm inside the hip's outline and read as a stick held at
    the waist; 1.7 mm clear, round 12's judges saw it float beside the body (a step
    sideways). Every point of it is outside the dark figure (shaft edge to body edge more
    than 0.15 mm: its white rim shows between), its tail within 0.6 mm of the outline, at
    hip height, and it points away from the body, tail nearest."""
    ill, _, end, _ = _poses(SHIFT)
    finish = frame_drawings(ill, WIDTH)[1]
    hips = min(_shafts(ill), key=lambda s: max(s.points[1::2]) - min(s.points[1::2]))
    body = [s for s in shapes(finish, "figure") if isinstance(s, Polygon) and s.fillColor == HexColor(END_COLOUR)]
    edges = [((s.points[i], s.points[i + 1]), (s.points[(i + 2) % len(s.points)], s.points[(i + 3) % len(s.points)]))
             for s in body for i in range(0, len(s.points), 2)]
    pts = list(zip(hips.points[0::2], hips.points[1::2]))
    clear = min(_to_segment(p, a, b) for p in pts for a, b in edges) - hips.strokeWidth / 2
    assert 0.15 * MM < clear < 0.6 * MM, f"{clear / MM:.2f} mm off the body"
    k = fit(build_scenes(ill), WIDTH)[0]
    assert abs(pts[0][1] - _on_page(ill, end, "pelvis")[1]) < 0.06 * k, "at hip height"
    pelvis = _on_page(ill, end, "pelvis")[0]
    assert abs(pts[-1][0] - pelvis) > abs(pts[0][0] - pelvis), "pointing away from the body"


def test_the_free_foot_is_lifted_clearly_off_the_floor_over_its_shadow() -> None:
    """The free foot hung 0.13 body heights up (hip bent 70): judges might have stood on
    both feet. Then the thigh was lifted level (hip 95), and round 10's judges read the knee
    as lifted out to the side in the near-front view. Now the foot is lifted behind: in both
    frames the thigh hangs under the hip (the knee within 0.02 body heights of it forward
    and sideways, and within 0.5 mm of it across the page), the foot more than 0.2 behind
    the knee and more than 0.22 off the floor, drawn more than 6 mm above the standing foot
    on the page, over a shadow on the floor under it."""
    ill, start, end, _ = _poses(SHIFT)
    k = fit(build_scenes(ill), WIDTH)[0]
    for body in (start, end):
        knee, hip = body.points["left_knee"].c, body.points["left_hip"].c
        assert abs(knee[0] - hip[0]) < 0.02 and abs(knee[2] - hip[2]) < 0.02, "the thigh hangs down"
        assert abs(_on_page(ill, body, "left_knee")[0] - _on_page(ill, body, "left_hip")[0]) < 0.5 * MM
        assert body.points["left_foot"].c[2] < knee[2] - 0.2, "the foot behind the knee"
        assert body.bottom_of("left_foot") > 0.22
        lift = _on_page(ill, body, "left_foot")[1] - _on_page(ill, body, "right_foot")[1]
        assert lift > 6 * MM, f"{lift / MM:.1f} mm above the standing foot"
    assert any(p.prop == "shadow" and p.at == "left_foot" for p in ill.props)
    assert k > 0.99 * 69.98 * WIDTH / 100, "the figure no smaller than round 8's"


def test_a_ghost_is_a_foot(write) -> None:
    """A ghost marks where a stepping foot stood: any other point is an error naming its line."""
    path = write("g.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: ghost, at: right_knee}\n")
    assert one_line_problems(path) == ["g.yaml:5:23: props[0].at: a ghost is a foot where it stood at the start: `at: right_foot` or `left_foot`"]


def _inside(p, polygon) -> bool:
    """Whether point `p` lies inside a convex `polygon` (its points in order)."""
    sides = list(zip(polygon, polygon[1:] + polygon[:1]))
    turns = [_turn(a, b, p) for a, b in sides]
    return all(t > 0 for t in turns) or all(t < 0 for t in turns)
