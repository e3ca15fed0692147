"""Round 13, the clamshells: both picture-only judges saw the top foot lift off the bottom one
in the Finish (the feet stay together: the card's step 4). The opened leg turned out 80 at
hips bent 50 carried the top ankle 0.025 body heights up the page; bent 56 and drawn in 36,
the knee rises as far and the foot stays where it was."""

from __future__ import annotations

import math

import pytest

from handouts.pictures.pictogram.draw import fit
from handouts.pictures.pictogram.scene import build_scenes

from .test_pictogram import WIDTH
from .test_round4 import _poses

MM = 72 / 25.4


@pytest.mark.parametrize("name", ["clamshell", "clamshell-band"])
def test_the_top_foot_stays_put_on_the_page_while_the_knee_opens(name: str) -> None:
    """At print size the top ankle moves less than 0.5 mm between the frames (before: 0.8 mm,
    seen as the foot lifting) while the top knee rises more than 6 mm."""
    ill, start, end, cam = _poses(name)
    k = fit(build_scenes(ill), WIDTH)[0]
    ankle = math.dist(cam.xy(start.points["right_ankle"].c), cam.xy(end.points["right_ankle"].c)) * k / MM
    rise = (cam.xy(end.points["right_knee"].c)[1] - cam.xy(start.points["right_knee"].c)[1]) * k / MM
    assert ankle < 0.5 and rise > 6, f"{name}: the foot moves {ankle:.2f} mm, the knee rises {rise:.1f} mm"
