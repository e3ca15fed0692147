"""`handouts new`: a new exercise, program or pose file to fill in, never over an existing one.

A new exercise or program is commented YAML whose decisions are placeholders
(`<<FILL IN: ...>>`) that `check` and `build` refuse until they are replaced. An
exercise `--from` an existing entry is that entry's file under a new id, comments,
translations and pose included (a pose or picture file beside the entry is copied
beside the new one), so that a clinic makes its variant in a minute. A pose `--from` a
bundled pose is that pose's file, to change, next to the entries that use it.

Examples:
    handouts new exercise clamshell-chair --from clamshell --out-dir my-exercises
    handouts new pose clamshell-chair --from clamshell --out-dir my-exercises
    handouts new program ana-hips
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, NotFound, OutputError, Problem
from ..reading.library import YAML_SUFFIXES, Entry, load_library
from ..reading.validate import suggest
from ..reading.yamlio import parse_yaml, read_yaml
from . import scaffold_texts as texts
from .output import write_atomically

ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")  # as models.Id: what -e, --from and file names take
POSE_SUFFIX = ".pose.yaml"


@dataclass(frozen=True)
class Written:
    """A file `new` wrote, and what to do next (for the clinician, not for scripts)."""

    path: Path
    next_step: str | None = None


def new_exercise(exercise_id: str, folder: Path, source_id: str | None = None,
                 library_folders: tuple[Path, ...] = ()) -> list[Written]:
    """Write FOLDER/ID.yaml: a scaffold, or a copy of the entry `source_id` under the new id."""
    _check_id(exercise_id, "ID")
    destination = folder / f"{exercise_id}.yaml"
    if source_id is None:
        _refuse_existing([destination])
        write_atomically(texts.EXERCISE.replace("{id}", exercise_id).encode("utf-8"), destination)
        return [Written(destination, f"replace each <<FILL IN: ...>> in {destination}, then: handouts check {destination}")]
    entry = load_library(library_folders).entry(source_id)
    raw = entry.path.read_bytes()
    header = texts.FROM_EXERCISE.format(source=source_id, command=f"handouts new exercise {exercise_id} --from {source_id}")
    pose = entry.exercise.illustration.pose if entry.exercise.illustration else None
    if pose and not pose.endswith(YAML_SUFFIXES):  # a bundled pose: the new entry draws it as it is
        header += texts.OWN_POSE.format(id=exercise_id, pose=pose)
    text = header + _with_id(raw, entry.path, exercise_id)
    copies = [(entry.folder / name, folder / name) for name in _companions(entry)]
    if folder.resolve() == entry.folder.resolve():
        copies = []  # beside the source, its files are already where the new entry looks
    _refuse_existing([destination] + [to for origin, to in copies if not _same_file(origin, to)])
    written = []
    for origin, to in copies:
        if not _same_file(origin, to):
            to.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(origin.read_bytes(), to)
            written.append(Written(to))
    write_atomically(text.encode("utf-8"), destination)
    return [Written(destination, f"change what differs in {destination}, then: handouts check {destination}")] + written


def new_program(name: str, folder: Path) -> list[Written]:
    """Write FOLDER/NAME.yaml: a program scaffold."""
    _check_id(name, "NAME")
    destination = folder / f"{name}.yaml"
    _refuse_existing([destination])
    write_atomically(texts.PROGRAM.replace("{name}", name).encode("utf-8"), destination)
    return [Written(destination, f"replace each <<FILL IN: ...>> in {destination}, then: handouts build {destination} -o {name}.pdf")]


def new_pose(name: str, source: str, folder: Path) -> list[Written]:
    """Write FOLDER/NAME.pose.yaml: a copy of the bundled pose `source`."""
    from ..pictures.pictogram.files import bundled_pose_names, bundled_pose_path

    _check_id(name, "ID")
    if source not in bundled_pose_names():
        raise NotFound(f"no bundled pose named {source!r} ({suggest(source, bundled_pose_names())})")
    destination = folder / f"{name}{POSE_SUFFIX}"
    _refuse_existing([destination])
    header = texts.POSE.format(source=source, file=destination.name)
    write_atomically(header.encode("utf-8") + bundled_pose_path(source).read_bytes(), destination)
    return [Written(destination, _pose_step(folder / f"{name}.yaml", destination.name))]


def _pose_step(entry_path: Path, pose_file: str) -> str:
    """What to change so that an entry draws the new pose: said exactly when the entry is there."""
    try:
        data = read_yaml(entry_path).data
        written = data["illustration"]["pose"]
    except (InvalidInput, KeyError, TypeError):
        return f"write `pose: {pose_file}` under illustration: in an exercise entry in {entry_path.parent}"
    return f"in {entry_path}, change `pose: {written}` to `pose: {pose_file}`"


def _check_id(value: str, what: str) -> None:
    if not ID.fullmatch(value):
        raise InvalidInput([Problem("command line", 0, 0, what, f"{value!r} is not a valid id "
                                    "(use lower-case letters, digits and dashes, like 'clamshell-chair')")])


def _refuse_existing(destinations: list[Path]) -> None:
    for destination in destinations:
        if destination.exists() or destination.is_symlink():
            raise OutputError(f"{destination}: already exists; `handouts new` never writes over a file "
                              "(choose another id, or move the file away)")


def _same_file(origin: Path, to: Path) -> bool:
    """A file to copy that is already there, byte for byte (say, for a second variant)."""
    try:
        return to.is_file() and to.read_bytes() == origin.read_bytes()
    except OSError:
        return False


def _with_id(raw: bytes, path: Path, exercise_id: str) -> str:
    """The entry's text, as written, with its id replaced: at the position the reader gives."""
    document = parse_yaml(raw, str(path))
    text = raw.decode("utf-8-sig")
    line, column = document.where(("id",))
    lines = text.split("\n")
    old = document.data["id"]
    here = lines[line - 1]
    for written in (old, f"'{old}'", f'"{old}"'):
        if here[column - 1:].startswith(written):
            lines[line - 1] = here[:column - 1] + exercise_id + here[column - 1 + len(written):]
            return "\n".join(lines)
    raise InvalidInput([document.problem(("id",), f"cannot find the id to replace here (write it as `id: {old}`)")])


def _companions(entry: Entry) -> list[str]:
    """Files beside the entry that its illustration names, relative to its folder."""
    illustration = entry.exercise.illustration
    if illustration is None:
        return []
    found = list(illustration.pictures or [])
    if illustration.pose and illustration.pose.endswith(YAML_SUFFIXES):
        found.append(illustration.pose)
        base = _base_name(entry.folder / illustration.pose)
        if base and (entry.folder / Path(illustration.pose).parent / "base" / f"{base}.yaml").is_file():
            found.append(str(Path(illustration.pose).parent / "base" / f"{base}.yaml"))
    return [name for name in found if (entry.folder / name).is_file()]


def _base_name(pose_file: Path) -> str | None:
    try:
        base = read_yaml(pose_file).data.get("base")
    except InvalidInput:
        return None
    return base if isinstance(base, str) else None
