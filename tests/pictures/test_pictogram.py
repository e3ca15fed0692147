"""Pictograms from pose data: loading, geometry (grounding, mirroring, views), errors, export."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Polygon, PolyLine
from reportlab.lib.colors import HexColor

from handouts.errors import InvalidInput, NotFound
from handouts.pictures.pictogram.band import LYING_EDGE, LYING_WIDTH
from handouts.pictures.pictogram.draw import (
    END_COLOUR,
    FAR_COLOUR,
    fit,
    frame_drawings,
    role_colours,
)
from handouts.pictures.pictogram.export import export_drawing
from handouts.pictures.pictogram.files import bundled_pose_path
from handouts.pictures.pictogram.placement import mat_thickness, placed, step_height
from handouts.pictures.pictogram.pose import load_pose_illustration
from handouts.pictures.pictogram.reach import lowest_over
from handouts.pictures.pictogram.scene import build_scenes
from handouts.pictures.pictogram.shapes import GAP
from handouts.reading.resources import bundled

POSES = sorted((bundled("images") / "poses").glob("*.yaml"))
EXERCISES = sorted(bundled("exercises").glob("*.yaml"))
WIDTH = 110.0  # 38.8 mm, the picture inside a standard 40 mm frame
TOLERANCE_PT = 0.5
GREY, DARK = HexColor("#b8b8b8"), HexColor(END_COLOUR)


def ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def shapes(drawing: Drawing, group: str) -> list:
    return list(getattr(drawing, group).contents) if hasattr(drawing, group) else []


def body_shapes(drawing: Drawing, group: str, colour) -> list[Polygon]:
    """The filled body segments of one pose (not the white halos, not the props)."""
    return [s for s in shapes(drawing, group) if isinstance(s, Polygon) and s.fillColor == colour]


def figure(drawing: Drawing) -> list[Polygon]:
    """A frame's figure: its filled body segments."""
    return body_shapes(drawing, "figure", DARK)


def overlay_of(name: str, write) -> Path:
    """A bundled pose drawn as one overlay, as a pose author may still choose."""
    text = bundled_pose_path(name).read_text(encoding="utf-8")
    return write(f"{name}-overlay.yaml", f"layout: overlay\n{text}")


def ys(polygons) -> list[float]:
    return [y for p in polygons for y in p.points[1::2]]


def xs(polygons) -> list[float]:
    return [x for p in polygons for x in p.points[0::2]]


# ---------------------------------------------------------------- every bundled pose


def test_every_bundled_exercise_has_its_pose_file() -> None:
    import yaml

    for path in EXERCISES:
        pose = yaml.safe_load(path.read_text())["illustration"]["pose"]
        assert bundled_pose_path(pose).is_file(), f"{path.name} names pose {pose!r}, which is not bundled"


@pytest.mark.parametrize("path", POSES, ids=ids(POSES))
def test_every_bundled_pose_loads_and_renders_two_frames(path: Path, tmp_path: Path) -> None:
    """A Start and a Finish frame of one size, the figure solid in both, the arrows in the Finish frame."""
    ill = load_pose_illustration(path)
    assert ill.layout == "frames", "no bundled picture is an overlay"
    start, finish = frame_drawings(ill, WIDTH)
    for drawing in (start, finish):
        assert (drawing.width, drawing.height) == (WIDTH, start.height)
        assert 0.25 * WIDTH < drawing.height <= 0.95 * WIDTH + 1e-6
        assert figure(drawing), "each frame shows the whole figure, dark"
        assert not body_shapes(drawing, "figure", GREY), "no grey start figure: the labels say which is which"
    assert shapes(finish, "arrows") and not shapes(start, "arrows"), "how to move is shown in the Finish frame"
    for suffix in (".svg", ".pdf"):
        export_drawing(finish, tmp_path / f"p{suffix}")
        assert (tmp_path / f"p{suffix}").stat().st_size > 500
    # everything drawn lies inside its frame
    for drawing in (start, finish):
        for group in ("floor", "behind", "figure", "under", "arrows"):
            for shape in shapes(drawing, group):
                pad = shape.strokeWidth / 2 if shape.strokeColor is not None else 0
                assert min(shape.points[0::2]) - pad >= -0.5 and max(shape.points[0::2]) + pad <= WIDTH + 0.5
                assert min(shape.points[1::2]) - pad >= -0.5 and max(shape.points[1::2]) + pad <= drawing.height + 0.5


