"""`handouts illustrate`: one exercise's picture on its own, for a quick look."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import NotFound, OutputError
from ..reading.library import load_library

SUFFIXES = (".png", ".svg", ".pdf")


def preview(exercise_id: str, output: Path, *, side: str = "right", width_mm: float = 60, library_folders: tuple[Path, ...] = ()) -> None:
    from reportlab.lib.units import mm

    from ..page import rlsettings
    from ..page.fonts import fonts
    from ..pictures.pictogram.export import export_drawing
    from ..pictures.pose_pictures import pose_flowable
    from .output import check_destination, write_atomically

    entry = load_library(library_folders).entry(exercise_id)
    illustration = entry.exercise.illustration
    if illustration is None or not illustration.pose:
        raise NotFound(f"{entry.path}: {exercise_id!r} has no pose pictogram to preview")
    if output.suffix.lower() not in SUFFIXES:
        raise OutputError(f"{output}: write a .png, .svg or .pdf file")
    check_destination(output)
    rlsettings.apply()
    fonts()  # the settings make the body font ReportLab's base font, so it must be registered
    drawing = pose_flowable(illustration.pose, entry.path, width_mm * mm, side == "left")
    # the renderers write files; one beside the output, then moved into place whole
    temporary = output.with_name(f".{output.stem}.preview{output.suffix}")
    try:
        export_drawing(drawing, temporary)
        write_atomically(temporary.read_bytes(), output)
    finally:
        if temporary.exists():
            os.unlink(temporary)
