"""Exercise pictograms drawn from pose data (ISO 7001 style): load, draw, export.

    ill = load_pose_illustration(bundled_pose_path("clamshell"))
    drawing = pose_drawing(ill, 170, mirror=False)   # a ReportLab Drawing, 170 pt wide
    export_drawing(drawing, Path("clamshell.png"))

The data always draws the RIGHT side working; pass mirror=True for the left side.
"""

from .draw import pose_drawing
from .export import export_drawing
from .pose import PoseIllustration, bundled_pose_names, bundled_pose_path, load_pose_illustration

__all__ = ["load_pose_illustration", "pose_drawing", "export_drawing", "bundled_pose_path", "bundled_pose_names", "PoseIllustration"]
