"""Props that stay put (floor, mat, step, bench, chair, wall, table, tape line, pillow,
a chair's back or a rail to hold, a level line, a machine's weight stack).

They are fitted to the start pose and sized to hold every pose; a bench or seat top is
exactly as high as the body above it, so the body neither floats over it nor sinks into it.
"""

from __future__ import annotations

import math

from collections.abc import Callable
from dataclasses import dataclass, field

from .body import Body
from .geometry import Vec, add, scale
from .placement import mat_thickness, step_height
from .pose import PoseIllustration, Prop
from .reach import behind_the_figure, direction, extent, lowest_over, surface
from .shapes import EDGE, Box, Camera, Item, box_items, rounded

TABLE_HEIGHT = 0.43
TABLE_NEAR = 0.45  # a step away, clear of a chair held beside the body on that side (a pose's `distance:` sets another)
# shallow, seen from the front: a top more than twice as wide as it is tall on the page over
# four legs reads as a table (0.3 deep over two legs, its top seen from above was nearly as
# tall as wide: a chair's back). Wider, it made the standing figure print under 31 mm tall.
TABLE_DEPTH, TABLE_SPAN = 0.2, 0.15  # side to side, front to back
TABLE_BACK = 0.34  # how far a table beside the body stands behind it (the band then passes the standing shin >1.5 mm above its ankle)
TABLE_TOP, TABLE_OVERHANG = 0.035, 0.03  # a thin top reaching well past the legs: a table (a thick one read as a seat)
CHAIR_SEAT = 0.27  # a chair's seat, about 46 cm high
CHAIR_DEPTH = 0.14
STEP_LENGTH = 0.3
STAIR_DEPTH = 0.16  # the tread of the stair behind a step
SHADOW = (0.05, 0.006)  # half the length and height of a foot's shadow on the floor
SEAT_SLAB = 0.035
# how far a mat reaches beyond the body: a little, as the mat is there to be lain on, and
# a wider one only makes a lying picture taller and its figure smaller
MAT_MARGIN = 0.02
STACK_WIDTH = 0.12
STACK_PLATES = 6
LEVEL_REACH, LEVEL_CLEAR = 0.2, 0.1  # how far a level line runs out past the hips, and stops short of a hand on a rail
LEVEL_WIDTH = 0.008
LEVEL_DASH = (0.03, 0.018)
LINE_HALF = 0.016  # half a tape line's width: about 5 cm of tape


@dataclass
class Fixed:
    """The fixed props of one picture, and what moving props need to know of them."""

    behind: list[Item] = field(default_factory=list)  # drawn before the figures
    under: list[Item] = field(default_factory=list)  # drawn after them (flat views), covering the halo at contact
    anchors: dict[str, Vec] = field(default_factory=dict)  # points other props tie to ("table")
    walls: dict[str, float] = field(default_factory=dict)  # side -> how far the wall is along that side
    seats: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # (x0, x1, z0, z1, top)
    # what else stands on the floor beside the body (a table, a chair, a wall), (x0, x1, z0, z1):
    # seen from above, the floor reaches under it, so that it does not float
    footprints: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass
class _Fit:
    ill: PoseIllustration
    body: Body  # the pose the props are fitted to
    everyone: list[Body]  # every pose drawn with them, for sizes
    cam: Camera
    out: Fixed

    @property
    def level(self) -> float:
        return mat_thickness(self.ill)

    @property
    def supports(self) -> list[Item]:
        # seen from above, a support is behind the body lying on it; in a flat view it
        # is below it and drawn after, so that it covers the white halo at the contact
        return self.out.behind if self.cam.raised else self.out.under


def _mat(f: _Fit, prop: Prop) -> None:
    (x0, x1), (z0, z1) = extent(f.everyone, 0), extent(f.everyone, 2)
    x0, x1, z0, z1 = x0 - MAT_MARGIN, x1 + MAT_MARGIN, z0 - MAT_MARGIN, z1 + MAT_MARGIN
    if prop.side == "back" and direction(f.body, "pelvis", "back")[2] < 0:  # the back away from the reader
        z0 = min(z0, behind_the_figure(f.everyone, f.cam, f.level, x0, x1, MAT_MARGIN))
    f.supports.extend(box_items(f.cam, Box(x0, x1, 0.0, f.level, z0, z1)))