@pytest.mark.parametrize("path", POSES, ids=ids(POSES))
def test_every_pose_is_grounded_and_aligned(path: Path) -> None:
    """The body rests on its support: nothing floats, nothing sinks (0.5 pt at 4 cm)."""
    ill = load_pose_illustration(path)
    k = fit(build_scenes(ill), WIDTH)[0]  # points per body height
    level = mat_thickness(ill)
    step = next((p for p in ill.props if p.prop == "step"), None)
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    for body in (start, end):
        assert body.lowest() >= level - 1e-9, "no part of the body sinks into the floor or mat"
        if step is not None:
            assert abs(body.bottom_of(step.at) - (level + step_height(ill))) * k < TOLERANCE_PT
        else:
            assert abs(body.lowest() - level) * k < TOLERANCE_PT
    a, b = start.points[ill.align].c, end.points[ill.align].c
    assert abs(b[0] - a[0] - (ill.end.shift - ill.start.shift)) < 1e-9 and abs(b[2] - a[2]) < 1e-9


@pytest.mark.parametrize("path", POSES, ids=ids(POSES))
def test_both_frames_share_one_room(path: Path) -> None:
    """What does not move is drawn the same in both frames, in the same place: the floor,
    the mat, the wall, the bench."""
    ill = load_pose_illustration(path)
    start, finish = frame_drawings(ill, WIDTH)
    for group in ("floor", "behind", "under"):
        assert [s.points for s in shapes(start, group)] == [s.points for s in shapes(finish, group)], group
    # and one scale and place for both (the point they line up on: test_every_pose_is_grounded_and_aligned)
    assert len({(d.width, d.height) for d in (start, finish)}) == 1


@pytest.mark.parametrize("path", [p for p in POSES if re.search(r"prop: (bench|chair)[,}]", p.read_text())],
                         ids=lambda p: p.stem)
def test_bench_and_seat_carry_both_poses(path: Path) -> None:
    """A bench or seat fitted under the start pose is also right under the end pose."""
    ill = load_pose_illustration(path)
    scenes = build_scenes(ill)
    k = fit(scenes, WIDTH)[0]
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    assert scenes[0].seats and scenes[0].seats == scenes[1].seats
    for x0, x1, z0, z1, top in scenes[0].seats:
        assert abs(lowest_over(start, x0, x1, z0, z1) - top) * k < TOLERANCE_PT
        assert abs(lowest_over(end, x0, x1, z0, z1) - top) * k < TOLERANCE_PT


def test_the_figure_touches_the_floor_line_in_the_drawing(write) -> None:
    """In a flat view the lowest drawn body point sits on the floor line's top edge (a pose
    written here: the bundled standing pictures are seen from a little above)."""
    ill = load_pose_illustration(write("front.yaml", ABDUCTION.format(view="front")))
    for drawing in frame_drawings(ill, WIDTH):
        floor_top = max(ys(shapes(drawing, "floor")))
        assert abs(min(ys(figure(drawing))) - floor_top) < TOLERANCE_PT


# ---------------------------------------------------------------- mirroring


def test_mirror_flips_every_point_and_nothing_else() -> None:
    ill = load_pose_illustration(bundled_pose_path("clamshell-band"))
    for plain, mirrored in zip(frame_drawings(ill, WIDTH), frame_drawings(ill, WIDTH, mirror=True), strict=True):
        assert (plain.width, plain.height) == (mirrored.width, mirrored.height)
        for group in ("floor", "behind", "figure", "under", "arrows"):
            for a, b in zip(shapes(plain, group), shapes(mirrored, group), strict=True):
                assert b.points[0::2] == pytest.approx([WIDTH - x for x in a.points[0::2]])
                assert b.points[1::2] == pytest.approx(a.points[1::2])
                assert (getattr(a, "fillColor", None), a.strokeColor) == (getattr(b, "fillColor", None), b.strokeColor)


def test_mirror_moves_the_working_leg_to_the_other_side() -> None:
    """Standing band abduction: the data draws the left leg swinging out to the page's right
    (stance on the RIGHT leg, facing us); mirrored, it swings out to the page's left, and
    the standing foot stays where it was. Only the legs are measured: the inside hand,
    out on the table, reaches further across than either foot."""
    ill = load_pose_illustration(bundled_pose_path("standing-band-abduction"))

    def legs(drawing: Drawing) -> list[Polygon]:  # the body's shapes wholly below its hips
        body = figure(drawing)
        bottom, top = min(ys(body)), max(ys(body))
        return [p for p in body if max(p.points[1::2]) < bottom + 0.45 * (top - bottom)]

    start, finish = frame_drawings(ill, WIDTH)
    assert max(xs(legs(finish))) - max(xs(legs(start))) > 10
    assert abs(min(xs(legs(finish))) - min(xs(legs(start)))) < 2
    start, finish = frame_drawings(ill, WIDTH, mirror=True)
    assert min(xs(legs(start))) - min(xs(legs(finish))) > 10
    assert abs(max(xs(legs(finish))) - max(xs(legs(start)))) < 2


