"""`handouts illustrate`: one exercise's picture on its own, as its card prints it."""

from __future__ import annotations

from pathlib import Path

from ..errors import NotFound, OutputError
from ..reading.library import load_library

SUFFIXES = (".png", ".svg", ".pdf")


def preview(exercise_id: str, output: Path, *, side: str = "right", template: str = "standard", frame_width_mm: float | None = None,
            library_folders: tuple[Path, ...] = ()) -> None:
    """Write the exercise's picture block (its labelled frames and caption) as the card prints it
    with `template`; `frame_width_mm` overrides the template's frame width."""
    import msgspec

    from ..handout.words import words_for
    from ..page import rlsettings
    from ..page.fonts import fonts
    from ..page.illustrations import (
        frame_labels,
        frame_width,
        inner_width,
        picture_flowables,
        prints_caption,
    )
    from ..page.picture_drawing import block_drawing
    from ..page.styles import styles
    from ..pictures.pictogram.export import drawing_bytes
    from ..pictures.pose_pictures import pose_drawings, pose_sources
    from ..reading.library import load_template
    from ..reading.translations import DEFAULT, localized
    from .inputs import Inputs
    from .output import check_destination, signals_as_exceptions, write_atomically

    if output.suffix.lower() not in SUFFIXES:
        raise OutputError(f"{output}: write a .png, .svg or .pdf file")
    check_destination(output)
    library = load_library(library_folders)
    entry = library.entry(exercise_id)
    exercise, _ = localized(entry.exercise, DEFAULT, plain=entry.exercise.language)  # the caption in English
    illustration = exercise.illustration
    if illustration is None or not illustration.pose:
        raise NotFound(f"{entry.path}: {exercise_id!r} has no pose pictogram to preview")
    layout, template_path = load_template(template)
    if frame_width_mm is not None:
        layout = msgspec.structs.replace(layout, frame_width_mm=frame_width_mm)
    rlsettings.apply()
    fonts()  # the settings make the body font ReportLab's base font, so it must be registered
    mirrored = side == "left"
    flowables = picture_flowables(illustration, entry.path, mirrored, layout, styles(layout), labels=frame_labels(words_for(DEFAULT)),
                                  caption=prints_caption(layout))
    frames = pose_drawings(illustration.pose, entry.path, inner_width(frame_width(layout)), mirrored)
    drawing = block_drawing(flowables, frames, flowables[0].width)
    inputs = Inputs()
    inputs.add_library(library)
    inputs.add(template_path, "the template")
    for path in pose_sources(illustration.pose, entry.path):
        inputs.add(path, "a pose file")
    with signals_as_exceptions():  # made in memory, then written like a handout: never onto an input, never half
        write_atomically(drawing_bytes(drawing, output.suffix, output), output, inputs)
