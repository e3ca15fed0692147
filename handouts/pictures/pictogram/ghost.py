"""Where a foot stood at the start, drawn in the Finish frame: a `ghost` prop.

In a step the Finish frame shows both feet apart, and a reader could not tell which one
had moved (judges asked whether the back foot stepped out or the front one crossed over).
A mark where the stepping foot stood says which foot left its place; the step's arrow
can then run from it to the new place.

The mark is a shoe print, the sign for "a foot was here": a heel, the foot's outside
edge and a forefoot lying on the floor, in one outline (the heel and forefoot apart read
as two prints, "both feet moved"). The foot itself drawn there in grey (round 10 and 11) read as "a
stone", in any tint and as an outline alone: its shape, a lump seen from the side, said
nothing about a foot. A print seen as the camera sees the floor (12 degrees from above)
is a sliver a third of a millimetre high, so it is drawn less foreshortened than the
floor (SQUASH), laid along the foot's line on the page, not sheared with the floor: a
pictogram's print, whose outline still reads at 4 mm.

It prints on a mono laser as a mid grey, darker than the floor and lighter than the
figure and the arrow, edged dark, over a white ring that parts it from the floor.
"""

from __future__ import annotations

import math

from .body import Body
from .geometry import Pt, convex_hull
from .pose import PoseIllustration
from .pose_file import GHOSTED
from .proportions import FOOT, FOOT_R
from .shapes import GAP, Camera, Item

EDGE = 0.010  # the print's dark edge: at 40 mm about 0.3 mm, bold enough for a mono laser
SQUASH = 0.85  # how much of its true width the print keeps across the page (the floor keeps 0.2)
SCALE = 1.2  # a shoe's print, a little longer than the bare foot: at the foot's length it printed 4 mm
# The print of a right foot in foot lengths: u from the heel's back (0) to the toe (1),
# v across, towards the big toe (the inside of the foot) positive. Each part is the hull
# of a few discs (u, v, r): a heel pad and the forefoot, widest at the ball and leaning to
# the big toe, with the arch's inside cut away between them.
HEEL = ((0.11, 0.0, 0.11), (0.18, 0.0, 0.105))
FOREFOOT = ((0.49, -0.02, 0.07), (0.61, 0.0, 0.125), (0.76, 0.01, 0.185), (0.88, 0.01, 0.12))
# the outside edge of the foot, which touches the floor from heel to ball: heel and forefoot
# as two parts read as two prints, "both feet moved" (round 12)
EDGE_STRIP = ((0.16, -0.055, 0.05), (0.33, -0.085, 0.045), (0.5, -0.085, 0.05))
ROUND = tuple((math.cos(2 * math.pi * i / 24), math.sin(2 * math.pi * i / 24)) for i in range(24))  # a disc's 24 points


def print_parts(ill: PoseIllustration, start: Body, cam: Camera) -> list[list[Pt]]:
    """Each `ghost` prop's shoe print on the page, in body heights: its heel pad, its
    outside edge and its forefoot, for each prop in turn."""
    parts: list[list[Pt]] = []
    for prop in ill.props:
        if prop.prop != "ghost":
            continue
        assert prop.at in GHOSTED
        side = prop.at.removesuffix("_foot")
        heel, toe = start.points[f"{side}_heel"].c, start.points[f"{side}_toe"].c
        # the sole's ends on the floor, under the heel's and the toe's discs' far edges
        dx, dz = toe[0] - heel[0], toe[2] - heel[2]
        n = math.hypot(dx, dz) or 1.0
        back = (heel[0] - dx / n * FOOT_R[0], 0.0, heel[2] - dz / n * FOOT_R[0])
        front = (toe[0] + dx / n * FOOT_R[1], 0.0, toe[2] + dz / n * FOOT_R[1])
        (bx, by), (fx, fy) = cam.xy(back), cam.xy(front)
        mid = ((bx + fx) / 2, (by + fy) / 2)
        length = FOOT * SCALE
        drawn = math.dist((bx, by), (fx, fy)) or 1.0
        a = ((fx - bx) / drawn, (fy - by) / drawn)  # along the foot on the page
        # across the print on the page: the side the inside of the foot is on as the camera
        # sees it (so a right print is not drawn as a left one), square to its length
        inside = (dz / n, 0.0, -dx / n) if side == "right" else (-dz / n, 0.0, dx / n)
        ix, iy = cam.xy(inside)
        b = (-a[1], a[0]) if a[0] * iy - a[1] * ix > 0 else (a[1], -a[0])

        def page(u: float, v: float) -> Pt:
            s, t = (u - 0.5) * length, v * length * SQUASH
            return (mid[0] + a[0] * s + b[0] * t, mid[1] + a[1] * s + b[1] * t)

        for discs in (HEEL, EDGE_STRIP, FOREFOOT):
            pts: list[Pt] = []
            for u, v, r in discs:  # each disc squashed across with the print
                pts += [page(u + r * c, v + r * s) for c, s in ROUND]
            parts.append(convex_hull(pts))
    return parts


def ghost_items(ill: PoseIllustration, start: Body, cam: Camera) -> list[Item]:
    """Each `ghost` prop's shoe print where the foot stood at the start, for the Finish frame only."""
    items: list[Item] = []
    parts = print_parts(ill, start, cam)
    # every white ring first, then the print over them: no ring covers another part's edge
    items += [Item(p, fill="white", stroke="white", width=2 * EDGE + 2 * GAP) for p in parts]
    # one outline round the parts' union: each part edged twice as wide, then every part's
    # fill over the edges, which leaves the outer half of the edge and none inside the print
    items += [Item(p, fill="ghost", stroke="end", width=2 * EDGE) for p in parts]
    items += [Item(p, fill="ghost") for p in parts]
    return items
