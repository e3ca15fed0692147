"""Where a foot stood at the start, drawn in the Finish frame: a `ghost` prop.

In a step the Finish frame shows both feet apart, and a reader could not tell which one
had moved (judges asked whether the back foot stepped out or the front one crossed over).
The start pose's foot, drawn where it stood in the light start tint with a dashed dark
outline (an overlay's start look: it differs in shape on a mono print, not only in tint),
says which foot left its place; the step's arrow can then run from it to the new place.
"""

from __future__ import annotations

from .body import Body
from .geometry import capsule_outline
from .pose import PoseIllustration
from .shapes import GHOST_DASH, GHOST_EDGE, Camera, Item

GHOSTED = ("right_foot", "left_foot")  # the points a ghost can be at: a foot, the part of that name


def ghost_items(ill: PoseIllustration, start: Body, cam: Camera) -> list[Item]:
    """Each `ghost` prop's foot as it was in the start pose, for the Finish frame only."""
    items: list[Item] = []
    for prop in ill.props:
        if prop.prop != "ghost":
            continue
        assert prop.at in GHOSTED
        heel, toe = start.parts[prop.at].balls
        outline = capsule_outline(cam.xy(heel.c), heel.r, cam.xy(toe.c), toe.r, 18)
        # the dashed edge twice an overlay's (whose fills cover half of it): a foot on the
        # floor tint is small, and its outline is what tells it from a shadow
        items.append(Item(outline, fill="start", stroke="end", width=2 * GHOST_EDGE, dash=GHOST_DASH))
    return items
