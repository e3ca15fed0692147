"""`handouts check`: validate files and score their reading level, without rendering.

A program is checked by the build's own first stages (commands.build: read, resolve
against the library, find its template, refuse letters no font has), so check refuses
what build refuses before layout; the library's entries and references are checked for
letters no font has by the same rule (page.printable) as a handout's.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import HandoutsError, InvalidInput, Problem
from ..handout.readability import handout_text, patient_text, score
from ..page.printable import file_unprintable, library_unprintable
from ..reading.csl import read_references
from ..reading.library import (
    POSE,
    YAML_SUFFIXES,
    Library,
    kind_of,
    load_library,
    what_is,
    yaml_files,
)
from ..reading.models import Program
from ..reading.reference_model import References
from ..reading.translations import languages_of
from ..reading.validate import validate
from ..reading.yamlio import Document, read_yaml
from .build import Builder, Request

HOW_TO_EASE = {
    "en": "use shorter words and sentences: grade 8 at most, 6 or below is the aim",
    "es": "use shorter words and sentences: at least 60 and 50, and 80 and 65 are the aim",
}


class Checked(NamedTuple):
    """What `check` found: its report's lines, the problems that fail it, and the warnings
    (text above the grade aimed at, a note its cards contradict), which are in the report too."""

    report: list[str]
    problems: list[Problem]
    warnings: list[Problem]


def check_paths(paths: tuple[Path, ...], library_folders: tuple[Path, ...] = ()) -> list[str]:
    """Check the library (with any extra folders) and each given file; return a report.

    Raises InvalidInput with every problem found in every file, including text above
    the highest reading grade allowed.
    """
    checked = check_files(paths, library_folders)
    if checked.problems:
        raise InvalidInput(checked.problems)
    return checked.report


def check_json(paths: tuple[Path, ...], library_folders: tuple[Path, ...] = ()) -> None:
    """`check --json`: each problem and warning as one JSON line, in file order; a failed
    check still exits 1 (its problems' lines on standard error too)."""
    from ..errors import Failed
    from .json_output import emit_line, problem_record

    checked = check_files(paths, library_folders)
    problems = InvalidInput(checked.problems).problems if checked.problems else []  # as the text says them: once each
    found = [(p, "error") for p in problems] + [(w, "warning") for w in sorted(set(checked.warnings))]
    for problem, severity in sorted(found, key=lambda item: (item[0].file, item[0].line, item[0].column)):
        emit_line(problem_record(problem, severity))  # type: ignore[arg-type]
    if problems:
        raise Failed([str(p) for p in problems])


def check_files(paths: tuple[Path, ...], library_folders: tuple[Path, ...] = ()) -> Checked:
    """Check the library (with any extra folders) and each given file, and say what was found."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
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
            for language in languages_of(entry.exercise):
                found = score(patient_text(entry.exercise, language), language)
                label = entry.exercise.id if language == "en" else f"{entry.exercise.id} ({language})"
                report.append(f"{label}: {found}")
                if found.verdict != "ok":
                    said = Problem(str(entry.path), 1, 1, "", f"reading {found} ({HOW_TO_EASE[language]})")
                    (problems if found.verdict == "too hard" else warnings).append(said)
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
            model = read_references(document)[0] if kind is References else validate(document, kind)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if isinstance(model, Program):
            if builder is not None:
                lines, found, warned = _check_program(builder, path, document, model, library)
                problems.extend(found)
                warnings.extend(warned)
                report += lines
            continue
        problems.extend(file_unprintable(document, model))
        report.append(f"{path}: ok")
    return Checked(report, problems, warnings)


def _check_program(builder: Builder, path: Path, document: Document, program: Program,
                   library: Library) -> tuple[list[str], list[Problem], list[Problem]]:
    """A program as build reads it, up to the layout: its reading score in each of its
    languages, and what its notes say that its cards do not (as at build time)."""
    from ..handout.consistency import contradictions

    try:
        handout = builder.handout(Request(program=str(path)))
    except InvalidInput as error:
        return [f"{path}: not ok"], error.problems, []
    except HandoutsError as error:
        return [f"{path}: not ok"], [Problem(str(path), 0, 0, "", line.removeprefix(f"{path}: ")) for line in error.lines()], []
    exercises = [library.exercises[item.id].exercise for item in program.exercises]
    report, problems, warnings = [], [], []
    for language in languages_of(program, default=(program.language or "en")):
        found = score(handout_text(program, exercises, language), language)
        report.append(f"{path}: handout{'' if language == 'en' else f' ({language})'} {found}")
        if found.verdict != "ok":
            said = document.problem((), f"reading {found} (use shorter words and sentences in the notes)")
            (problems if found.verdict == "too hard" else warnings).append(said)
    said_against = contradictions(handout)
    report += [f"{path}: warning: {text}" for text in said_against]
    warnings += [Problem(str(path), 0, 0, "", text) for text in said_against]
    return report, problems, warnings


def _check_pose(path: Path, document) -> None:
    """A pose file as its picture would be drawn from it; a base pose as a base."""
    from ..pictures.pictogram.pose import load_pose_illustration
    from ..pictures.pictogram.pose_file import BasePose

    if "view" in document.data or "end" in document.data:
        load_pose_illustration(path)
    else:
        validate(document, BasePose)
