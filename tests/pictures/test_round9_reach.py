"""Round 9's picture-only judges (3 of 5 from both) on the two reach-and-hip-shift pictures.

single-leg-reach-step: "the foot arrow runs from the right foot to the left one: does the
left foot step out, or does the right foot cross over?" The Finish frame now shows the
stepping foot where it stood (a ghost), and the step's arrow runs from it to the new place.
Each test holds one
fix in place, measured on the pose and the drawn frames.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon
from reportlab.lib.colors import HexColor

from handouts.pictures.pictogram.draw import END_COLOUR, START_COLOUR, fit, frame_drawings
from handouts.pictures.pictogram.scene import build_scenes

from .test_pictogram import WIDTH, one_line_problems, shapes
from .test_round4 import _poses
from .test_round5 import MM, _on_page, _shafts

STEP = "single-leg-reach-step"


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def test_the_finish_frame_ghosts_the_stepping_foot_where_it_stood() -> None:
    """One ghost in the Finish frame and none in the Start: the right foot's start place, in
    the light start tint with a dashed dark edge (not a shadow: it has the foot's outline),
    its toe clear of the back foot (the start stance a little wide for that), so the reader
    sees that the far foot left the back foot's side."""
    ill, start, end, _ = _poses(STEP)
    first, finish = frame_drawings(ill, WIDTH)
    assert shapes(first, "ghost") == []
    (ghost,) = shapes(finish, "ghost")
    assert isinstance(ghost, Polygon) and ghost.fillColor == HexColor(START_COLOUR)
    assert ghost.strokeColor == HexColor(END_COLOUR) and ghost.strokeDashArray
    xs, ys = ghost.points[0::2], ghost.points[1::2]
    middle = (sum(xs) / len(xs), sum(ys) / len(ys))
    k = fit(build_scenes(ill), WIDTH)[0]
    assert math.dist(middle, _on_page(ill, start, "right_foot")) < 0.01 * k, "where the right foot stood"
    back = _to_segment(_on_page(ill, start, "right_toe"), _on_page(ill, end, "left_heel"), _on_page(ill, end, "left_toe"))
    radii = start.parts["right_foot"].balls[1].r + end.parts["left_foot"].balls[1].r
    assert back > radii * k, "the ghost's toe clear of the back foot"


def test_the_step_arrow_runs_from_the_ghost_to_the_new_place() -> None:
    """The step's arrow starts at the ghost's toe and ends at the front foot's heel (each
    within 0.03 body heights), bowed a little up off the floor like a foot lifted over it,
    and still lies below the knees."""
    ill, start, end, _ = _poses(STEP)
    k = fit(build_scenes(ill), WIDTH)[0]
    step = min(_shafts(ill), key=lambda s: min(s.points[1::2]))
    tail, tip = step.points[:2], step.points[-2:]
    assert math.dist(tail, _on_page(ill, start, "right_toe")) < 0.03 * k, "from the ghost's toe"
    # the shaft stops short of its head: the head's tip is a head length on, at the heel
    assert math.dist(tip, _on_page(ill, end, "right_heel")) < 0.07 * k, "to the front foot's heel"
    assert max(step.points[1::2]) > max(tail[1], tip[1]) + 0.3 * MM, "bowed up off the floor"
    assert max(step.points[1::2]) < _on_page(ill, end, "right_knee")[1] - 0.1 * k


def test_a_ghost_is_a_foot(write) -> None:
    """A ghost marks where a stepping foot stood: any other point is an error naming its line."""
    path = write("g.yaml", "view: front\nbase: standing\nend: {}\nprops:\n  - {prop: ghost, at: right_knee}\n")
    assert one_line_problems(path) == ["g.yaml:5:23: props[0].at: a ghost is a foot where it stood at the start: `at: right_foot` or `left_foot`"]
