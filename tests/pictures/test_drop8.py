"""drop8: what a picture-only judge still misread in the hip drop, the standing band lift
and the side steps. Each test holds one fix in place, measured on the pose and the drawn
frames at print size.

- pelvic-drop: the hip line had the same slope in both frames and the free foot hung at
  the same height, so nothing seemed to change (Start level, Finish dropped 10 degrees).
- standing-band-abduction: the table (a top 0.2 wide and 0.3 deep over two legs) read as a
  second chair, and the band as tied to nothing.
- lateral-band-walk: seen turned 30 degrees, the floor strip ran diagonally and the step
  read as a step forward. (Seen square on with the thighs turned out and the knees bent 52,
  the next judges saw a deep squat; turned 18 with the knees bent 34 they saw straight knees;
  it is now seen turned 20, the knees bent 48 with the shins leaning forward, a mini-squat.)
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import END_COLOUR, GROUND_COLOUR, PROP_COLOUR, fit, frame_drawings
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import placed
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import Camera

from .test_pictogram import WIDTH, shapes

MM = 72 / 25.4


def _poses(name: str):
    ill = load_pose_illustration(bundled_pose_path(name))
    return ill, placed(ill, ill.start), placed(ill, ill.end), Camera(ill.elevation, ill.yaw)


def _page_tilt(cam: Camera, body) -> float:
    """The slope of the line through the hip joints on the page, the free (left) side up positive."""
    (rx, ry), (lx, ly) = cam.xy(body.points["right_hip"].c), cam.xy(body.points["left_hip"].c)
    return math.degrees(math.atan2(ly - ry, abs(lx - rx)))


def _xs(s) -> list[float]:
    return list(s.points[0::2])


def _ys(s) -> list[float]:
    return list(s.points[1::2])


def test_the_hip_drop_tilts_the_pelvis_one_way_then_the_other() -> None:
    """In the room the free side of the pelvis is let down at the Start and lifted a bit above
    level at the Finish; on the page (where the turned view slopes even a level hip line) the
    hip line's slope differs by more than 24 degrees between the frames (drawn as the top edge
    of light grey shorts, once a bold white band that read as a stick: test_hipline)."""
    ill, start, end, cam = _poses("pelvic-drop")

    def room_tilt(body) -> float:
        r, l = body.points["right_hip"].c, body.points["left_hip"].c
        return math.degrees(math.atan2(l[1] - r[1], abs(l[0] - r[0])))

    # drop3: tilted 10 each way (19 degrees apart on the page), judges found the tilt tiny;
    # down 12 (as far as the 10 cm step lets the free foot stay 7 cm off the floor) and up 16
    assert room_tilt(start) < -11 and room_tilt(end) > 15
    a, b = _page_tilt(cam, start), _page_tilt(cam, end)
    assert b - a > 24, f"the hip line {a:.0f} then {b:.0f} degrees on the page"
    assert [p.prop for p in ill.props].count("hip_line") == 1


def test_the_hip_drop_free_foot_hangs_lower_at_the_start_than_the_finish() -> None:
    """The free foot is below the step's tread at the Start and above it at the Finish, its
    sole more than 2.8 mm higher on the page at the Finish at print size (drop8: 1 mm lower;
    drop3: 2.2 mm, and judges found the tilt tiny)."""
    ill, start, end, cam = _poses("pelvic-drop")
    k = fit(build_scenes(ill), WIDTH)[0]
    tread = start.bottom_of("right_foot")
    assert start.bottom_of("left_foot") < tread - 0.01 < tread + 0.01 < end.bottom_of("left_foot")
    rise = (end.bottom_of("left_foot") - start.bottom_of("left_foot")) * k
    assert rise > 2.8 * MM, f"the free foot rises {rise / MM:.1f} mm"
    (arrow,) = ill.arrows
    # about the standing hip: the pelvis tips (a straight move beside the thigh read as a leg lift)
    assert arrow.arc == "left_hip" and arrow.about == "right_hip", "at the free hip"
    assert not arrow.both_ways, "one head, up into the Up frame (two-headed, reviewers read it as back to level)"



def test_the_hip_drop_level_line_reads_level_with_the_free_hip_below_then_above() -> None:
    """Round 8's judges (3 of 5) had a dashed "level" line that sloped 10 degrees on the page
    (the view turned 25), the same way as the dropped hip line, so the drop hardly showed
    against it. Turned 10, the line slopes less than 5 degrees, and at the free hip's place
    across the page the free hip is more than 1.1 mm below it at the Start and above it at
    the Finish, at print size (drop3: tilted 10 each way, 0.8 mm; judges still found the tilt
    tiny). The line is dark dashes on white rims of the same dashes (mid grey, it vanished on
    the grey shorts just where the lifted hip crosses it), and it stops more than 3 mm short
    of the hand on the rail, so that it cannot read as a stick held in that hand."""
    ill, start, end, cam = _poses("pelvic-drop")
    k, ox, oy, _ = fit(build_scenes(ill), WIDTH)
    for frame, body, way in zip(frame_drawings(ill, WIDTH), (start, end), (-1, 1)):
        dashed = [s for s in shapes(frame, "under") if isinstance(s, PolyLine) and getattr(s, "strokeDashArray", None)]
        (line,) = [s for s in dashed if s.strokeColor == HexColor(END_COLOUR)]
        (rim,) = [s for s in dashed if s.strokeColor == HexColor("#ffffff")]
        assert rim.points == line.points and rim.strokeWidth > 1.8 * line.strokeWidth, "a white rim round each dash"
        assert dashed.index(rim) < dashed.index(line), "the rim under the dash"
        (ax, ay), (bx, by) = line.points[:2], line.points[-2:]
        assert abs(math.degrees(math.atan2(by - ay, bx - ax))) < 5, "the level line drawn level"
        hx, hy = (o + v * k for o, v in zip((ox, oy), cam.xy(body.points["left_hip"].c)))
        off = hy - (ay + (by - ay) * (hx - ax) / (bx - ax))
        assert off * way > 1.1 * MM, f"the free hip {off / MM:.1f} mm off the level line"
        gx, gy = (o + v * k for o, v in zip((ox, oy), cam.xy(body.points["right_hand"].c)))
        gap = min(math.dist((gx, gy), (ax, ay)), math.dist((gx, gy), (bx, by)))
        assert gap > 3 * MM, f"the level line ends {gap / MM:.1f} mm from the hand on the rail"


def test_the_band_is_tied_to_a_table_not_a_chair() -> None:
    """The table is a long top over four legs, its top on the page more than twice as wide
    as it is tall, so that it cannot be read as a chair (it once stood beside a chair held
    for balance; now it is the one prop, the inside hand on its top: test_band_table)."""
    ill = load_pose_illustration(bundled_pose_path("standing-band-abduction"))
    start = frame_drawings(ill, WIDTH)[0]
    behind = [s for s in shapes(start, "behind") if isinstance(s, Polygon)]
    table = [s for s in behind if s.fillColor == HexColor(PROP_COLOUR)]
    assert len(table) == 5, "a top and four legs"
    top = max(table, key=lambda s: max(_xs(s)) - min(_xs(s)))
    wide, tall = max(_xs(top)) - min(_xs(top)), max(_ys(top)) - min(_ys(top))
    assert wide > 2 * tall, f"the top {wide / MM:.1f} mm wide, {tall / MM:.1f} mm tall"


def test_the_side_step_runs_along_a_nearly_level_floor() -> None:
    """Turned 30, the floor patch ran diagonally and the step read as forward; turned 18 its
    front and back edges slope less than 12 degrees on the page, the leading foot moves along
    them (within 3 degrees) and mostly across the page (less than a fifth as far up or down),
    and the arrow's shaft runs along the step too."""
    ill, start, end, cam = _poses("lateral-band-walk")
    assert ill.yaw <= 20
    finish = frame_drawings(ill, WIDTH)[1]
    (floor,) = [s for s in shapes(finish, "floor") if isinstance(s, Polygon) and s.fillColor == HexColor(GROUND_COLOUR)]
    pts = list(zip(_xs(floor), _ys(floor)))

    def slope(p, q) -> float:  # of a line, -90 to 90 degrees
        return (math.degrees(math.atan2(q[1] - p[1], q[0] - p[0])) + 90) % 180 - 90

    edges = [slope(p, q) for p, q in zip(pts, pts[1:] + pts[:1]) if abs(q[0] - p[0]) > abs(q[1] - p[1])]
    assert len(edges) == 2 and all(abs(e) < 12 for e in edges), f"floor edges at {edges}"
    a, b = cam.xy(start.points["right_foot"].c), cam.xy(end.points["right_foot"].c)
    assert abs(b[1] - a[1]) < 0.2 * abs(b[0] - a[0]), "the step runs across the page"
    assert abs(slope(a, b) - edges[0]) < 3, "along the floor"
    shafts = [s for s in shapes(finish, "arrows") if isinstance(s, PolyLine) and len(s.points) >= 4]
    longest = max(shafts, key=lambda s: max(_xs(s)) - min(_xs(s)))
    ends = (longest.points[0], longest.points[1]), (longest.points[-2], longest.points[-1])
    assert abs(slope(*ends) - slope(a, b)) < 3, "the arrow along the step"


