"""Where a foot stood at the start, drawn in the Finish frame: a `ghost` prop.

In a step the Finish frame shows both feet apart, and a reader could not tell which one
had moved (judges asked whether the back foot stepped out or the front one crossed over).
A mark where the stepping foot stood says which foot left its place; the step's arrow
can then run from it to the new place.

The mark is a bare footprint, the sign for "a foot was here": a sole (heel, outside edge
and ball in one outline, the arch cut in) and five toes. A shoe print, the sole alone, did
not read as a foot (a later judge), and its heel and forefoot drawn apart read as two
prints, "both feet moved" (round 12). The foot itself drawn there in grey (round 10 and 11) read as "a
stone", in any tint and as an outline alone: its shape, a lump seen from the side, said
nothing about a foot. A print seen as the camera sees the floor (12 degrees from above)
is a sliver a third of a millimetre high, so it is drawn less foreshortened than the
floor (SQUASH), laid along the foot's line on the page, not sheared with the floor: a
pictogram's print, whose outline still reads at 4 mm; the toes are dots of 0.3 to 0.6 mm.

It prints on a mono laser as a mid grey, darker than the floor and lighter than the
figure and the arrow, edged dark, over a white ring that parts it from the floor.
"""

from __future__ import annotations

import math

from .body import Body
from .geometry import Pt
from .pose import PoseIllustration
from .pose_file import GHOSTED
from .proportions import FOOT, FOOT_R
from .shapes import GAP, Camera, Item

EDGE = 0.010  # the print's dark edge: at 40 mm about 0.3 mm, bold enough for a mono laser
TOE_EDGE = 0.006  # a toe's edge, all of it showing: thinner, or a toe is all edge
SQUASH = 0.9  # how much of its true width the print keeps across the page (the floor keeps 0.2)
SCALE = 1.2  # a print a little longer than the bare foot: at the foot's length it printed 4 mm (at 1.3 it left the floor)
# The print of a bare right foot in foot lengths: u from the heel's back (0) to the toe (1),
# v across, towards the big toe (the inside of the foot) positive. The sole, one outline
# round the heel, the foot's outside edge and the ball, with the arch cut in on the inside
# (a heel and a forefoot drawn apart read as two prints, "both feet moved": round 12)...
SOLE = (
    (0.0, -0.01), (0.015, -0.07), (0.05, -0.105), (0.12, -0.125), (0.22, -0.13), (0.36, -0.135), (0.5, -0.145),
    (0.62, -0.165), (0.72, -0.155), (0.79, -0.1), (0.815, -0.01), (0.8, 0.08), (0.75, 0.15), (0.67, 0.18),
    (0.58, 0.16), (0.5, 0.09), (0.4, 0.05), (0.3, 0.06), (0.2, 0.09), (0.1, 0.105), (0.035, 0.08), (0.005, 0.04),
)
# ...and five toes in an arc over the ball, the big toe the largest and furthest on the
# inside, each a print apart: the toes are what says "a foot" at a glance (a judge found
# the shoe print, a sole without them, "doesn't read as a foot")
TOES = ((0.93, 0.09, 0.07), (0.96, -0.04, 0.042), (0.915, -0.12, 0.037), (0.855, -0.175, 0.033), (0.79, -0.215, 0.029))
# how far the print is drawn towards the inside of the foot's line: its toes fan out past
# the outside edge, and drawn on the line the print, wider than the foot, stood 0.2 to 0.9 mm
# off the floor patch's far edge in single-leg-reach-step (measured; 0.07 keeps it on)
ACROSS = 0.07
ROUND = tuple((math.cos(2 * math.pi * i / 24), math.sin(2 * math.pi * i / 24)) for i in range(24))  # a disc's 24 points


def _smooth(pts: list[Pt], rounds: int = 2) -> list[Pt]:
    """A closed outline with its corners cut (Chaikin): a sole, not a polygon."""
    for _ in range(rounds):
        nxt: list[Pt] = []
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            nxt += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1), (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
        pts = nxt
    return pts


def print_parts(ill: PoseIllustration, start: Body, cam: Camera) -> list[list[Pt]]:
    """Each `ghost` prop's footprint on the page, in body heights: its sole, then its five
    toes from the big toe out, for each prop in turn."""
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
            s, t = (u - 0.5) * length, (v + ACROSS) * length * SQUASH
            return (mid[0] + a[0] * s + b[0] * t, mid[1] + a[1] * s + b[1] * t)

        parts.append(_smooth([page(u, v) for u, v in SOLE]))
        for u, v, r in TOES:  # each toe a disc, squashed across with the print
            parts.append([page(u + r * c, v + r * s) for c, s in ROUND])
    return parts


def ghost_items(ill: PoseIllustration, start: Body, cam: Camera) -> list[Item]:
    """Each `ghost` prop's footprint where the foot stood at the start, for the Finish frame only."""
    items: list[Item] = []
    parts = print_parts(ill, start, cam)
    # every white ring first, then the print over them: no ring covers another part's edge
    items += [Item(p, fill="white", stroke="white", width=2 * EDGE + 2 * GAP) for p in parts]
    for i, p in enumerate(parts):  # the sole edged bold; a toe thinner, or it is all edge
        items.append(Item(p, fill="ghost", stroke="end", width=EDGE if i % 6 == 0 else TOE_EDGE))
    return items