# ---------------------------------------------------------------- views


ABDUCTION = """\
view: {view}
align: right_foot
base: {{orientation: standing}}
end:
  left_hip: {{abduction: 30}}
arrows:
  - {{arc: left_ankle, about: left_hip}}
"""


def test_front_view_shows_abduction_and_side_view_hides_it(write) -> None:
    moved = {}
    for view in ("front", "side"):
        ill = load_pose_illustration(write(f"{view}.yaml", ABDUCTION.format(view=view)))
        start, end = placed(ill, ill.start), placed(ill, ill.end)
        a, b = start.points["left_ankle"].c, end.points["left_ankle"].c
        moved[view] = abs(b[0] - a[0])  # how far the foot moves across the page
    assert moved["front"] > 0.2  # about sin 30 of a leg length
    assert moved["side"] < 0.01  # towards the viewer: it does not move across the page


def test_the_view_decides_the_outline(write) -> None:
    front = load_pose_illustration(write("f.yaml", ABDUCTION.format(view="front")))
    side = load_pose_illustration(write("s.yaml", ABDUCTION.format(view="side")))
    # seen from the front the shoulders are wide; from the side the chest is deep but narrow
    width = {}
    for name, ill in (("front", front), ("side", side)):
        trunk = placed(ill, ill.start).parts["thorax"].balls
        width[name] = max(b.c[0] + b.r for b in trunk) - min(b.c[0] - b.r for b in trunk)
    assert width["front"] > 1.5 * width["side"]


# ---------------------------------------------------------------- errors


