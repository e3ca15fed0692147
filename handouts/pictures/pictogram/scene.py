"""Each frame of the picture as flat, coloured shapes in body heights, layer by layer.

A picture is two scenes, the Start frame and the Finish frame, in one room (the same
fixed props, the same floor); or, for a pose file that asks for an overlay, one scene of
both poses. A scene's layers are drawn in this order:

- `behind`: props behind the figure (a wall at the back or side, a backrest, a table,
  and, seen from above, the floor, mat and seat the body lies or sits on);
- `ghost`: in the Finish frame, a footprint where a stepping foot stood at the start (ghost.py);
- `figure` (a frame's pose) or `start` then `end` (an overlay): each pose drawn far to
  near, every limb over a thin white halo so that a limb in front of another reads as in
  front (the ISO 7001 look), with the props that move with it among its limbs. In an
  overlay the start is grey with a dashed outline, the parts that do not move are drawn
  once, dark, among the start pose's limbs, and `end` holds only what moves (see
  `overlay_items`);
- `under`: in flat views, the supports under the body (mat, step, bench, seat), drawn
  after the figure so that they cover the halo where the body touches them: the figure
  sits on them with no gap and no overlap;
- `floor`: the floor line (flat views) or, seen from above, a floor tint first of all;
- `arrows`: the accent colour, on top of everything (empty in the Start frame).
"""

from __future__ import annotations

import math
from collections.abc import Container
from dataclasses import dataclass, field

from .arrows import arrow_items
from .body import Ball, Body, Part
from .face import eye_items
from .fixed_props import Fixed, fixed_props
from .ghost import ghost_items
from .geometry import Pt, capsule_outline, circle_points, dot, lerp, rounded_hull, sub
from .moving_props import chain_depth, moving_props
from .placement import placed, prop_of
from .pose import PoseIllustration
from .proportions import CHAIN_RANK
from .shapes import FLOOR_THICKNESS, GAP, GHOST_DASH, GHOST_EDGE, Camera, DrawGroup, Item


@dataclass
class Layer:
    name: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Scene:
    layers: list[Layer]
    seats: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # fitted benches and seats

    def bbox(self) -> tuple[float, float, float, float]:
        x0 = y0 = float("inf")
        x1 = y1 = float("-inf")
        for layer in self.layers:
            for item in layer.items:
                # each item's extremes first (a thousand points a picture, and this runs
                # three times): the same numbers, as rounding keeps the order of x - pad
                pad = item.width / 2
                xs, ys = zip(*item.points)
                x0, x1 = min(x0, min(xs) - pad), max(x1, max(xs) + pad)
                y0, y1 = min(y0, min(ys) - pad), max(y1, max(ys) + pad)
        return x0, y0, x1, y1


def _outline(cam: Camera, balls: tuple[Ball, ...], grow: float = 0.0) -> list[Pt]:
    """The outline of a part: the convex hull of its balls seen from the camera."""
    if len(balls) == 1:
        (x, y), r = cam.xy(balls[0].c), balls[0].r + grow
        return circle_points(x, y, r, 24 if r > 0.05 else 16)
    if len(balls) == 2:
        a, b = balls
        return capsule_outline(cam.xy(a.c), a.r + grow, cam.xy(b.c), b.r + grow, 18)
    return rounded_hull([cam.xy(b.c) for b in balls], balls[0].r + grow, 24)  # the trunk: equal balls


def _halo_balls(part: Part, whole: bool = False) -> tuple[Ball, ...]:
    """The balls whose outline, grown by GAP, is cleared round this part.

    Where a limb joins the trunk the cut would draw a seam across the hip or the
    shoulder, so a thigh and an upper arm clear only from a third of the way down (the
    ISO look: the arm grows out of the shoulder and stands clear of the chest below the
    armpit), and the pelvis, where the legs join, clears nothing. A `whole` part clears
    all round, its end at the joint too (forward_thighs).
    """
    if part.name == "pelvis":
        return ()
    if part.name.endswith(("_thigh", "_upper_arm")) and not whole:
        a, b = part.balls
        return (Ball(lerp(a.c, b.c, 0.35), a.r + (b.r - a.r) * 0.35), b)
    return part.balls


