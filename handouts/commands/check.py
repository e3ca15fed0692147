"""`handouts check`: validate files and score their reading level, without rendering."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput, Problem
from ..handout.assemble import unknown_ids
from ..handout.readability import SCORED, english, exercise_grade, grade, handout_text
from ..reading.library import YAML_SUFFIXES, kind_of, load_library, yaml_files
from ..reading.csl import read_references
from ..reading.models import Program, References
from ..reading.translations import localized
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
            score = exercise_grade(entry.exercise)
            if score is None:
                report.append(f"{entry.exercise.id}: no English text to score")
                continue
            report.append(f"{entry.exercise.id}: {score}")
            if score.verdict == "too hard":
                problems.append(Problem(str(entry.path), 1, 1, "", f"reading {score} (use shorter words and sentences: grade 8 at most, 6 or below is the aim)"))
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += yaml_files(path)
        elif path.suffix in YAML_SUFFIXES or path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), 0, 0, "", "file not found"))
    for path in files:
        try:
            document = read_yaml(path)
            kind = kind_of(document.data)
            model = read_references(document)[0] if kind is References else validate(document, kind)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if isinstance(model, Program) and library is not None:
            unknown = unknown_ids(model, library, document, path)
            problems.extend(unknown)
            if not unknown:
                program, missing = localized(model, SCORED, plain=model.language)
                exercises = [english(library.exercises[item.id].exercise) for item in model.exercises]
                if missing or None in exercises:
                    report.append(f"{path}: handout has no English text to score")
                    continue
                score = grade(handout_text(program, exercises))
                report.append(f"{path}: handout {score}")
                if score.verdict == "too hard":
                    problems.append(document.problem((), f"reading {score} (use shorter words and sentences in the notes)"))
                continue
        report.append(f"{path}: ok")
    if problems:
        raise InvalidInput(problems)
    return report