def test_the_side_steps_knees_bend_a_little_over_the_feet(tmp_path) -> None:
    """The card says bend the knees a little and not let them fall in. Turned out 30 and bent
    52, the knees bowed out past the feet and judges saw a deep squat; bent 34 they saw
    straight knees. The knees bend 40 to 55 (a mini-squat, the bend mostly in the knees and
    ankles, the thighs near upright: hips bent at most 12), the thighs are not turned (the
    knees no further apart than the feet, nor much closer: over the toes), and the hips
    stand more than 0.86 as high as when standing tall (bent 52, thighs turned: 0.87 at the
    Start; now 0.89 at the Start and 0.87 at the wide Finish: what read as a deep squat was
    the knees bowed out past the feet, which the tests above and the turn keep out)."""
    ill, start, end, _ = _poses("lateral-band-walk")
    (tmp_path / "tall.yaml").write_text("view: front\nbase: standing\nend: {}\narrows:\n  - {move: pelvis}\n")
    tall = load_pose_illustration(tmp_path / "tall.yaml")
    tall_hip = placed(tall, tall.start).points["right_hip"].c[1]
    for pose, body in ((ill.start, start), (ill.end, end)):
        for side in ("right", "left"):
            assert abs(pose.angles[f"{side}_hip"].get("rotation", 0)) <= 5
            assert 40 <= pose.angles[f"{side}_knee"]["flexion"] <= 55
            assert pose.angles[f"{side}_hip"]["flexion"] <= 12, "the thighs near upright"
        knees = abs(body.points["right_knee"].c[0] - body.points["left_knee"].c[0])
        feet = abs(body.points["right_foot"].c[0] - body.points["left_foot"].c[0])
        assert 0.7 * feet < knees <= feet, "the knees over the feet"
        assert body.points["right_hip"].c[1] > 0.86 * tall_hip, "not a squat"


def test_the_hip_drop_free_foot_draws_lower_than_the_standing_foot_when_down() -> None:
    """Judges (4 of 5) said the Down frame's free foot looked level with the standing foot:
    hanging straight down with its knee soft, it sat a little behind the standing foot, and
    seen from above it drew at the same height though 3 cm lower in the room. Hung a little
    forward, its sole draws more than 0.8 mm lower on the page than the standing foot's at
    print size (it drew 0.2 mm lower), while still 7 cm over the floor (test_round3)."""
    ill, start, _, cam = _poses("pelvic-drop")
    k = fit(build_scenes(ill), WIDTH)[0]

    def sole(foot: str) -> float:
        return min(cam.xy(b.c)[1] - b.r for b in start.parts[foot].balls)

    drop = (sole("right_foot") - sole("left_foot")) * k
    assert drop > 0.8 * MM, f"the free foot {drop / MM:.1f} mm below the standing foot on the page"
