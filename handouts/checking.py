"""`handouts check`: validate files without rendering anything."""

from __future__ import annotations

from pathlib import Path

from .errors import InvalidInput, Problem
from .library import YAML_SUFFIXES, load_library, yaml_files
from .models import Exercise, Program, References, Template
from .validate import validate
from .yamlio import read_yaml


def kind_of(data: dict) -> type:
    """Which file kind a mapping is, from the keys only that kind has."""
    if "references" in data:
        return References
    if "exercises" in data:
        return Program
    if "margins_mm" in data or "type_pt" in data:
        return Template
    return Exercise


def check_paths(paths: tuple[Path, ...], library_folders: tuple[Path, ...] = ()) -> list[str]:
    """Check the library (with any extra folders) and each given file; return a report.

    Raises InvalidInput with every problem found in every file.
    """
    problems: list[Problem] = []
    report: list[str] = []
    try:
        library = load_library(library_folders)
        report.append(f"library: {len(library.exercises)} exercises, {len(library.references)} references: ok")
    except InvalidInput as error:
        problems.extend(error.problems)
        library = None
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
            model = validate(document, kind_of(document.data))
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if isinstance(model, Program) and library is not None:
            for i, item in enumerate(model.exercises):
                if item.id not in library.exercises:
                    from .validate import suggest

                    problems.append(document.problem(("exercises", i, "id"), f"no exercise with the id {item.id!r} ({suggest(item.id, library.exercises)})"))
        report.append(f"{path}: ok")
    if problems:
        raise InvalidInput(problems)
    return report