def chain_groups(body: Body, cam: Camera, colour: dict[str, str] | str, skip: Container[str] = (),
                 outlined: Container[str] = (), whole: Container[str] = ()) -> dict[str, DrawGroup]:
    """Each chain of a pose (trunk, a leg, an arm, the head) as one group over its halo; none
    of those in `skip`; those in `outlined` with a dashed dark outline (an overlay's start);
    the parts named in `whole` cleared all round (_halo_balls)."""
    groups = {}
    for chain, rank in CHAIN_RANK.items():
        if chain in skip:
            continue
        parts = [p for p in body.parts.values() if p.chain == chain]
        halo = [Item(_outline(cam, hb, GAP), fill="white") for hb in (_halo_balls(p, p.name in whole) for p in parts) if hb]
        role = colour if isinstance(colour, str) else colour[chain]
        fills = [Item(_outline(cam, p.balls), fill=role) for p in parts]
        if chain == "head":
            fills += eye_items(body, cam)
        if chain in outlined:
            # every part's outline stroked twice as wide as the edge shows, then the fills
            # over them: what is left is the outline of the whole chain, without seams
            fills = [Item(f.points + f.points[:1], stroke="end", width=2 * GHOST_EDGE, closed=False, dash=GHOST_DASH)
                     for f in fills] + fills
        groups[chain] = DrawGroup(chain_depth(body, cam, chain), rank, halo, fills)
    return groups


def _ordered(groups: list[DrawGroup]) -> list[Item]:
    """Far to near, each group's halo then its fills."""
    items: list[Item] = []
    for g in sorted(groups, key=lambda g: (g.depth, g.rank)):
        items += g.halo + g.fill
    return items


# The limbs underneath, by orientation: drawn in the "far" tone (draw.py), so that a top
# leg lying over the bottom one reads as a leg of its own, not as one blob with it.
UNDERNEATH = {"side-lying": ("left_leg", "left_arm")}


# A top thigh pointing forward out of the trunk's plane by more than this (degrees) is
# cleared all round, up to the hip (forward_thighs): a clamshell's, opened or not (22 and
# more), not a leg lifted in line with the body (0).
FORWARD_THIGH = 15.0


def forward_thighs(body: Body, under: Container[str]) -> set[str]:
    """The top thighs of a body lying on its side that come forward out of the trunk.

    A clamshell's top thigh lies over the black trunk from the hip: cleared only from a
    third of the way down (_halo_balls), judges could not see where it left the body, and
    the knee opening did not read as the hip turning. Cleared all round, its rounded end
    shows at the hip. A leg in line with the trunk keeps the short cut: whole, its end read
    as a disc laid on the hip (side-lying hip abduction).
    """
    forward = tuple(row[2] for row in body.frames["pelvis"])  # the body's forward axis in the room
    thighs = set()
    for part in body.parts.values():
        if part.name.endswith("_thigh") and part.chain not in under:
            along = sub(part.balls[1].c, part.balls[0].c)
            if dot(along, forward) > math.sin(math.radians(FORWARD_THIGH)) * math.dist(part.balls[1].c, part.balls[0].c):
                thighs.add(part.name)
    return thighs


def pose_items(ill: PoseIllustration, body: Body, cam: Camera, role: str, fixed: Fixed) -> list[Item]:
    """One pose with the props that move with it, far to near."""
    under = UNDERNEATH.get(ill.start.orientation, ())
    colour = {chain: "far" if chain in under else role for chain in CHAIN_RANK}
    whole = forward_thighs(body, under) if under else set()
    return _ordered(moving_props(ill, body, cam, role, fixed) + list(chain_groups(body, cam, colour, whole=whole).values()))


def _still_chains(start: Body, end: Body) -> set[str]:
    """The chains that do not move between the two poses (the same balls in the same places)."""
    still = set()
    for chain in CHAIN_RANK:
        a = [b for p in start.parts.values() if p.chain == chain for b in p.balls]
        b = [b for p in end.parts.values() if p.chain == chain for b in p.balls]
        if all(max(abs(u - v) for u, v in zip(x.c, y.c)) < 1e-9 and x.r == y.r for x, y in zip(a, b, strict=True)):
            still.add(chain)
    return still


def _box(group: DrawGroup) -> tuple[float, float, float, float]:
    pts = [p for item in group.fill for p in item.points]
    return min(x for x, _ in pts), min(y for _, y in pts), max(x for x, _ in pts), max(y for _, y in pts)


def _overlap(a: DrawGroup, b: DrawGroup) -> bool:
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = _box(a), _box(b)
    return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1


