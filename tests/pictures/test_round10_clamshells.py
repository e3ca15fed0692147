"""Round 10, the clamshells: fresh judges who saw only the picture and the name scored them 2 to
3 of 5. The top thigh blended into the trunk (black on black: where it left the body could not
be seen, so the knee opening did not read as the hip turning), and the top arm, straight down
from the shoulder to the mat, read as a post. Each test holds one fix, measured on the poses as
the page draws them.
"""

from __future__ import annotations

import math

import pytest

from handouts.pictures.pictogram.draw import fit
from handouts.pictures.pictogram.scene import _outline, build_scenes
from handouts.pictures.pictogram.shapes import GAP

from .test_pictogram import WIDTH
from .test_round4 import _page_angle, _poses

MM = 72 / 25.4
CLAMSHELLS = ["clamshell", "clamshell-band", "clamshell-flexed"]


def _inside(p: tuple[float, float], polygon: list[tuple[float, float]]) -> bool:
    """Whether p lies inside a polygon (even-odd rule: the outlines are convex, either winding)."""
    inside = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y0 > p[1]) != (y1 > p[1]) and p[0] < x0 + (p[1] - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _drawn_at(scene, p: tuple[float, float]) -> str | None:
    """The fill the picture shows at p: that of the last filled shape drawn over it."""
    shown = None
    for layer in scene.layers:
        for item in layer.items:
            if item.closed and item.fill and _inside(p, item.points):
                shown = item.fill
    return shown


def _trunk(body, cam) -> list[list[tuple[float, float]]]:
    """The trunk's outlines on the page, as the figure draws them."""
    return [_outline(cam, body.parts[name].balls) for name in ("pelvis", "thorax")]


def _hip_edge(name: str):
    """For each frame: the page points just outside the top thigh's outline at its hip end and
    along its sides near the hip (a tenth of the way down), those that lie on the trunk, and the
    fill drawn at each."""
    ill, start, end, cam = _poses(name)
    out = []
    for scene, body in zip(build_scenes(ill), (start, end)):
        hip, knee = body.parts["right_thigh"].balls
        (hx, hy), (kx, ky) = cam.xy(hip.c), cam.xy(knee.c)
        n = math.dist((hx, hy), (kx, ky))
        ux, uy = (hx - kx) / n, (hy - ky) / n  # from the knee to the hip
        r = hip.r + GAP / 2  # halfway across the white edge
        side = hip.r + (knee.r - hip.r) * 0.1 + GAP / 2
        ax, ay = hx - ux * n * 0.1, hy - uy * n * 0.1
        points = [(hx + ux * r, hy + uy * r), (ax - uy * side, ay + ux * side), (ax + uy * side, ay - ux * side)]
        trunk = _trunk(body, cam)
        on_trunk = [p for p in points if any(_inside(p, t) for t in trunk)]
        out.append([(p, _drawn_at(scene, p)) for p in on_trunk])
    return out


@pytest.mark.parametrize("name", CLAMSHELLS)
def test_the_top_thigh_shows_where_it_leaves_the_trunk(name: str) -> None:
    """Where the top thigh lies over the trunk near the hip (its rounded end, and its sides a
    tenth of the way down), a white edge is drawn between the two, in both frames: the halo
    used to start a third of the way down the thigh, and black met black at the hip."""
    for frame, edge in enumerate(_hip_edge(name)):
        assert edge, f"{name} frame {frame}: no part of the thigh's hip end lies on the trunk"
        for p, fill in edge:
            assert fill == "white", f"{name} frame {frame}: {fill} at {p} where the thigh meets the trunk"


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_top_arm_props_on_the_mat_with_the_elbow_bent(name: str) -> None:
    """The top arm shows bent at the elbow on the page (125 degrees or less; round 9's arm,
    straight down to the mat at 166, read as a post), the forearm slanting from the elbow
    towards the head (the hand further right on the page, the head's side) and down to the
    mat, more than 4 mm long at print size, in both frames. (That the hand rests on the mat
    in front of the chest, clear of the thighs, is test_round6_clamshells.)"""
    ill, start, end, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    for body in (start, end):
        angle = _page_angle(cam, body, "right_shoulder", "right_elbow", "right_hand")
        (ex, ey), (hx, hy) = (cam.xy(body.points[f"right_{p}"].c) for p in ("elbow", "hand"))
        forearm = math.dist((ex, ey), (hx, hy)) * k / MM
        assert angle <= 125, f"{name}: the elbow at {angle:.0f} degrees on the page"
        assert hx > ex and hy < ey and forearm > 4.0, f"{name}: the forearm {forearm:.1f} mm, to ({hx - ex:+.3f}, {hy - ey:+.3f})"
