"""The body's proportions and range: segment lengths and limb widths, how each root
orientation and view is set in the room, and the joints with the angles each can take.

Lengths are fractions of stature H (Drillis & Contini 1966, as tabled by Winter), so a
figure drawn 1 unit tall has the proportions of an adult.
"""

from __future__ import annotations

from .geometry import Vec

# Drillis & Contini segment lengths, fractions of stature. The chain from the sole to
# the vertex sums to 1: ankle height + shank + thigh + trunk + neck + head.
HEAD = 0.130  # chin to vertex
NECK = 0.052  # shoulder line to chin
TRUNK = 0.288  # hip joint to shoulder joint
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
THIGH = 0.245
SHANK = 0.246
FOOT = 0.152
ANKLE_HEIGHT = 0.039
SHOULDER_BREADTH = 0.259
HIP_BREADTH = 0.191

# The waist splits the trunk so that a side bend or a forward bend curves the body
# instead of tilting a stiff board from the hips.
WAIST = 0.09
HEAD_R = 0.063  # a little under HEAD/2 (0.065): a head any larger looks swollen seen from the side
NOSE_R = 0.02
EYE_R = 0.012

# Limb radii: a design choice (illustrations.md), tapering about 0.8 proximal to distal.
THIGH_R = (0.056, 0.045)
SHANK_R = (0.042, 0.031)
FOOT_R = (0.026, 0.019)
UPPER_ARM_R = (0.032, 0.026)
FOREARM_R = (0.025, 0.020)
TORSO_CORNER = 0.04  # the radius of the balls that round the trunk's corners

# Half-width (x) and half-depth (z) of the trunk at a few heights. Narrower than the
# bony breadths above: in a pictogram the arms sit beside the chest, not inside it.
PELVIS_RINGS = ((-0.03, 0.122, 0.068, -0.004), (WAIST, 0.108, 0.062, 0.0))  # (height above hips, half x, half z, z shift)
# The chest bulges in front, not behind: a flat back lies flat on a bench or the floor.
THORAX_RINGS = ((0.0, 0.108, 0.062, 0.0), (0.12, 0.116, 0.068, 0.008), (TRUNK - WAIST, 0.106, 0.058, 0.0))
RING_BALLS = 10

# Which body axis points up for each root orientation, and which faces the viewer
# for each view. Side-lying is always on the LEFT side (right side up) and the side
# view always shows the RIGHT side: the data draws the right side working.
ORIENTATION_UP: dict[str, Vec] = {
    "standing": (0.0, 1.0, 0.0),
    "sitting": (0.0, 1.0, 0.0),
    "supine": (0.0, 0.0, 1.0),
    "prone": (0.0, 0.0, -1.0),
    "quadruped": (0.0, 0.0, -1.0),
    "side-lying": (-1.0, 0.0, 0.0),
}
VIEW_FACING: dict[str, Vec] = {"front": (0.0, 0.0, 1.0), "side": (-1.0, 0.0, 0.0)}

# The joints and the angles each takes, with the range a body can reach (a value
# outside is a typing slip, not a pose).
JOINT_ANGLES: dict[str, dict[str, tuple[float, float]]] = {
    "pelvis": {"tilt": (-120, 120), "side_tilt": (-45, 45), "rotation": (-90, 90)},
    "trunk": {"flexion": (-45, 110), "side_bend": (-60, 60), "rotation": (-70, 70)},
    "neck": {"flexion": (-60, 70), "side_bend": (-45, 45), "rotation": (-80, 80)},
    "hip": {"flexion": (-40, 140), "abduction": (-45, 90), "rotation": (-60, 80)},
    "knee": {"flexion": (-5, 160)},
    "ankle": {"flexion": (-60, 40)},
    "shoulder": {"flexion": (-70, 190), "abduction": (-45, 190), "rotation": (-100, 100)},
    "elbow": {"flexion": (0, 160)},
}
SIDES = {"right": -1.0, "left": 1.0}  # the sign of x on that side of the body


# Draw order when two chains sit at the same depth (a front view): trunk under the limbs.
CHAIN_RANK = {name: i for i, name in enumerate(("trunk", "right_leg", "left_leg", "right_arm", "left_arm", "head"))}
