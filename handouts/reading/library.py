"""Finding and loading content: the exercise library, references, templates and programs.

The bundled library is read first; each `--library` folder is read after it, and an id
there replaces the bundled entry of the same id. Every file is read and checked before
anything is reported, so one run lists every problem.
"""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path
from typing import Iterable

import msgspec
from msgspec import field

from ..errors import InvalidInput, NotFound, Problem
from .cache import FolderCache, recall_document, remember_document
from .csl import read_references
from .document import Document
from .models import Clinic, Exercise, Program
from .reference_model import Reference, References
from .resources import bundled
from .template_model import Template
from .validate import suggest, validate
from .yamlio import parse_yaml, read_file, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")


class Entry(msgspec.Struct, frozen=True):
    """An exercise with the file it came from, for error positions and relative paths."""

    exercise: Exercise
    document: Document
    path: Path

    @property
    def folder(self) -> Path:
        return self.path.parent


class Library(msgspec.Struct, frozen=True):
    exercises: dict[str, Entry] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    folders: tuple[Path, ...] = ()
    files: dict[tuple[int, int], Path] = field(default_factory=dict)  # every file read, by (device, inode)
    # where each reference was read: its file's document, and its place in it, for errors
    reference_places: dict[str, tuple[Document, tuple]] = field(default_factory=dict)

    def entry(self, exercise_id: str) -> Entry:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise NotFound(self.unknown(exercise_id)) from None

    def unknown(self, exercise_id: str) -> str:
        """The message for an exercise id the library lacks, with the closest it has."""
        return f"no exercise with the id {exercise_id!r} ({suggest(exercise_id, self.exercises)})"


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files under `folder`, in a stable order: the files `folder.rglob("*")`
    finds (through a link to a file, never into a linked folder) whose suffix is a YAML
    one, sorted as paths sort (part by part). Found with os.scandir, which says what each
    name is without a stat call or a Path for every name: a tenth of the time rglob takes."""
    found: list[Path] = []
    _scan(str(folder), found)
    return sorted(found, key=lambda path: path.parts)


def _scan(folder: str, found: list[Path]) -> None:
    try:
        entries = list(os.scandir(folder))
    except PermissionError:  # as rglob does: a folder it may not read holds nothing for it
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _scan(entry.path, found)
            continue
        dot = entry.name.rfind(".")  # Path.suffix: from the last dot, unless it starts the name
        if dot > 0 and entry.name[dot:] in YAML_SUFFIXES and entry.is_file():
            found.append(Path(entry.path))


# A pose file (images/poses/README.md), or a base pose, may sit next to its exercise in a
# library folder; it has no id, and keys no other kind has.
POSE_KEYS = frozenset({"view", "base", "start", "end", "props", "arrows", "orientation", "layout", "turn", "look_down", "align", "planted"})
POSE = "pose"  # its kind: drawn (and checked) where an exercise names it, never read as an entry


def kind_of(data: dict) -> type | str:
    """Which file kind a mapping is, from the keys only that kind has."""
    if "id" not in data and not POSE_KEYS.isdisjoint(data):
        return POSE
    if "references" in data:
        return References
    if "exercises" in data:
        return Program
    if "margins_mm" in data or "type_pt" in data:
        return Template
    if "steps" not in data and ("phone" in data or "email" in data or "address" in data):
        return Clinic
    return Exercise


def load_library(extra_folders: Iterable[Path] = ()) -> Library:
    """The bundled library plus the clinic's folders; InvalidInput lists every problem."""
    # Reading makes many small objects and no garbage cycles, so the cycle collector would
    # only rescan everything already imported, again and again: a fifth of the time for a
    # library of 1,000 entries. Paused while reading, and restored as it was.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_library(extra_folders)
    finally:
        settled()
        if was_enabled:
            gc.enable()


def settled() -> None:
    """Move every object the collector tracks to its oldest generation, without looking at
    them. Pausing the collector does not stop it counting: the first collection after a
    pause would scan all that was made during it (what a library of 1,000 entries is made
    of: 0.07 s of `handouts list`, in one collection), to find it all alive, as it is for
    as long as the library. In the oldest generation it waits for a full collection,
    which comes only once the process holds a quarter more than it did (and finds any
    garbage there as before: nothing is kept from the collector, as gc.freeze alone would)."""
    gc.freeze()  # every generation into the permanent one: a list splice, no traversal
    gc.unfreeze()  # ... and all of it back, into the oldest


def _load_library(extra_folders: Iterable[Path]) -> Library:
    folders = [bundled("exercises"), bundled("references"), *[Path(f) for f in extra_folders]]
    problems: list[Problem] = []
    exercises: dict[str, Entry] = {}
    references: dict[str, Reference] = {}
    places: dict[str, tuple[Document, tuple]] = {}
    files: dict[tuple[int, int], Path] = {}
    for folder in folders:
        state = what_is(folder)
        if state != "folder":
            raise NotFound(f"{folder}: " + ("library folder not found" if state in ("missing", "file") else state))
        in_this_folder: dict[str, Entry] = {}
        cache = FolderCache(folder)
        for path in yaml_files(folder):
            try:
                document, model = _read_valid(cache, path)
            except InvalidInput as error:
                problems.extend(error.problems)
                continue
            cache.keep(path, document)
            if isinstance(model, References):
                for i, reference in enumerate(model.references):
                    references[reference.id] = reference
                    places[reference.id] = (document, ("references", i))
                continue
            if not isinstance(model, Exercise):
                continue  # a pose file, drawn where an exercise names it
            exercise = model
            if exercise.id in in_this_folder:
                other = in_this_folder[exercise.id].path
                problems.append(document.problem(("id",), f"duplicate id {exercise.id!r} (also used by {other}; give one a new id)"))
                continue
            in_this_folder[exercise.id] = exercises[exercise.id] = Entry(exercise, document, path)
        cache.save()
        files.update(cache.identities)
    library = Library(exercises, references, tuple(folders), files, places)
    problems.extend(_broken_links(library))
    if problems:
        raise InvalidInput(problems)
    return library