def overlay_items(ill: PoseIllustration, start: Body, end: Body, cam: Camera, fixed: Fixed) -> tuple[list[Item], list[Item]]:
    """The start and the end pose of an overlay, drawn one over the other.

    The parts that do not move (the trunk and the bottom leg of a clamshell) are drawn
    once, in the end colour, in their place among the start pose's limbs: the grey start
    leg then lies ON the dark bottom leg, as it does in the room, instead of being hidden
    under it. The end pose's moving parts come last, over everything, except that a still
    part in front of them is drawn again over them (and not over a grey part it is behind).
    """
    still = _still_chains(start, end)
    first = chain_groups(start, cam, {c: "end" if c in still else "start" for c in CHAIN_RANK},
                         outlined=[c for c in CHAIN_RANK if c not in still])
    # a still chain is the same shape in both poses and dark in both: the end pose takes
    # the start's group for it rather than working out its outlines again
    last = chain_groups(end, cam, "end", skip=still) | {c: first[c] for c in still}
    start_items = _ordered(moving_props(ill, start, cam, "start", fixed) + list(first.values()))
    moving_end = [g for c, g in last.items() if c not in still]
    moving_start = [g for c, g in first.items() if c not in still]
    redraw = [
        last[c]
        for c in still
        if any(last[c].depth > m.depth and _overlap(last[c], m) for m in moving_end)
        and not any(m.depth > last[c].depth and _overlap(last[c], m) for m in moving_start)
    ]
    end_items = _ordered(moving_props(ill, end, cam, "end", fixed) + moving_end + redraw)
    return start_items, end_items


def build_scenes(ill: PoseIllustration) -> tuple[Scene, ...]:
    """Every shape of the picture, in body heights, layer by layer (see the module notes):
    two scenes, the Start frame and the Finish frame, or one for an overlay.

    The two frames share one room: the props that stay put are fitted to the start pose
    and sized to hold both, and both frames are drawn at one scale and place (draw.fit),
    so the floor, the mat and a foot that does not move are in the same place in each.
    """
    cam = Camera(ill.elevation, ill.yaw)
    start, end = placed(ill, ill.start), placed(ill, ill.end)
    arrows = arrow_items(ill, cam, start, end)
    fixed = fixed_props(ill, start, [end], cam)
    if ill.layout == "overlay":
        start_items, end_items = overlay_items(ill, start, end, cam, fixed)
        layers = [Layer("behind", fixed.behind), Layer("start", start_items), Layer("end", end_items), Layer("under", fixed.under)]
        scenes: tuple[Scene, ...] = (Scene([*layers, Layer("arrows", arrows)], seats=fixed.seats),)
    else:  # both figures solid: the labels say which is which; the arrows in the Finish frame,
        # with a ghost (a print where a stepping foot stood at the start) behind the figure
        scenes = tuple(
            Scene([Layer("behind", fixed.behind), Layer("ghost", ghosts), Layer("figure", pose_items(ill, body, cam, "end", fixed)),
                   Layer("under", fixed.under), Layer("arrows", marks)], seats=fixed.seats)
            for body, marks, ghosts in ((start, [], []), (end, arrows, ghost_items(ill, start, cam)))
        )
    _add_floor(ill, scenes, cam, [start, end], fixed.footprints)
    return scenes


def union_bbox(scenes: tuple[Scene, ...]) -> tuple[float, float, float, float]:
    boxes = [scene.bbox() for scene in scenes]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _add_floor(ill: PoseIllustration, scenes: tuple[Scene, ...], cam: Camera, bodies: list[Body],
               footprints: list[tuple[float, float, float, float]]) -> None:
    """A floor line under everything (flat views), or a floor tint seen from above: the
    same in every frame, under what both frames hold."""
    x0, _, x1, _ = union_bbox(scenes)
    has_mat = prop_of(ill, "mat") is not None
    if cam.raised:
        if not has_mat:
            # a patch of floor round what stands on it: the feet, a seat's footprint, a table or chair
            # (not under an arm held out, which would only make the picture wider)
            level = min(body.lowest() for body in bodies) + 0.03
            low = [b for body in bodies for part in body.parts.values() for b in part.balls if b.c[1] - b.r < level]
            xs = [b.c[0] for b in low] + [x for seat in scenes[0].seats for x in seat[:2]]
            zs = [b.c[2] for b in low] + [z for seat in scenes[0].seats for z in seat[2:4] if abs(z) < 9]
            wx0, wx1, z0, z1 = min(xs) - 0.12, max(xs) + 0.12, min(zs) - 0.1, max(zs) + 0.04
            for fx0, fx1, fz0, fz1 in footprints:  # just under a table or chair: no wider picture
                wx0, wx1, z0, z1 = min(wx0, fx0), max(wx1, fx1), min(z0, fz0), max(z1, fz1)
            corners = ((wx0, z0), (wx1, z0), (wx1, z1), (wx0, z1))
            for scene in scenes:
                scene.layers.insert(0, Layer("floor", [Item([cam.xy((x, 0.0, z)) for x, z in corners], fill="ground")]))
        return
    if not has_mat:  # a mat lying on the floor is the floor line itself
        line = [(x0 - 0.04, 0.0), (x1 + 0.04, 0.0), (x1 + 0.04, -FLOOR_THICKNESS), (x0 - 0.04, -FLOOR_THICKNESS)]
        for scene in scenes:
            scene.layers.insert(len(scene.layers) - 1, Layer("floor", [Item(line, fill="floor")]))
