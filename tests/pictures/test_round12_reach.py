"""Round 12's picture-only judges on single-leg-reach-step (3 of 5): "the view changes from
three-quarter in Start to front-on in Finish". The camera and the feet were the same; the
side bend, towards the reader in this view, tipped the far eye towards the camera, and a
face with two eyes read as the figure turned to face us. The head now nods a little, to
look where it steps, and the face is the same in both frames."""

from __future__ import annotations

import math

from handouts.pictures.pictogram.face import eye_items
from handouts.pictures.pictogram.proportions import EYE_R
from handouts.pictures.pictogram.scene import CHAIN_RANK, chain_depth
from handouts.pictures.pictogram.shapes import Camera

from .test_round4 import _poses

STEP = "single-leg-reach-step"


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def test_the_face_is_the_same_three_quarter_face_in_both_frames() -> None:
    """One eye in each frame (two in the Finish read as a front view), on the side of the
    head the figure faces and steps to (page left, where the front foot lands), and in the
    Finish not hidden by the arm curled over the head: the head drawn over the arm, or the
    dot clear of the arm's outline on the page (held more upright, or turned away, the head
    went under the arm and showed no eye)."""
    ill, start, end, _ = _poses(STEP)
    cam = Camera(ill.elevation, ill.yaw)
    assert cam.xy(end.points["right_foot"].c)[0] < cam.xy(start.points["right_foot"].c)[0], "the step goes page left"
    for body in (start, end):
        eyes = eye_items(body, cam)
        assert len(eyes) == 1, f"{len(eyes)} eyes"
        pts = eyes[0].points
        eye = (sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts))
        assert eye[0] < cam.xy(body.points["head"].c)[0], "on the side the figure faces"
        if (chain_depth(body, cam, "head"), CHAIN_RANK["head"]) > (chain_depth(body, cam, "right_arm"), CHAIN_RANK["right_arm"]):
            continue  # the head, and its eye, drawn over the arm
        for name in ("right_upper_arm", "right_forearm"):
            (a, b) = body.parts[name].balls
            gap = _to_segment(eye, cam.xy(a.c), cam.xy(b.c)) - max(a.r, b.r) - EYE_R
            assert gap > 0, f"the eye under the {name} ({gap:.3f})"
