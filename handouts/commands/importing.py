"""`handouts import free-exercise-db`: a folder of the database's entries into a library folder.

One pass over the entries, in the order of their ids: each JSON file is read and
converted (importing/), its photos (only when asked) checked as the clinic's own are,
its text read back through the library's own checks, its reading level scored, and
then its files written, each atomically and never over a file that is already there.
An entry that cannot be imported is named with the reason; none is left out unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InvalidInput, NotFound, OutputError, PictureError, Problem
from ..handout.readability import Grade, grade
from ..importing import free_exercise_db as fedb
from ..importing.defaults import clinic_defaults
from ..importing.entry_yaml import entry_text
from ..importing.steps import CannotFit
from ..page.fonts import describe, unprintable
from ..reading.library import load_clinic, load_library, yaml_files
from ..reading.models import Exercise
from ..reading.validate import validate
from ..reading.yamlio import parse_yaml, read_yaml
from .output import write_atomically

READS_HARD = "the steps read above grade 8: rewrite them in plain words"
BAD_PHOTO = "a photo cannot be used, so none was imported: add a picture or a pose"
UNPRINTABLE = "letters no font here prints: replace them"
CHECK_BOX_PT = (85.0, 102.0)  # about a card's picture, for the photo check (a build prepares its own size)


@dataclass(frozen=True)
class Outcome:
    """One entry's result: written, or kept as it was (its file is already there)."""

    upstream: str
    file: Path
    imported: fedb.Imported
    grade: Grade
    kept: bool = False


@dataclass
class Report:
    source: Path
    out: Path
    with_photos: bool
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # entries that could not be imported


def import_free_exercise_db(source: Path, out: Path, *, with_photos: bool = False, clinic: Path | None = None) -> Report:
    """Import every entry under `source` into the folder `out`; the report says what became of each."""
    folder = source / "exercises" if (source / "exercises").is_dir() else source
    if not folder.is_dir():
        raise NotFound(f"{source}: folder not found (name the free-exercise-db folder, or its exercises/ folder)")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not files:
        raise NotFound(f"{folder}: no free-exercise-db entries (*.json files) in this folder")
    defaults = clinic_defaults(*load_clinic(clinic)[:2]) if clinic else clinic_defaults(None, None)
    _make_folder(out)
    report = Report(source, out, with_photos)
    records: list[tuple[Path, fedb.Record]] = []
    for path in files:
        try:
            records.append((path, fedb.read_record(_read(path), str(path))))
        except InvalidInput as error:
            report.problems += error.problems
    ids = fedb.entry_ids((record.id for _, record in records), load_library().exercises)
    by_id, by_source = _already_there(out)
    for path, record in sorted(records, key=lambda pair: pair[1].id):
        entry_id = ids[record.id]
        try:
            report.outcomes.append(_one(path, record, entry_id, folder, out, defaults, with_photos,
                                        by_id.get(entry_id) or by_source.get(record.id)))
        except InvalidInput as error:
            report.problems += error.problems
    return report


def _one(path: Path, record: fedb.Record, entry_id: str, folder: Path, out: Path, defaults, with_photos: bool,
         there: Path | None) -> Outcome:
    target = out / f"{entry_id}.yaml"
    try:
        imported = fedb.convert(record, defaults, entry_id, with_photos=with_photos)
    except CannotFit as error:
        raise InvalidInput([Problem(str(path), 0, 0, "instructions", f"{error}; not imported")]) from None
    score = grade(imported.data["steps"])
    if there or target.exists():
        return Outcome(record.id, there or target, imported, score, kept=True)
    photos: list[tuple[bytes, Path]] = []
    try:
        photos = [(_checked_photo(name, path, folder), out / name_there) for name, name_there in imported.photos]
    except PictureError as error:
        imported = fedb.without_photos(imported, fedb.Flag(BAD_PHOTO, str(error)))
    if score.verdict == "too hard" and "steps" not in imported.defaulted:  # the source's words, not a default step
        imported = fedb.flagged(imported, fedb.Flag(READS_HARD, f"grade {score.worst:.1f}"))
    missing = sorted({c for text in _texts(imported.data) for c in unprintable(text)})
    if missing:
        imported = fedb.flagged(imported, fedb.Flag(UNPRINTABLE, describe(missing)))
    text = entry_text(imported.data, _comments(record, imported))
    validate(parse_yaml(text.encode("utf-8"), str(target)), Exercise)  # what the library will read, read now
    for data, destination in photos:  # the photos first: an entry never names a photo not yet there
        destination.parent.mkdir(exist_ok=True)
        if not destination.exists():
            write_atomically(data, destination)
    if target.exists():  # made while we worked (another import into the same folder): never written over
        return Outcome(record.id, target, imported, score, kept=True)
    write_atomically(text.encode("utf-8"), target)
    return Outcome(record.id, target, imported, score)


def _already_there(out: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """The entries in `out` by id, and by their id in the database: a clinician may have
    renamed a file, and a second entry of one id would stop the folder from loading."""
    by_id: dict[str, Path] = {}
    by_source: dict[str, Path] = {}
    for path in yaml_files(out):
        try:
            data = read_yaml(path).data
        except InvalidInput:
            continue  # not ours to judge here: `check` says what is wrong with it
        source = data.get("source")
        if isinstance(source, dict) and source.get("database") == fedb.DATABASE and isinstance(source.get("id"), str):
            by_source.setdefault(source["id"], path)
        if isinstance(data.get("id"), str):
            by_id.setdefault(data["id"], path)
    return by_id, by_source


def _checked_photo(name: str, entry_file: Path, folder: Path) -> bytes:
    """The photo's bytes, once it has passed the checks and preparation of the clinic's own."""
    from ..pictures.paths import resolve_picture_path
    from ..pictures.photo_files import read_capped
    from ..pictures.photos import prepare_picture

    path = resolve_picture_path(name, entry_file, [folder])
    prepare_picture(path, width_pt=CHECK_BOX_PT[0], height_pt=CHECK_BOX_PT[1])
    return read_capped(path)


def _comments(record: fedb.Record, imported: fedb.Imported) -> list[str]:
    lines = [f"Imported from {fedb.DATABASE} (entry {record.id}; {fedb.LICENCE}) by `handouts import`.",
             "The steps are the database's own words, written for gym users: check them before a patient reads them.",
             "The fields in source.defaulted hold conservative defaults, not the database's words: review them."]
    return lines + [f"Flagged: {flag}" for flag in imported.flags]


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for sub in value.values() for t in _texts(sub)]
    if isinstance(value, list):
        return [t for sub in value for t in _texts(sub)]
    return []


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(fedb.MAX_BYTES + 1)
    except OSError as error:
        raise InvalidInput([Problem(str(path), 0, 0, "", f"cannot read: {error.strerror}")]) from None


def _make_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file, not a folder (give the folder to import into)")
    if not out.parent.is_dir():
        raise OutputError(f"{out}: the folder {out.parent} does not exist (create it first)")
    try:
        out.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot make the folder ({error.strerror})") from None
