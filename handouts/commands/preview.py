"""`handouts illustrate`: one exercise's picture on its own, for a quick look."""

from __future__ import annotations

from pathlib import Path

from ..errors import NotFound, OutputError
from ..reading.library import load_library

SUFFIXES = (".png", ".svg", ".pdf")


def preview(exercise_id: str, output: Path, *, side: str = "right", width_mm: float = 60, library_folders: tuple[Path, ...] = ()) -> None:
    from reportlab.lib.units import mm

    from ..page import rlsettings
    from ..page.fonts import fonts
    from ..pictures.pictogram.export import drawing_bytes
    from ..pictures.pose_pictures import pose_flowable, pose_sources
    from .inputs import Inputs
    from .output import check_destination, signals_as_exceptions, write_atomically

    if output.suffix.lower() not in SUFFIXES:
        raise OutputError(f"{output}: write a .png, .svg or .pdf file")
    check_destination(output)
    library = load_library(library_folders)
    entry = library.entry(exercise_id)
    illustration = entry.exercise.illustration
    if illustration is None or not illustration.pose:
        raise NotFound(f"{entry.path}: {exercise_id!r} has no pose pictogram to preview")
    rlsettings.apply()
    fonts()  # the settings make the body font ReportLab's base font, so it must be registered
    drawing = pose_flowable(illustration.pose, entry.path, width_mm * mm, side == "left")
    inputs = Inputs()
    inputs.add_library(library)
    for path in pose_sources(illustration.pose, entry.path):
        inputs.add(path, "a pose file")
    with signals_as_exceptions():  # made in memory, then written like a handout: never onto an input, never half
        write_atomically(drawing_bytes(drawing, output.suffix, output), output, inputs)
