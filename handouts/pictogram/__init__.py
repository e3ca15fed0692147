"""Exercise pictograms drawn from pose data (ISO 7001 style): load, draw, export.

    ill = load_pose_illustration(bundled_pose_path("clamshell"))
    drawing = pose_drawing(ill, 170, mirror=False)   # a ReportLab Drawing, 170 pt wide
    export_drawing(drawing, Path("clamshell.png"))
    picture = pose_picture(ill, 170)                 # the same, as a flowable of PDF operators

The data always draws the RIGHT side working; pass mirror=True for the left side.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .draw import pose_drawing
    from .export import export_drawing
    from .files import bundled_pose_names, bundled_pose_path
    from .pdfops import pose_picture
    from .picture import PosePicture
    from .pose import PoseIllustration, load_pose_illustration

# Each name is imported from its module on first use: a handout whose pictures all come
# from the cache needs only `picture`, and a preview alone needs `export`.
_MODULES = {
    "load_pose_illustration": "pose", "PoseIllustration": "pose", "pose_drawing": "draw", "pose_picture": "pdfops",
    "PosePicture": "picture", "export_drawing": "export", "bundled_pose_path": "files", "bundled_pose_names": "files",
}
__all__ = list(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_MODULES[name]}", __name__), name)