def one_line_problems(path: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_pose_illustration(path)
    lines = caught.value.lines()
    for line in lines:
        assert re.match(r"^.+\.yaml:\d+:\d+: [\w.\[\]]+: .+", line), line
        assert "\n" not in line
    return [line.split(str(path.parent) + "/", 1)[-1] for line in lines]


def test_unknown_key(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\ncolour: red\nend: {}\n")
    assert one_line_problems(path) == [
        "p.yaml:3:1: colour: unknown field (known: align, arrows, base, end, labels, layout, look_down, planted, props, start, title, turn, view)"
    ]


def test_unknown_joint_and_wrong_angle(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\nend:\n  right_hipp: {abduction: 20}\n  right_knee: {abduction: 10}\n")
    assert one_line_problems(path) == [
        "p.yaml:4:3: end.right_hipp: unknown field (did you mean 'right_hip'?)",
        "p.yaml:5:16: end.right_knee.abduction: unknown field (known: flexion)",
    ]


def test_unknown_prop_and_unknown_body_point(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: trampoline}\n")
    (line,) = one_line_problems(path)
    assert line.startswith("p.yaml:5:12: props[0].prop: must be one of 'ankle_weight', 'ball', 'band'") and "(not 'trampoline')" in line
    path = write("q.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: band, at: right_kne, to: left_knee}\n")
    assert one_line_problems(path) == ["q.yaml:5:22: props[0].at: unknown body point 'right_kne' (did you mean 'right_knee'?)"]


def test_missing_end_pose(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\nstart:\n  right_hip: {flexion: 10}\n")
    assert one_line_problems(path) == ["p.yaml:1:1: end: is missing (add it)"]


def test_prop_needs_and_refuses_fields(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: mat, at: head}\n  - {prop: band, at: right_thigh}\n")
    assert one_line_problems(path) == [
        "p.yaml:5:17: props[0].at: a mat does not use `at:` (remove it)",
        "p.yaml:6:5: props[1]: a band needs `to:` (write `at:` and `to:`, the two body points the band goes round, e.g. right_thigh and left_thigh)",
    ]


def test_view_must_suit_the_orientation_and_angles_stay_in_range(write) -> None:
    path = write("p.yaml", "view: side\nbase: side-lying\nend: {}\n")
    assert one_line_problems(path) == ["p.yaml:1:7: view: a side-lying body cannot be seen from the side (use view: front)"]
    path = write("q.yaml", "view: front\nbase: standing\nend:\n  left_hip: {flexion: 500}\n")
    assert one_line_problems(path) == ["q.yaml:4:23: end.left_hip.flexion: must be at most 140 (not 500)"]


def test_unknown_base_and_broken_base_file(write) -> None:
    path = write("p.yaml", "view: front\nbase: standingg\nend: {}\n")
    assert one_line_problems(path) == ["p.yaml:2:7: base: no base pose named 'standingg' (did you mean 'standing'?)"]
    write("base/mine.yaml", "orientation: standing\nright_elbo: {flexion: 10}\n")
    path = write("q.yaml", "view: front\nbase: mine\nend: {}\n")
    assert one_line_problems(path) == ["base/mine.yaml:2:1: right_elbo: unknown field (did you mean 'right_elbow'?)"]


def test_an_arc_needs_a_pivot(write) -> None:
    path = write("p.yaml", "view: front\nbase: standing\nend: {}\narrows:\n  - {arc: right_ankle}\n")
    assert one_line_problems(path) == ["p.yaml:5:5: arrows[0]: an arc needs `about:`, the joint it turns about (e.g. right_hip)"]


def test_inline_base_and_a_local_base_file(write) -> None:
    path = write("p.yaml", "view: front\nbase: {orientation: standing, right_hip: {flexion: 20}}\nend:\n  right_hip: {abduction: 20}\n")
    ill = load_pose_illustration(path)
    assert ill.end.angles["right_hip"] == {"flexion": 20.0, "abduction": 20.0}  # merged angle by angle
    assert ill.start.angles["right_hip"] == {"flexion": 20.0}
    write("base/standing.yaml", "orientation: standing\nleft_knee: {flexion: 30}\n")  # a clinic's own base wins
    ill = load_pose_illustration(write("q.yaml", "view: front\nbase: standing\nend: {}\n"))
    assert ill.start.angles == {"left_knee": {"flexion": 30.0}}


def test_the_readmes_example_to_copy_draws_a_held_lift(write) -> None:
    """The pose file images/poses/README.md offers clinicians to copy is valid and draws
    two frames, the second a hold with its stopwatch, a band and a chair to hold."""
    readme = (bundled("images") / "poses" / "README.md").read_text(encoding="utf-8")
    example = readme.split("## An example to copy")[1].split("```yaml\n")[1].split("```")[0]
    ill = load_pose_illustration(write("my-lift.yaml", example))
    assert ill.layout == "frames" and ill.holds
    start, finish = frame_drawings(ill, WIDTH)
    assert figure(start) and figure(finish) and shapes(finish, "arrows")
    assert {p.prop for p in ill.props} == {"chair_back", "band"}


def test_bundled_pose_path() -> None:
    assert bundled_pose_path("clamshell") == bundled("images") / "poses" / "clamshell.yaml"
    for bad in ("../exercises/clamshell", "Clamshell", "", "a/b"):
        with pytest.raises(NotFound):
            bundled_pose_path(bad)


# ---------------------------------------------------------------- drawing and export


def test_colours_dark_figures_one_accent() -> None:
    ill = load_pose_illustration(bundled_pose_path("clamshell-band"))
    for drawing in frame_drawings(ill, WIDTH, accent="#b35900", grey="#b8b8b8"):
        fills = {s.fillColor.hexval() for s in shapes(drawing, "figure") if isinstance(s, Polygon) and s.fillColor}
        strokes = {s.strokeColor.hexval() for s in shapes(drawing, "figure") if isinstance(s, PolyLine)}
        # the figure, the limbs underneath a side-lying body, and the halos
        assert fills == {"0x" + END_COLOUR[1:], "0x" + FAR_COLOUR[1:], "0xffffff"}
        # a loop round lying thighs takes the bolder middle (band.LYING_ROLE), still a tint
        band = role_colours(accent="#b35900")["band_bold"].hexval()
        # the band: dark edges and a lighter middle, rimmed thinly in white so the dark edges
        # show on a black thigh, but no limb's halo: it lies on the thighs (cleared by one, its
        # front strand stood off the legs, a tall loop floating in front)
        assert strokes == {"0x" + END_COLOUR[1:], band, "0xffffff"}
        lines = [s for s in shapes(drawing, "figure") if isinstance(s, PolyLine)]
        edge = max(s.strokeWidth for s in lines if s.strokeColor.hexval() == "0x" + END_COLOUR[1:])
        for rim in (s for s in lines if s.strokeColor.hexval() == "0xffffff"):
            assert edge < rim.strokeWidth < edge * (LYING_WIDTH + 2 * LYING_EDGE + GAP) / (LYING_WIDTH + 2 * LYING_EDGE)
    arrows = {s.strokeColor.hexval() for s in shapes(drawing, "arrows") if isinstance(s, PolyLine)}
    assert arrows == {"0xffffff", "0xb35900", "0x" + END_COLOUR[1:]}  # white halo, accent, dark rim


def test_an_overlay_draws_the_start_grey_with_a_dashed_outline(write) -> None:
    """An overlay (a pose author's choice) is one picture: the start pose light grey and
    outlined in dashes, so that on a mono laser it differs from the end pose in shape too."""
    ill = load_pose_illustration(overlay_of("clamshell", write))
    (drawing,) = frame_drawings(ill, WIDTH)
    start = {s.fillColor.hexval() for s in shapes(drawing, "start") if isinstance(s, Polygon) and s.fillColor}
    assert start == {"0xb8b8b8", "0xffffff", "0x" + END_COLOUR[1:]}  # the grey leg, halos, and the still body
    dashed = [s for s in shapes(drawing, "start") if isinstance(s, PolyLine) and s.strokeDashArray]
    assert dashed and all(s.strokeColor == DARK for s in dashed)
    assert not [s for s in shapes(drawing, "end") if getattr(s, "strokeDashArray", None)], "the end pose is solid"


def test_same_input_same_drawing() -> None:
    ill = load_pose_illustration(bundled_pose_path("single-leg-deadlift"))
    again = load_pose_illustration(bundled_pose_path("single-leg-deadlift"))
    for a, b in zip(frame_drawings(ill, WIDTH), frame_drawings(again, WIDTH), strict=True):
        for group in ("figure", "arrows"):
            assert [s.points for s in shapes(a, group)] == [s.points for s in shapes(b, group)]


def test_export_png_svg_pdf(tmp_path: Path) -> None:
    from PIL import Image

    drawing = frame_drawings(load_pose_illustration(bundled_pose_path("side-lying-hip-abduction")), WIDTH)[1]
    for suffix in (".png", ".svg", ".pdf"):
        export_drawing(drawing, tmp_path / f"p{suffix}")
    with Image.open(tmp_path / "p.png") as image:
        assert image.size == (round(WIDTH * 200 / 72), round(drawing.height * 200 / 72))
        grey = image.convert("L")
        assert grey.getextrema()[0] < 60  # the near-black figure is there
    assert (tmp_path / "p.svg").read_text().startswith("<?xml")
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(Exception, match=r"\.png, \.svg or \.pdf"):
        export_drawing(drawing, tmp_path / "p.gif")


def test_six_pictograms_take_milliseconds() -> None:
    paths = POSES[:6]
    loaded = [load_pose_illustration(p) for p in paths]
    began = time.perf_counter()
    for ill in loaded:
        frame_drawings(ill, WIDTH)
    per_picture = (time.perf_counter() - began) / len(loaded)
    assert per_picture < 0.05  # about 5 ms here; generous for slow machines


BRIDGE = """\
view: side
align: right_foot
planted: [right_foot, left_foot]
base:
  orientation: supine
  right_hip: {flexion: 50}
  left_hip: {flexion: 50}
  right_knee: {flexion: 95}
  left_knee: {flexion: 95}
end:
  pelvis: {tilt: -25}
  right_hip: {flexion: 25}
  left_hip: {flexion: 25}
props:
  - {prop: mat}
arrows:
  - {move: pelvis, along: vertical}
"""


def test_planted_feet_touch_the_floor_with_the_shoulders(write) -> None:
    ill = load_pose_illustration(write("bridge.yaml", BRIDGE))
    level = mat_thickness(ill)
    for pose in (ill.start, ill.end):
        body = placed(ill, pose)
        assert abs(body.lowest() - level) < 1e-6
        for foot in ("right_foot", "left_foot"):
            assert abs(body.bottom_of(foot) - level) < 1e-4, "the planted foot is on the mat"
    unplanted = load_pose_illustration(write("loose.yaml", BRIDGE.replace("planted: [right_foot, left_foot]\n", "")))
    assert placed(unplanted, unplanted.end).bottom_of("right_foot") - level > 0.02  # the angles alone leave it hanging


@pytest.mark.parametrize("orientation,view", [("supine", "side"), ("prone", "side"), ("quadruped", "side"), ("sitting", "front"),
                                              ("standing", "three-quarter"), ("side-lying", "front-above")])
def test_every_orientation_draws(write, orientation: str, view: str) -> None:
    path = write("p.yaml", f"view: {view}\nbase: {{orientation: {orientation}}}\nend:\n  right_hip: {{flexion: 30}}\n"
                           "arrows:\n  - {arc: right_ankle, about: right_hip}\n")
    start, finish = frame_drawings(load_pose_illustration(path), WIDTH, mirror=True)
    assert figure(start) and figure(finish) and shapes(finish, "arrows")


# ---------------------------------------------------------------- what each picture must show


def _angle(u, v) -> float:
    import math

    dot = sum(a * b for a, b in zip(u, v))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot / math.dist(u, [0] * len(u)) / math.dist(v, [0] * len(v))))))


