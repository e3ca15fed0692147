"""`handouts check`: validate files and score their reading level, without rendering."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput, Problem
from ..handout.assemble import unknown_ids
from ..handout.readability import grade, handout_text, patient_text
from ..reading.library import POSE, YAML_SUFFIXES, kind_of, load_library, what_is, yaml_files
from ..reading.models import Program
from ..reading.validate import validate
from ..reading.yamlio import read_yaml


def check_paths(paths: tuple[Path, ...], library_folders: tuple[Path, ...] = ()) -> list[str]:
    """Check the library (with any extra folders) and each given file; return a report.

    Raises InvalidInput with every problem found in every file, including text above
    the highest reading grade allowed.
    """
    problems: list[Problem] = []
    report: list[str] = []
    try:
        library = load_library(library_folders)
        report.append(f"library: {len(library.exercises)} exercises, {len(library.references)} references")
    except InvalidInput as error:
        problems.extend(error.problems)
        library = None
    if library is not None:
        for entry in library.exercises.values():
            score = grade(patient_text(entry.exercise))
            report.append(f"{entry.exercise.id}: {score}")
            if score.verdict == "too hard":
                problems.append(Problem(str(entry.path), 1, 1, "", f"reading {score} (use shorter words and sentences: grade 8 at most, 6 or below is the aim)"))
    files: list[Path] = []
    for path in paths:
        state = what_is(path)
        if state == "folder":
            files += yaml_files(path)
        elif state == "file" or (state == "missing" and path.suffix in YAML_SUFFIXES):
            files.append(path)  # read_yaml says what is wrong with it
        else:
            problems.append(Problem(str(path), 0, 0, "", "file not found" if state == "missing" else state))
    for path in files:
        try:
            document = read_yaml(path)
            kind = kind_of(document.data)
            model = _check_pose(path, document) if kind == POSE else validate(document, kind)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if isinstance(model, Program) and library is not None:
            unknown = unknown_ids(model, library, document, path)
            problems.extend(unknown)
            if not unknown:
                score = grade(handout_text(model, [library.exercises[item.id].exercise for item in model.exercises]))
                report.append(f"{path}: handout {score}")
                if score.verdict == "too hard":
                    problems.append(document.problem((), f"reading {score} (use shorter words and sentences in the notes)"))
                continue
        report.append(f"{path}: ok")
    if problems:
        raise InvalidInput(problems)
    return report


def _check_pose(path: Path, document) -> None:
    """A pose file as its picture would be drawn from it; a base pose as a base."""
    from ..pictures.pictogram.pose import load_pose_illustration
    from ..pictures.pictogram.pose_file import BasePose

    if "view" in document.data or "end" in document.data:
        load_pose_illustration(path)
    else:
        validate(document, BasePose)
