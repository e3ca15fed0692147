"""`handouts check`: validate files and score their reading level, without rendering."""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput, Problem
from ..handout.assemble import unknown_ids
from ..handout.readability import handout_text, patient_text, score
from ..reading.csl import read_references
from ..reading.library import YAML_SUFFIXES, kind_of, load_library, yaml_files
from ..reading.models import Program
from ..reading.reference_model import References
from ..reading.translations import languages_of
from ..reading.validate import validate
from ..reading.yamlio import read_yaml

HOW_TO_EASE = {
    "en": "use shorter words and sentences: grade 8 at most, 6 or below is the aim",
    "es": "use shorter words and sentences: at least 60 and 50, and 80 and 65 are the aim",
}


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
            for language in languages_of(entry.exercise):
                found = score(patient_text(entry.exercise, language), language)
                label = entry.exercise.id if language == "en" else f"{entry.exercise.id} ({language})"
                report.append(f"{label}: {found}")
                if found.verdict == "too hard":
                    problems.append(Problem(str(entry.path), 1, 1, "", f"reading {found} ({HOW_TO_EASE[language]})"))
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
                exercises = [library.exercises[item.id].exercise for item in model.exercises]
                for language in languages_of(model, default=(model.language or "en")):
                    found = score(handout_text(model, exercises, language), language)
                    report.append(f"{path}: handout{'' if language == 'en' else f' ({language})'} {found}")
                    if found.verdict == "too hard":
                        problems.append(document.problem((), f"reading {found} (use shorter words and sentences in the notes)"))
                report += [f"{path}: warning: {text}" for text in _contradictions(path, library_folders)]
                continue
        report.append(f"{path}: ok")
    if problems:
        raise InvalidInput(problems)
    return report


def _contradictions(path: Path, library_folders: tuple[Path, ...]) -> list[str]:
    """What the program's notes say that its cards do not: the same check as at build time."""
    from ..handout.consistency import contradictions
    from .build import Builder, Request

    try:
        return contradictions(Builder(library_folders).handout(Request(program=str(path))))
    except InvalidInput:
        return []  # its problems are reported with the file's own