def _sub(a, b):
    return [x - y for x, y in zip(a, b)]


@pytest.mark.parametrize("name", ["clamshell", "clamshell-flexed", "clamshell-band"])
def test_clamshell_opens_a_v_with_the_feet_together(name: str) -> None:
    """The top thigh turns well up off the bottom leg (a V of 30 degrees or more, hinged on
    the hip-to-feet line), the feet stay together, and the top knee rises up the page."""
    ill = load_pose_illustration(bundled_pose_path(name))
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    p = lambda body, name: body.points[name].c  # noqa: E731
    opened = _angle(_sub(p(start, "right_knee"), p(start, "right_hip")), _sub(p(end, "right_knee"), p(end, "right_hip")))
    assert opened > 30
    for body in (start, end):
        assert math_dist(p(body, "right_ankle"), p(body, "left_ankle")) < 0.11  # feet together (shank radii apart)
        assert math_dist(p(body, "right_heel"), p(body, "left_heel")) < 0.11
    assert math_dist(p(start, "right_knee"), p(start, "left_knee")) < 0.1  # knees together at the start
    from handouts.pictures.pictogram.shapes import Camera

    cam = Camera(ill.elevation, ill.yaw)
    k = fit(build_scenes(ill), WIDTH)[0]
    rise = (cam.xy(p(end, "right_knee"))[1] - cam.xy(p(start, "right_knee"))[1]) * k
    assert rise > 10, f"the top knee rises only {rise:.1f} pt on the page"


