"""`handouts illustrate`: one exercise's picture on its own, for a quick look."""

from __future__ import annotations

from pathlib import Path

from .errors import NotFound
from .library import load_library


def preview(exercise_id: str, output: Path, *, side: str = "right", width_mm: float = 60, library_folders: tuple[Path, ...] = ()) -> None:
    from reportlab.lib.units import mm

    from . import rlsettings
    from .illustrations import _pose, pose_path
    from .pdf import write_atomically
    from .pictogram import export_drawing, pose_drawing

    entry = load_library(library_folders).entry(exercise_id)
    illustration = entry.exercise.illustration
    if illustration is None or not illustration.pose:
        raise NotFound(f"{entry.path}: {exercise_id!r} has no pose pictogram to preview")
    if output.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise NotFound(f"{output}: write a .png, .svg or .pdf file")
    rlsettings.apply()
    drawing = pose_drawing(_pose(pose_path(illustration.pose, entry.path)), width_mm * mm, mirror=side == "left")
    temporary = output.with_name(f".{output.stem}.preview{output.suffix}")
    export_drawing(drawing, temporary)
    write_atomically(temporary.read_bytes(), output)
    temporary.unlink()
