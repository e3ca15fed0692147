"""The face: two white eyes on the head, where they face the camera.

Without a face a pictogram's front cannot be told from its back, nor so its left from its
right (readers of the first pictures said so of every one). The eyes show which way the
head faces from the front and the three-quarter views; in profile one eye sits near the
face side, beside the nose (body.py), a bump on the outline.
"""

from __future__ import annotations

import math

from .body import Body
from .geometry import add, circle_points, mat_vec, scale
from .proportions import EYE_R, HEAD_R
from .shapes import Camera, Item

_EYES = [(side * math.sin(math.radians(30)), math.sin(math.radians(8)), math.cos(math.radians(30))) for side in (-1.0, 1.0)]
FACING = 0.2  # an eye is drawn when its surface turns at least this much towards the camera


def eye_items(body: Body, cam: Camera) -> list[Item]:
    """The eyes that face the camera, as white dots inside the head's outline."""
    frame, centre = body.frames["neck"], body.points["head"].c
    items = []
    for local in _EYES:
        normal = mat_vec(frame, local)  # the eye's outward direction in the room
        if cam.depth(normal) < FACING:
            continue
        # a little inside the surface: the dot stays clear of the outline even seen edge on
        x, y = cam.xy(add(centre, scale(normal, HEAD_R * 0.72)))
        items.append(Item(circle_points(x, y, EYE_R, 12), fill="white"))
    return items