def math_dist(a, b) -> float:
    import math

    return math.dist(a, b)


def test_still_parts_are_drawn_once_and_the_grey_leg_lies_on_them(write) -> None:
    """Clamshell as an overlay: the trunk and the bottom leg do not move. They are drawn
    dark among the start pose's limbs, so the grey top leg lies ON the dark bottom leg; the
    end layer holds only what moves (and what lies in front of it)."""
    ill = load_pose_illustration(overlay_of("clamshell", write))
    (drawing,) = frame_drawings(ill, WIDTH)
    start = [s for s in shapes(drawing, "start") if isinstance(s, Polygon) and s.fillColor in (GREY, DARK)]
    colours = [s.fillColor for s in start]
    assert DARK in colours and GREY in colours
    assert colours.index(DARK) < colours.index(GREY)  # dark still parts first, grey top leg over them
    assert len(body_shapes(drawing, "end", DARK)) < len(body_shapes(drawing, "start", DARK))


BAND = role_colours()["band"]
BAND_BOLD = role_colours()["band_bold"]  # a loop round lying thighs: a darker, still light, middle


def band_strokes(drawing: Drawing) -> list[PolyLine]:
    """The band's middles: strokes in a band's light tint among the figure's shapes."""
    return [s for s in shapes(drawing, "figure") if isinstance(s, PolyLine) and s.strokeColor in (BAND, BAND_BOLD)]


def band_faces(drawing: Drawing) -> list[Polygon]:
    """A flat band's faces (round standing thighs): polygons in the band's light tint, edged dark."""
    return [s for s in shapes(drawing, "figure") if isinstance(s, Polygon) and s.fillColor == BAND and s.strokeColor == DARK]


def test_clamshell_band_is_a_loop_that_stretches() -> None:
    """A loop round both thighs, in runs that join end to end (the strands behind the legs
    are drawn behind them, those in front over them), longer as the knees part."""
    ill = load_pose_illustration(bundled_pose_path("clamshell-band"))
    start, finish = frame_drawings(ill, WIDTH)
    spans = []
    for drawing in (start, finish):
        runs = band_strokes(drawing)
        assert len(runs) >= 2, "some of the band is behind the legs and some in front"
        ends = {tuple(r.points[:2]) for r in runs}
        assert all(tuple(r.points[-2:]) in ends for r in runs), "the runs join into one closed loop"
        ys = [y for r in runs for y in r.points[1::2]]
        spans.append(max(ys) - min(ys))
    assert spans[1] > 1.3 * spans[0]
    from handouts.pictures.pictogram.band import band_groups
    from handouts.pictures.pictogram.scene import chain_groups
    from handouts.pictures.pictogram.shapes import Camera

    cam = Camera(ill.elevation, ill.yaw)
    for pose in (ill.start, ill.end):
        body = placed(ill, pose)
        legs = [g.depth for name, g in chain_groups(body, cam, "end").items() if name.endswith("_leg")]
        depths = [g.depth for g in band_groups(body, cam, "band", None, "right_thigh", "left_thigh")]
        assert min(depths) < min(legs) and max(depths) > max(legs), "drawn both behind and over the legs"