def _step(f: _Fit, prop: Prop) -> None:
    """A low step under one foot, its edge just inside that foot: the other leg hangs free."""
    assert prop.at
    foot, pelvis = f.body.points[prop.at].c, f.body.points["pelvis"].c
    outward = 1.0 if foot[0] - pelvis[0] >= -0.02 else -1.0
    inner = surface(f.body, prop.at, (-outward, 0.0, 0.0))
    edge = (-inner if outward > 0 else inner) - outward * 0.012
    x0, x1 = sorted((edge, edge + outward * STEP_LENGTH))
    top, z0, z1 = f.level + step_height(f.ill), foot[2] - 0.18, foot[2] + 0.18
    # the sides a mid grey under a light tread (one pale slab read as bathroom scales); seen
    # from above, the next stair up behind it: the bottom stair of a flight
    if f.cam.raised:
        f.supports.extend(box_items(f.cam, Box(x0, x1, f.level, 2 * top - f.level, z0 - STAIR_DEPTH, z0), fill="wall"))
    f.supports.extend(box_items(f.cam, Box(x0, x1, f.level, top, z0, z1), fill="wall"))
    # the floor round the step too (round the free foot alone it read as a tile it stood on)
    f.out.footprints.append((x0, x1, z0 - (STAIR_DEPTH if f.cam.raised else 0.0), z1))
    # the free foot's shadow below it: the gap shows it hangs in the air (a 10 cm step is 2 mm high on the page)
    _foot_shadow(f, ("left_" if prop.at.startswith("right_") else "right_") + "foot")


def _foot_shadow(f: _Fit, foot: str) -> None:
    """A dark oval on the floor under a foot, so that a foot lifted off it shows in the air."""
    x, _, z = f.body.points[foot].c
    cx, cy = f.cam.xy((x, f.level, z))
    f.out.behind.append(Item([(cx + SHADOW[0] * math.cos(t), cy + SHADOW[1] * math.sin(t))
                              for t in (2 * math.pi * i / 20 for i in range(20))], fill="edge"))


def _shadow(f: _Fit, prop: Prop) -> None:
    assert prop.at
    _foot_shadow(f, prop.at)


def _seat(f: _Fit, prop: Prop) -> None:
    """A bench (running from the point away from the hips) or a chair seat under the point."""
    assert prop.at
    p, pelvis = f.body.points[prop.at].c, f.body.points["pelvis"].c
    if prop.prop == "bench":
        away = 1.0 if p[0] >= pelvis[0] else -1.0
        x0, x1 = sorted((p[0] - away * 0.035, p[0] + away * 0.26))  # long enough to read as a bench
        fz0, fz1 = -9.0, 9.0  # it reaches right across under the body
        depth = (p[2] - 0.2, p[2] + 0.2)
    else:
        forward = direction(f.body, "pelvis", "front")
        ranges = []
        for i in (0, 2):  # deeper than wide: from behind the buttocks to under the thighs
            a, b = (p[i] - 0.10 * forward[i], p[i] + 0.17 * forward[i]) if abs(forward[i]) > 0.5 else (p[i] - 0.16, p[i] + 0.16)
            ranges.append(tuple(sorted((a, b))))
        (x0, x1), (fz0, fz1) = ranges
        depth = (fz0, fz1)
    top = lowest_over(f.body, x0, x1, fz0, fz1)
    f.out.seats.append((x0, x1, fz0, fz1, top))
    f.supports.extend(box_items(f.cam, Box(x0, x1, top - SEAT_SLAB, top, *depth)))
    for lx in (x0 + 0.012, x1 - 0.042):
        for lz in ((depth[0] + 0.01, depth[0] + 0.04), (depth[1] - 0.04, depth[1] - 0.01)):
            if not f.cam.raised and lz[0] > depth[0] + 0.02:
                continue  # in a flat view the back legs hide behind the front ones
            f.supports.extend(box_items(f.cam, Box(lx, lx + 0.03, f.level, top - SEAT_SLAB, *lz)))
    if prop.prop == "chair":  # a backrest (a machine's back pad) against the back
        back = direction(f.body, "pelvis", "back")
        plane = surface(f.body, "upper_back", back) + 0.005
        # up to the shoulder blades, and seen from the front a little wider than the
        # shoulders and the arms beside them, so that it shows round the body
        rest_top = f.body.points["neck"].c[1] - 0.04
        bx, bz = [x0 - 0.06, x1 + 0.06], [depth[0] - 0.06, depth[1] + 0.06]
        if abs(back[0]) > 0.5:
            bx = sorted((back[0] * plane, back[0] * (plane + 0.04)))
        else:
            bz = sorted((back[2] * plane, back[2] * (plane + 0.04)))
        f.out.behind.extend(box_items(f.cam, Box(bx[0], bx[1], top, rest_top, bz[0], bz[1])))


