"""Exercise pictograms drawn from pose data (ISO 7001 style): load, draw, export.

    ill = load_pose_illustration(bundled_pose_path("clamshell"))
    drawing = pose_drawing(ill, 170, mirror=False)   # a ReportLab Drawing, 170 pt wide
    export_drawing(drawing, Path("clamshell.png"))
    picture = pose_picture(ill, 170)                 # the same, as a flowable of PDF operators

The data always draws the RIGHT side working; pass mirror=True for the left side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .draw import pose_drawing
from .pdfops import PosePicture, pose_picture
from .pose import PoseIllustration, bundled_pose_names, bundled_pose_path, load_pose_illustration

if TYPE_CHECKING:
    from .export import export_drawing

__all__ = ["load_pose_illustration", "pose_drawing", "pose_picture", "PosePicture", "export_drawing", "bundled_pose_path",
           "bundled_pose_names", "PoseIllustration"]


def __getattr__(name: str) -> Any:
    # export is imported on first use: a handout never writes a picture file, and every
    # module here is compiled afresh in each process where bytecode is not cached
    if name == "export_drawing":
        from .export import export_drawing

        return export_drawing
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