def grey_level(colour) -> float:
    """How light a colour prints on a mono laser (0 black, 1 white)."""
    return 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue


def test_a_band_and_an_arrow_differ_in_more_than_colour() -> None:
    """On a mono laser the accent is a mid grey: an arrow is that grey, solid, with a thin
    dark rim (round 3: without one it faded into grey legs and walls) and a head; a band is
    a hollow ribbon, a light middle between dark edges twice as heavy, and wider."""
    for name in ("clamshell-band", "lateral-band-walk", "standing-band-abduction"):
        finish = frame_drawings(load_pose_illustration(bundled_pose_path(name)), WIDTH)[1]
        lines = [s for s in shapes(finish, "figure") if isinstance(s, PolyLine)]
        arrow = [s for s in shapes(finish, "arrows") if isinstance(s, PolyLine) and s.strokeColor == HexColor("#b35900")]
        rims = [s for s in shapes(finish, "arrows") if isinstance(s, PolyLine) and s.strokeColor == DARK]
        assert arrow and (band_strokes(finish) or band_faces(finish)), name
        for face in band_faces(finish):  # its edge drawn on its outline: as wide either side as the stroke
            assert grey_level(face.fillColor) > 0.7, "a light band"
            assert all((rim.strokeWidth - core.strokeWidth) * 1.5 / 2 < face.strokeWidth for rim, core in zip(rims, arrow))
            assert max(face.points[1::2]) - min(face.points[1::2]) > 1.5 * arrow[0].strokeWidth, f"{name}: wider than an arrow"
        if not band_strokes(finish):
            continue
        for middle in band_strokes(finish):
            edges = [s for s in lines if s.points == middle.points and s.strokeColor == DARK]
            assert edges and edges[0].strokeWidth > middle.strokeWidth + 1.0, f"{name}: the band has dark edges"
            assert all(edges[0].strokeWidth > a.strokeWidth * 1.2 for a in arrow)
            assert grey_level(middle.strokeColor) > 0.7, "a light band"
            assert grey_level(arrow[0].strokeColor) < 0.55, "a mid-grey arrow"
        assert len(rims) == len(arrow), f"{name}: each arrow has a dark rim"
        middle = band_strokes(finish)[0]
        (edge,) = [s for s in lines if s.points == middle.points and s.strokeColor == DARK][:1]
        for rim, core in zip(rims, arrow):
            assert (rim.strokeWidth - core.strokeWidth) * 1.5 < edge.strokeWidth - middle.strokeWidth, "a thinner rim than the band's edges"
            assert rim.strokeWidth < edge.strokeWidth


def test_hip_thrust_keeps_feet_and_shoulders_still() -> None:
    """Start and end share the bench and the floor: the back lies on the bench edge and the
    feet stand in the same place; the hips rise from low to level with the knees."""
    ill = load_pose_illustration(bundled_pose_path("barbell-hip-thrust"))
    k = fit(build_scenes(ill), WIDTH)[0]
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    for point in ("right_heel", "right_toe"):
        assert math_dist(start.points[point].c, end.points[point].c) * k < 1.0, point
    # the back pivots on the bench edge: same place across the page, and the bench
    # fitted to the start carries the end too (test_bench_and_seat_carry_both_poses)
    assert abs(start.points["upper_back"].c[0] - end.points["upper_back"].c[0]) < 1e-9
    assert (end.points["pelvis"].c[1] - start.points["pelvis"].c[1]) * k > 10
    hips, knee, shoulder = end.points["right_hip"].c, end.points["right_knee"].c, end.points["right_shoulder"].c
    assert abs(hips[1] - knee[1]) * k < 3 and abs(hips[1] - shoulder[1]) * k < 8  # level from the knees to the shoulders


def test_pelvic_drop_holds_the_rail_in_both_frames() -> None:
    """'Hold a rail the whole time': the hand is on the rail's top in the Start and the Finish."""
    ill = load_pose_illustration(bundled_pose_path("pelvic-drop"))
    assert [p.prop for p in ill.props].count("rail") == 1
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    grip = start.points["right_hand"].c  # the rail is fitted to the start pose's hand
    assert math_dist(end.points["right_hand"].c, grip) < 0.02


