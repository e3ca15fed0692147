"""Round 6, the standing and seated pictures: what round 5's picture-only judges still got
wrong in the hip hike, the side steps, the standing band lift and the outer-thigh machine;
each test holds one fix in place, measured on the pose and the drawn frames.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import ACCENT_COLOUR, EDGE_COLOUR, GROUND_COLOUR, PROP_COLOUR, fit, frame_drawings, role_colours
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, shapes
from .test_round4 import _page_angle
from .test_round7_bands import strip_shape

MM = 72 / 25.4
BAND = role_colours(ACCENT_COLOUR)["band"]


def _load(name: str):
    return load_pose_illustration(bundled_pose_path(name))


def _poses(name: str):
    ill = _load(name)
    return ill, placed(ill, ill.start), placed(ill, ill.end), Camera(ill.elevation, ill.yaw)


def _page(ill, cam: Camera, p) -> tuple[float, float]:
    """A room point on the page, in points, where frame_drawings puts it."""
    k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    x, y = cam.xy(p)
    return ox + x * k, oy + y * k


def _inside(p: tuple[float, float], flat: list[float]) -> bool:
    """Whether a page point lies inside a convex polygon given as flat x, y pairs."""
    pts = list(zip(flat[0::2], flat[1::2]))
    signs = [(b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) for a, b in zip(pts, pts[1:] + pts[:1])]
    return all(s >= 0 for s in signs) or all(s <= 0 for s in signs)


def test_the_hip_hike_arms_fold_low_across_the_chest() -> None:
    """Judges read the arms folded at the chin as hands over the mouth. Each hand is across
    the body's middle, on the other arm (arms folded), and both hands are well down the
    chest: more than 0.12 body heights under the neck on the page in both frames (round 5:
    about 0.05, at the chin)."""
    ill, start, end, cam = _poses("hip-listing-wall")
    for body in (start, end):
        mid = cam.xy(body.points["chest"].c)[0]
        neck = cam.xy(body.points["neck"].c)[1]
        for side, other in (("right", "left"), ("left", "right")):
            hand = cam.xy(body.points[f"{side}_hand"].c)
            shoulder = cam.xy(body.points[f"{other}_shoulder"].c)
            assert (hand[0] - mid) * (shoulder[0] - mid) > 0, f"the {side} hand across the middle"
            assert neck - hand[1] > 0.12, f"the {side} hand {neck - hand[1]:.2f} under the neck"


def test_the_hip_hike_free_foot_hangs_over_its_shadow() -> None:
    """Judges found the foot lift too small to see (a 1.7 mm gap over the floor line). Seen
    from a little above, the free foot is over a dark shadow on the floor: at the Start it
    stands on it, at the Finish its sole is more than 2 mm above the floor at print size
    and the shadow shows clear under it, more than 1.2 mm below the sole on the page. The
    floor reaches the wall beside the body."""
    ill, start, end, cam = _poses("hip-listing-wall")
    assert ill.elevation >= 10
    k = fit(build_scenes(ill), WIDTH)[0]
    assert start.bottom_of("left_foot") < 0.005
    assert end.bottom_of("left_foot") * k > 2 * MM, f"the foot {end.bottom_of('left_foot') * k / MM:.1f} mm up"
    finish = frame_drawings(ill, WIDTH)[1]
    shadows = [s for s in shapes(finish, "behind") if isinstance(s, Polygon) and s.fillColor == HexColor(EDGE_COLOUR) and len(s.points) == 40]
    (shadow,) = shadows
    foot = [_page(ill, cam, b.c) for b in end.parts["left_foot"].balls]
    sole = min(y for _, y in foot) - max(b.r for b in end.parts["left_foot"].balls) * k
    sx = (max(shadow.points[0::2]) + min(shadow.points[0::2])) / 2
    assert min(x for x, _ in foot) - 2 < sx < max(x for x, _ in foot) + 2, "the shadow under the free foot"
    assert sole - max(shadow.points[1::2]) > 1.2 * MM, "a clear gap between the sole and its shadow"
    (floor,) = [s for s in shapes(finish, "floor") if isinstance(s, Polygon) and s.fillColor == HexColor(GROUND_COLOUR)]
    (wall,) = [s for s in shapes(finish, "behind") if isinstance(s, Polygon) and s.fillColor == HexColor(PROP_COLOUR)]
    foot = min(zip(wall.points[0::2], wall.points[1::2]), key=lambda p: p[1])
    assert _inside((foot[0], foot[1] + 0.5), floor.points), "the wall stands on the floor"


def test_the_side_steps_show_bent_knees() -> None:
    """Judges saw straight knees where the card says bend them a little (round 5: about 160 on
    the page, square on; round 8: 162-169, turned 18); bowed out to 140-146, they saw a deep
    squat. Seen turned 20, the knees bend forward on the page as knees do: every knee less
    than 155 degrees in both frames, and each knee lies more than 1 mm to the side the figure
    faces (page right) of the line from its hip to its ankle, not bowed out."""
    ill, start, end, cam = _poses("lateral-band-walk")
    k = fit(build_scenes(ill), WIDTH)[0]
    for body, most in ((start, 155), (end, 155)):
        for side in ("right", "left"):
            angle = _page_angle(cam, body, f"{side}_hip", f"{side}_knee", f"{side}_ankle")
            assert angle < most, f"the {side} knee at {angle:.0f} degrees on the page"
            hip, knee, ankle = (cam.xy(body.points[f"{side}_{p}"].c) for p in ("hip", "knee", "ankle"))
            line = hip[0] + (knee[1] - hip[1]) / (ankle[1] - hip[1]) * (ankle[0] - hip[0])
            assert (knee[0] - line) * k > 1.0 * MM, f"the {side} knee {(knee[0] - line) * k / MM:.1f} mm ahead"


def test_the_side_steps_band_is_seen_as_a_ring_round_the_thighs() -> None:
    """Judges read the band as a bar: the loop, square to the thighs, was seen nearly edge
    on (13 degrees open). It is seen more than 17 degrees open in both frames, so its back
    strand shows between the thighs: midway between them on the page its front and back
    strands are more than 1.5 mm apart (round 5: 0.8). (Round 6 asked for 30, seen from 42
    degrees up; drop8 looks from 28, square on, as from higher the figure read as squatting
    and the band as the hem of its shorts; round 8 from 32, turned 18, the thighs near
    upright.)"""
    ill, start, end, cam = _poses("lateral-band-walk")
    towards = (-cam.sy * cam.c, cam.s, cam.cy * cam.c)  # from the body to the reader
    for body in (start, end):
        axes = []
        for side in ("right", "left"):
            hip, knee = body.points[f"{side}_hip"].c, body.points[f"{side}_knee"].c
            d = [knee[i] - hip[i] for i in range(3)]
            n = math.hypot(*d)
            axes.append([c / n for c in d])
        normal = [a + b for a, b in zip(*axes)]
        n = math.hypot(*normal)
        opening = math.degrees(math.asin(abs(sum(a * b / n for a, b in zip(normal, towards)))))
        assert opening > 17, f"the loop {opening:.0f} degrees open"
    for drawing, body in zip(frame_drawings(ill, WIDTH), (start, end)):
        # round 7: the band round standing thighs is a flat face (a polygon) per strand
        cores = [s for g in ("figure", "behind", "under") for s in shapes(drawing, g)
                 if (isinstance(s, PolyLine) and s.strokeColor == BAND) or (isinstance(s, Polygon) and s.fillColor == BAND)]
        right, left = (_page(ill, cam, body.points[f"{s}_thigh"].c) for s in ("right", "left"))
        mid = (right[0] + left[0]) / 2
        crossings = []
        for s in cores:  # where each strand crosses midway: a polygon's two edges, its middle
            pts = list(zip(s.points[0::2], s.points[1::2])) + ([(s.points[0], s.points[1])] if isinstance(s, Polygon) else [])
            ys = [y0 + (mid - x0) / (x1 - x0) * (y1 - y0) for (x0, y0), (x1, y1) in zip(pts, pts[1:]) if min(x0, x1) <= mid < max(x0, x1)]
            if ys:
                crossings.append(sum(ys) / len(ys))
        gap = max(crossings) - min(crossings)
        assert len(crossings) >= 2 and gap > 1.5 * MM, f"the strands {gap / MM:.1f} mm apart between the thighs"


def test_the_band_runs_behind_the_standing_shin_clear_of_its_foot() -> None:
    """Judges saw the band cross the standing ankle, as if tied round both ankles. Seen from
    above, with the table set back behind the body, the band passes the standing leg more
    than 1.5 mm above its ankle on the page in both frames (round 5: 0.2 mm), and the floor
    reaches under the table, so that it stands on it."""
    ill, start, end, cam = _poses("standing-band-abduction")
    assert cam.raised
    for drawing, body in zip(frame_drawings(ill, WIDTH), (start, end)):
        _, centre = strip_shape(drawing)  # round 7: a flat strip, sagging when slack
        ankle = _page(ill, cam, body.points["right_ankle"].c)
        crossing = [(ax, ay, bx, by) for (ax, ay), (bx, by) in zip(centre, centre[1:]) if min(ax, bx) <= ankle[0] < max(ax, bx)]
        assert crossing, "the band passes the standing leg"
        ax, ay, bx, by = crossing[0]
        t = (ankle[0] - ax) / (bx - ax)
        above = ay + t * (by - ay) - ankle[1]
        assert above > 1.5 * MM, f"the band {above / MM:.1f} mm above the standing ankle"
        (floor,) = [s for s in shapes(drawing, "floor") if isinstance(s, Polygon) and s.fillColor == HexColor(GROUND_COLOUR)]
        boxes = [s for s in shapes(drawing, "behind") if isinstance(s, Polygon) and s.fillColor == HexColor(PROP_COLOUR)]
        legs = [s for s in boxes if max(s.points[1::2]) - min(s.points[1::2]) > 2 * (max(s.points[0::2]) - min(s.points[0::2]))]
        assert len(legs) == 4, "the table's four legs"
        for leg in legs:
            foot = min(zip(leg.points[0::2], leg.points[1::2]), key=lambda p: p[1])
            assert _inside((foot[0], foot[1] + 0.5), floor.points), "every table leg stands on the floor"


def test_the_machine_shows_the_thighs_level_on_a_seat() -> None:
    """Judges read the machine's figure as standing: seen nearly from the front the thighs
    pointed at the reader, foreshortened to 0.55 of their length, and the body hid the seat.
    Walked round, at the Start each thigh shows more than 0.7 of its length on the page,
    bent more than 45 degrees from the shin, and the seat top reaches out from under the
    thighs by more than 4 mm on the page (round 5: 3.6). At the Finish the far thigh shows
    whole, and the near one, out towards the reader, more than 0.7 of its length (seen turned
    45, 0.52: judges said it had vanished). The pads are on the outside of the knees, and the
    near hand more than 8 mm from the near knee on the page in both frames (a pad a third of
    the way up the thigh sat 6 mm from the hand at the Finish and read as a handle)."""
    ill, start, end, cam = _poses("hip-abductor-machine")
    hip, knee = end.points["left_hip"].c, end.points["left_knee"].c
    assert math.dist(cam.xy(hip), cam.xy(knee)) > 0.85 * math.dist(hip, knee)
    hip, knee = end.points["right_hip"].c, end.points["right_knee"].c
    assert math.dist(cam.xy(hip), cam.xy(knee)) > 0.7 * math.dist(hip, knee), "the near thigh shows at the Finish"
    assert sorted((p.at, p.side) for p in ill.props if p.prop == "pad") == [("left_knee", "left"), ("right_knee", "right")]
    k = fit(build_scenes(ill), WIDTH)[0]
    for body in (start, end):
        gap = math.dist(cam.xy(body.points["right_hand"].c), cam.xy(body.points["right_knee"].c)) * k
        assert gap > 8 * MM, f"the near hand {gap / MM:.1f} mm from the near pad"
    for side in ("right", "left"):
        hip, knee = start.points[f"{side}_hip"].c, start.points[f"{side}_knee"].c
        page = math.dist(cam.xy(hip), cam.xy(knee))
        assert page > 0.7 * math.dist(hip, knee), f"the {side} thigh {page / math.dist(hip, knee):.2f} of its length"
        assert _page_angle(cam, start, f"{side}_hip", f"{side}_knee", f"{side}_ankle") < 135
    x0, x1, z0, z1, top = build_scenes(ill)[0].seats[0]
    corners = [_page(ill, cam, (x, top, z)) for x in (x0, x1) for z in (z0, z1)]
    thighs = [_page(ill, cam, start.points[p].c) for p in ("right_hip", "right_knee", "left_hip", "left_knee")]
    out = max(min(x for x, _ in thighs) - min(x for x, _ in corners), max(x for x, _ in corners) - max(x for x, _ in thighs))
    assert out > 4 * MM, f"the seat {out / MM:.1f} mm out from under the thighs"


def test_the_machine_arrows_point_the_knees_apart_across_the_page() -> None:
    """drop3: seen walked round 60, the near knee moves down and left on the page and the
    far one up and right; arrows along those paths (-148 and 61 degrees) read as one leg
    pushed down and the other up (judges scored 3 of 5). The two arrows are drawn level
    (`along: horizontal`), pointing away from each other the way each knee moves across the
    page, each more than 3 mm long, and each nearer its own knee than the other knee, within
    6 mm of it: the near one over the near thigh, the far one over the far pad."""
    ill, start, end, cam = _poses("hip-abductor-machine")
    assert [(a.move, a.along) for a in ill.arrows] == [("right_knee", "horizontal"), ("left_knee", "horizontal")]
    shafts = [s for s in shapes(frame_drawings(ill, WIDTH)[1], "arrows") if isinstance(s, PolyLine) and s.strokeColor == HexColor(ACCENT_COLOUR)]
    assert len(shafts) == 2
    knees = {side: _page(ill, cam, end.points[f"{side}_knee"].c) for side in ("right", "left")}
    for shaft, side, other in zip(shafts, ("right", "left"), ("left", "right")):
        (x0, y0), (x1, y1) = shaft.points[:2], shaft.points[-2:]
        assert abs(y1 - y0) < 0.1 and abs(x1 - x0) > 3 * MM, "level on the page, and long enough to read"
        moved = _page(ill, cam, end.points[f"{side}_knee"].c)[0] - _page(ill, cam, start.points[f"{side}_knee"].c)[0]
        assert (x1 - x0) * moved > 0, f"the {side} arrow points the way its knee goes across the page"
        near = min(math.dist(p, knees[side]) for p in zip(shaft.points[0::2], shaft.points[1::2]))
        assert near < 6 * MM and near < min(math.dist(p, knees[other]) for p in zip(shaft.points[0::2], shaft.points[1::2]))
    assert (shafts[0].points[-2] - shafts[0].points[0]) * (shafts[1].points[-2] - shafts[1].points[0]) < 0, "apart"
