"""`handouts check`: validate files and score their reading level, without rendering.

A program is checked by the build's own first stages (commands.build: read, resolve
against the library, find its template, refuse letters no font has), so check refuses
what build refuses before layout; the library's entries and references are checked for
letters no font has by the same rule (page.printable) as a handout's.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import HandoutsError, InvalidInput, Problem
from ..handout.readability import grade, handout_text, patient_text
from ..page.printable import file_unprintable, library_unprintable
from ..reading.library import POSE, YAML_SUFFIXES, Library, kind_of, load_library, what_is, yaml_files
from ..reading.models import Program
from ..reading.validate import validate
from ..reading.yamlio import Document, read_yaml
from .build import Builder, Request


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
        problems.extend(library_unprintable(library))
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
    builder = Builder(tuple(library_folders), library) if library is not None else None
    for path in files:
        try:
            document = read_yaml(path)
            kind = kind_of(document.data)
            if kind == POSE:
                _check_pose(path, document)
                report.append(f"{path}: ok")
                continue
            model = validate(document, kind)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if isinstance(model, Program):
            if builder is not None:
                found = _check_program(builder, path, document, model, library)
                problems.extend(found[1])
                report.append(found[0])
            continue
        problems.extend(file_unprintable(document, model))
        report.append(f"{path}: ok")
    if problems:
        raise InvalidInput(problems)
    return report


def _check_program(builder: Builder, path: Path, document: Document, program: Program, library: Library) -> tuple[str, list[Problem]]:
    """A program as build reads it, up to the layout; its reading grade."""
    try:
        builder.handout(Request(program=str(path)))
    except InvalidInput as error:
        return f"{path}: not ok", error.problems
    except HandoutsError as error:
        return f"{path}: not ok", [Problem(str(path), 0, 0, "", line.removeprefix(f"{path}: ")) for line in error.lines()]
    score = grade(handout_text(program, [library.exercises[item.id].exercise for item in program.exercises]))
    problems = []
    if score.verdict == "too hard":
        problems.append(document.problem((), f"reading {score} (use shorter words and sentences in the notes)"))
    return f"{path}: handout {score}", problems


def _check_pose(path: Path, document) -> None:
    """A pose file as its picture would be drawn from it; a base pose as a base."""
    from ..pictures.pictogram.pose import load_pose_illustration
    from ..pictures.pictogram.pose_file import BasePose

    if "view" in document.data or "end" in document.data:
        load_pose_illustration(path)
    else:
        validate(document, BasePose)