def test_pelvic_drop_drops_the_free_hip_then_lifts_it_above_level() -> None:
    """'Let the hip of your free leg drop down ... Lift that hip back up, a bit above level':
    the first frame (Down) has the free side dropped, the second (Up) lifted above level, its foot higher, the
    standing leg upright (drop8: Start level and Finish dropped 10 showed no change a judge
    could see)."""
    ill = load_pose_illustration(bundled_pose_path("pelvic-drop"))
    start, end = placed(ill, ill.start), placed(ill, ill.end)

    def tilt(body) -> float:
        import math

        r, l = body.points["right_hip"].c, body.points["left_hip"].c
        return math.degrees(math.atan2(l[1] - r[1], abs(l[0] - r[0])))  # the free (left) side up: positive

    assert tilt(start) < -8 and tilt(end) > 6  # "just a little way" down, "a bit above level" up
    assert end.bottom_of("left_foot") - start.bottom_of("left_foot") > 0.03
    assert start.bottom_of("left_foot") > 0.0  # hanging free, not standing on the floor
    assert {p.prop for p in ill.props} >= {"level", "hip_line", "rail", "step"}
    # an arc of the free hip about the standing one, at the hip: the pelvis tips (a straight
    # move beside the thigh read as lifting the leg)
    both = [a for a in ill.arrows if a.arc == "left_hip" and a.about == "right_hip"]
    assert both and not both[0].both_ways, "from the Down frame up: two-headed, the Up frame read as back to level"


# the hip shift's free foot is bent up beside the standing calf (round 15; its shin angled out,
# judges read it as held out to the side, and tucked just off the floor, as both feet down):
# test_round13_reach and test_round15_shiftdrop hold where it is
@pytest.mark.parametrize("name,leg,up", [("sideways-hop", "left", 0.1), ("single-leg-reach-hip-shift", "left", 0.1)])
def test_the_free_leg_is_held_up_with_the_knee_bent(name: str, leg: str, up: float) -> None:
    ill = load_pose_illustration(bundled_pose_path(name))
    for pose in (ill.start, ill.end):
        body = placed(ill, pose)
        assert body.bottom_of(f"{leg}_foot") > up, "the free foot is well off the floor"
        assert pose.angles[f"{leg}_knee"]["flexion"] >= 60


def test_the_hip_hike_lifts_the_foot_not_the_knee() -> None:
    """The free foot is lifted by the hip, not the knee: on the floor at the Start, a few
    centimetres off it at the Finish, the knee nearly straight and the thigh hanging down
    (round 4 held the foot up with the knee bent 90 in both frames: judges saw a march)."""
    ill = load_pose_illustration(bundled_pose_path("hip-listing-wall"))
    assert placed(ill, ill.start).bottom_of("left_foot") < 0.005
    assert 0.025 < placed(ill, ill.end).bottom_of("left_foot") < 0.08
    for pose in (ill.start, ill.end):
        assert pose.angles.get("left_hip", {}).get("flexion", 0) <= 5 and pose.angles["left_knee"]["flexion"] <= 10


def test_the_hop_lands_on_a_bent_knee_over_the_line() -> None:
    """The landing knee bends more than the take-off knee (a stiff, straight landing is the
    card's own mistake), and the feet are on either side of the line."""
    ill = load_pose_illustration(bundled_pose_path("sideways-hop"))
    assert ill.end.angles["right_knee"]["flexion"] >= ill.start.angles["right_knee"]["flexion"] + 15 >= 40
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    line = (start.points["right_foot"].c[0] + end.points["right_foot"].c[0]) / 2
    away = 1 if start.points["right_foot"].c[0] > line else -1
    for body, side in ((start, away), (end, -away)):
        foot = body.parts["right_foot"].balls
        assert all((b.c[0] - line) * side > b.r for b in foot), "the standing foot is clear of the line"


def test_an_arc_about_an_axis(write) -> None:
    path = write("p.yaml", "view: front-above\nbase: side-lying-knees-bent\nend:\n  right_hip: {rotation: 50}\n"
                           "arrows:\n  - {arc: right_knee, about: [right_hip, right_ankel]}\n")
    assert one_line_problems(path) == ["p.yaml:6:42: arrows[0].about[1]: unknown body point 'right_ankel' (did you mean 'right_ankle'?)"]
    path = write("q.yaml", "view: front-above\nbase: side-lying-knees-bent\nend:\n  right_hip: {rotation: 50}\n"
                           "arrows:\n  - {arc: right_knee, about: [right_hip, right_ankle]}\n")
    assert shapes(frame_drawings(load_pose_illustration(path), WIDTH)[1], "arrows")