def _wall(f: _Fit, prop: Prop) -> None:
    """A wall touching the body on one side, or the ball or pillow between them."""
    assert prop.side
    d = direction(f.body, prop.at or "pelvis", prop.side)
    # as far out as the body reaches in any pose: a wall is never inside a body, nor a
    # ball between them
    reach = max(max(surface(b, prop.at, d) if prop.at else b.support("pelvis", d), b.support("thorax", d)) for b in f.everyone)
    for other in f.ill.props:
        if other.prop in ("ball", "pillow") and other.side == prop.side and other.at:
            reach = max(surface(b, other.at, d) for b in f.everyone) + (other.size or 0.12)
    f.out.walls[prop.side] = reach
    (x0, x1), (z0, z1), top = extent(f.everyone, 0), extent(f.everyone, 2), extent(f.everyone, 1)[1]
    if abs(d[0]) > 0.5:  # beside the body, seen edge on
        a, b = sorted((d[0] * reach, d[0] * (reach + 0.05)))
        f.out.behind.extend(box_items(f.cam, Box(a, b, 0.0, top + 0.04, z0 - 0.1, z1 + 0.1)))
        f.out.footprints.append((a, b, z0 - 0.1, z1 + 0.1))
    elif d[2] < 0:  # behind the body: a panel we look at
        f.out.behind.extend(box_items(f.cam, Box(x0 - 0.14, x1 + 0.14, 0.0, top + 0.06, -reach - 0.02, -reach), fill="wall"))
    # a wall between us and the body would hide it: it is not drawn


def _table(f: _Fit, prop: Prop) -> None:
    """A table a step away on one side (`distance:` to its near edge); a band is tied to its near leg."""
    assert prop.at and prop.side
    d = direction(f.body, prop.at, prop.side)
    p, gap = f.body.points[prop.at].c, TABLE_NEAR if prop.distance is None else prop.distance
    near, far = add(p, scale(d, gap)), add(p, scale(d, gap + TABLE_DEPTH))
    x0, x1 = sorted((near[0], far[0])) if abs(d[0]) > 0.5 else (p[0] - 0.2, p[0] + 0.2)
    # beside the body and set back behind it, so that a band tied low on its near front leg
    # runs behind the standing leg: seen from above, it then passes that shin clear above
    # the foot (level with the body, it crossed the standing ankle and read as tied round
    # both; tied to a back leg, its knot floated halfway up the front leg drawn over it)
    z0, z1 = sorted((near[2], far[2])) if abs(d[2]) > 0.5 else (p[2] - TABLE_BACK - TABLE_SPAN, p[2] - TABLE_BACK)
    # a thick top over its legs, overhanging them: a table, not a stool or a chair
    top = (x0 - TABLE_OVERHANG, x1 + TABLE_OVERHANG) if abs(d[0]) > 0.5 else (x0, x1)
    legs = [(x0, x0 + 0.03), (x1 - 0.03, x1)] if abs(d[0]) > 0.5 else [(x0, x0 + 0.03)]
    if f.cam.raised:  # seen from above, the back legs show under the top: four legs, a table
        for lx in legs:
            f.out.behind.extend(box_items(f.cam, Box(lx[0], lx[1], f.level, TABLE_HEIGHT - TABLE_TOP, z0, z0 + 0.03)))
    f.out.behind.extend(box_items(f.cam, Box(top[0], top[1], TABLE_HEIGHT - TABLE_TOP, TABLE_HEIGHT, z0, z1)))
    for lx in legs:
        f.out.behind.extend(box_items(f.cam, Box(lx[0], lx[1], f.level, TABLE_HEIGHT - TABLE_TOP, z1 - 0.03, z1)))
    f.out.footprints.append((x0, x1, z0, z1))
    # low on the near leg (a quarter of its height): a band tied there runs behind the
    # standing leg, clear above its foot even where it sags a little (band.py)
    f.out.anchors["table"] = (near[0] + 0.015 * d[0], f.level + 0.11, z1 - 0.015)