def _read_valid(cache: FolderCache, path: Path) -> tuple[Document, Exercise | References | None]:
    """A library file's document and model (None for a pose file), from the cache when it holds them."""
    document, recalled = cache.read(path)
    try:
        return _model(document)
    except InvalidInput:
        if not recalled:
            raise
    document = cache.reread(path)  # the cache held what its file does not validate as: the file speaks
    return _model(document)


def _model(document: Document) -> tuple[Document, Exercise | References | None]:
    """The file's model, and its document as checked (a references file's dates as text)."""
    kind = kind_of(document.data)
    if kind == POSE:
        return document, None
    if kind is References:
        found, document = read_references(document)
        return document, found
    return document, validate(document, Exercise)


def _broken_links(library: Library) -> list[Problem]:
    """Progressions, regressions and citations that name nothing."""
    found = []
    poses = _bundled_poses()
    for entry in library.exercises.values():
        exercise, document = entry.exercise, entry.document
        for kind in ("progression", "regression"):
            for i, target in enumerate(getattr(exercise, kind)):
                if target not in library.exercises:
                    found.append(document.problem((kind, i), library.unknown(target)))
        if exercise.illustration and exercise.illustration.pose:
            missing = pose_problem(exercise.illustration.pose, entry.path, poses)
            if missing:
                found.append(document.problem(("illustration", "pose"), missing))
        for i, citation in enumerate(exercise.citations):
            if citation.id not in library.references:
                found.append(document.problem(("citations", i, "id"), f"no reference with the id {citation.id!r} ({suggest(citation.id, library.references)})"))
        for i, caution in enumerate(exercise.cautions):
            for j, cited in enumerate(caution.citations):
                if cited not in library.references:
                    found.append(document.problem(("cautions", i, "citations", j), f"no reference with the id {cited!r} ({suggest(cited, library.references)})"))
    return found


def pose_problem(name: str, source: Path | None, bundled_poses: list[str] | None = None) -> str | None:
    """What is wrong with a pose named in `source` (a YAML file), or None.

    Only whether the pose exists is checked here, so that `check` finds a misspelt pose;
    what is inside a pose file is checked when it is drawn.
    """
    if name.endswith(YAML_SUFFIXES):
        if source is None or not (source.parent / name).is_file():
            return f"pose file {name!r} not found next to this file"
        return None
    names = _bundled_poses() if bundled_poses is None else bundled_poses
    return None if name in names else f"no bundled pose named {name!r} ({suggest(name, names)})"


def _bundled_poses() -> list[str]:
    return [path.stem for path in (bundled("images") / "poses").glob("*.yaml")]


def what_is(path: Path) -> str:
    """'file', 'folder' or 'missing'; else why the path cannot be read, in words."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as error:  # a name longer than the file system allows, a loop of links...
        return f"cannot be read ({error.strerror or error})"
    except ValueError:
        return "cannot be read (the name holds a NUL character)"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    return "file" if stat.S_ISREG(info.st_mode) else "is not an ordinary file (name a YAML file)"


def named_file(kind: str, name_or_path: str | Path, folder: Path | None = None) -> Path:
    """A file given by path (relative to `folder` if given, else to the working folder), or
    the bundled `kind` file of that name."""
    path = Path(name_or_path)
    if folder is not None and not path.is_absolute():
        path = folder / path
    state = what_is(path)
    if path.suffix in YAML_SUFFIXES or state != "missing":
        if state == "file":
            return path
        what = {"missing": f"{kind[:-1]} file not found", "folder": f"is a folder, not a {kind[:-1]} file"}.get(state, state)
        raise NotFound(f"{path}: {what}")
    folder = bundled(kind)
    candidate = folder / f"{name_or_path}.yaml"
    if candidate.is_file():
        return candidate
    known = [p.stem for p in yaml_files(folder)]
    raise NotFound(f"no {kind[:-1]} named {str(name_or_path)!r} ({suggest(str(name_or_path), known)})")


def load_template(name_or_path: str | Path, folder: Path | None = None) -> tuple[Template, Path]:
    """A template by bundled name or by path (relative to `folder` if given), and its file.

    A template says nothing about a patient, so its document is kept in the cache, found
    by its bytes, as a library file's is: a build of entries alone then parses no YAML."""
    path = named_file("templates", name_or_path, folder)
    raw, _ = read_file(path)
    recalled = recall_document(TEMPLATE_KIND, raw, str(path))
    if recalled is not None:
        try:
            return validate(recalled, Template), path
        except InvalidInput:
            pass  # the cache held what its file does not validate as: the file speaks
    document = parse_yaml(raw, str(path))
    template = validate(document, Template)
    remember_document(TEMPLATE_KIND, raw, document)
    return template, path


TEMPLATE_KIND = "template-1"  # the cache's name for templates' documents


def load_program(name_or_path: str | Path) -> tuple[Program, Document, Path]:
    path = named_file("programs", name_or_path)
    document = read_yaml(path)
    return validate(document, Program), document, path


def load_clinic(path: str | Path) -> tuple[Clinic, Document, Path]:
    """A clinic file: name, contact and logo, shared by every handout of the clinic."""
    path = Path(path)
    document = read_yaml(path)
    return validate(document, Clinic), document, path