def _chair_back(f: _Fit, prop: Prop) -> None:
    """A chair to hold for balance, beside the body and seen from its side: its backrest up
    to the hand `at` (the hand rests on its top), its seat running away from the body."""
    assert prop.at
    hand, pelvis = f.body.points[prop.at].c, f.body.points["pelvis"].c
    out = 1.0 if hand[0] >= pelvis[0] else -1.0
    back = hand[0] + out * 0.012
    top = hand[1] - 0.012
    z0, z1 = hand[2] - 0.13, hand[2] + 0.13
    seat_x = sorted((back, back + out * CHAIR_DEPTH))
    parts = [
        Box(back - 0.018, back + 0.018, f.level, top, z0, z1),  # the backrest, on down to the floor as the back legs
        Box(seat_x[0], seat_x[1], CHAIR_SEAT - SEAT_SLAB, CHAIR_SEAT, z0, z1),
    ]
    far = seat_x[1] - 0.03 if out > 0 else seat_x[0]
    parts.append(Box(far, far + 0.03, f.level, CHAIR_SEAT - SEAT_SLAB, z0, z1))  # the front legs
    # darker than the pale table it stands in front of: two things, not one; and drawn over
    # the band from the table, which runs behind it (drawn under the band, the chair's leg
    # seemed to be what the band was tied to)
    for box in parts:
        f.out.under.extend(box_items(f.cam, box, fill="wall"))
    f.out.footprints.append((*seat_x, z0, z1))


def _rail(f: _Fit, prop: Prop) -> None:
    """A handrail to hold, beside the body under the hand `at`: a post from the floor and the
    rail along the body's front-to-back, seen end on from the front (a cap under the fist)."""
    assert prop.at
    x, y, z = f.body.points[prop.at].c
    grip = y - 0.02  # the top of the rail, in the fist
    f.out.behind.extend(box_items(f.cam, Box(x - 0.011, x + 0.011, f.level, grip, z - 0.011, z + 0.011)))
    f.out.behind.extend(box_items(f.cam, Box(x - 0.02, x + 0.02, grip - 0.035, grip, z - 0.3, z + 0.3)))


def _line(f: _Fit, prop: Prop) -> None:
    """A tape line on the floor, halfway between where the point starts and ends."""
    assert prop.at
    xs = [b.points[prop.at].c[0] for b in f.everyone]
    mid, level = (min(xs) + max(xs)) / 2, f.level
    if f.cam.raised:
        # a stride across, centred on the point (the body's whole depth, turned, ran under the foot beside
        # it); turned under 30 it runs up the page, and that short read as a dash to hop along: longer there
        zs = [b.points[prop.at].c[2] for b in f.everyone]
        z0, z1 = (min(zs) - 0.4, max(zs) + 0.18) if abs(f.cam.sy) < 0.5 else (min(zs) - 0.14, max(zs) + 0.1)
        f.out.footprints.append((mid - LINE_HALF, mid + LINE_HALF, z0, z1))  # the floor reaching under it
        corners = ((mid - LINE_HALF, z0), (mid + LINE_HALF, z0), (mid + LINE_HALF, z1), (mid - LINE_HALF, z1))
        # dark, as the figure is: a thin strip in the props' grey was missed, and the hop over it with it
        f.out.behind.append(Item([f.cam.xy((x, level, z)) for x, z in corners], fill="end"))
    else:  # seen edge on it is a dark mark on the floor line
        f.out.under.append(Item([(mid - 0.015, level), (mid + 0.015, level), (mid + 0.015, level - 0.03), (mid - 0.015, level - 0.03)], fill="edge"))


def _level(f: _Fit, prop: Prop) -> None:
    """A dashed level line through a point (the standing hip), the same in both frames, for a hip to sag below or lift
    above; over the figure (behind, it hid it), dark dashes on white rims (grey ones vanished on grey shorts)."""
    assert prop.at
    _, y, z = f.body.points[prop.at].c
    xs = [b.points[n].c[0] for b in f.everyone for n in ("right_hip", "left_hip")]
    # stopped at the hip on a side with a wall (out past it, it crossed a ball against the
    # wall, which read as an icon), and well short of a hand on a rail (ending in it: a stick)
    hands = [f.body.points[p.at].c[0] for p in f.ill.props if p.prop == "rail" and p.at]
    left = max([min(xs) - (0.0 if "right" in f.out.walls else LEVEL_REACH)] + [h + LEVEL_CLEAR for h in hands if h < min(xs)])
    right = min([max(xs) + (0.0 if "left" in f.out.walls else LEVEL_REACH)] + [h - LEVEL_CLEAR for h in hands if h > max(xs)])
    for colour, width in (("white", LEVEL_WIDTH * 2.2), ("end", LEVEL_WIDTH)):
        f.out.under.append(Item([f.cam.xy((left, y, z)), f.cam.xy((right, y, z))], stroke=colour, width=width, closed=False, dash=LEVEL_DASH))


def _weight_stack(f: _Fit, prop: Prop) -> None:
    """A machine's weight stack beside the seat, on one side of the body: a frame of two
    posts and a top bar, the plates stacked low in it, so the seat reads as a machine."""
    assert prop.at and prop.side
    d = direction(f.body, prop.at, prop.side)
    p = f.body.points[prop.at].c
    near = max(b.support("pelvis", d) for b in f.everyone) + 0.12
    x0, x1 = sorted((d[0] * near, d[0] * (near + STACK_WIDTH))) if abs(d[0]) > 0.5 else (p[0] - 0.06, p[0] + 0.06)
    z0, z1 = (p[2] - 0.16, p[2] - 0.04) if abs(d[0]) > 0.5 else sorted((d[2] * near, d[2] * (near + STACK_WIDTH)))
    top = f.body.points["neck"].c[1]
    for box in (Box(x0, x0 + 0.02, f.level, top, z0, z1), Box(x1 - 0.02, x1, f.level, top, z0, z1),
                Box(x0, x1, top - 0.03, top, z0, z1)):
        f.out.behind.extend(box_items(f.cam, box))
    for i in range(STACK_PLATES):  # plates, each its own box: a stack, not a block
        y = f.level + 0.03 + i * 0.035
        f.out.behind.extend(box_items(f.cam, Box(x0 + 0.02, x1 - 0.02, y, y + 0.03, z0 + 0.01, z1 - 0.01), fill="wall"))


def _pillow(f: _Fit, prop: Prop) -> None:
    """A pillow filling the gap under a point (a head lying on its side) down to the mat."""
    assert prop.at and prop.side
    d = direction(f.body, prop.at, prop.side)
    if d[1] > -0.5:
        return  # only under a point for now
    p = f.body.points[prop.at].c
    bottom = f.body.lowest([f.body.points[prop.at].part])
    box = Box(p[0] - 0.075, p[0] + 0.075, f.level, max(bottom, f.level + 0.01), p[2] - 0.08, p[2] + 0.08)
    f.supports.append(Item(rounded(box_items(f.cam, box)[0].points, 0.012), fill="prop", stroke="edge", width=EDGE))


FIXED: dict[str, Callable[[_Fit, Prop], None]] = {
    "mat": _mat, "step": _step, "bench": _seat, "chair": _seat,
    "wall": _wall, "table": _table, "line": _line, "pillow": _pillow, "chair_back": _chair_back,
    "rail": _rail, "level": _level, "weight_stack": _weight_stack, "shadow": _shadow,
}  # fmt: skip


def fixed_props(ill: PoseIllustration, body: Body, others: list[Body], cam: Camera) -> Fixed:
    """The props that stay put, fitted to `body` (the start pose), sized to hold the others too."""
    fit = _Fit(ill, body, [body, *others], cam, Fixed())
    # walls first, whatever the file's order: a level line stops short of one, and a wall
    # is the farthest thing behind the body anyway
    for prop in sorted(ill.props, key=lambda prop: prop.prop != "wall"):
        if prop.prop in FIXED:
            FIXED[prop.prop](fit, prop)
    return fit.out
