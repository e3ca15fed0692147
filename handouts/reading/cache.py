"""A cache of what was read and drawn before, proven to belong to the files as they are now.

Reading a YAML file while keeping every position costs about a quarter of a millisecond,
which is most of `handouts list` over a library of a thousand entries; drawing a pictogram
from its pose costs a few milliseconds, the most of any step of a build. Both are kept,
as data only (JSON, never pickle), in the user's cache folder.

How an entry proves it is the file's own and intact:
- it is found by the SHA-256 digest of the file's bytes as they are read now (never by
  a path, a size or a time, which an edit can keep: `cp -p`, `rsync -t`, `tar`), and a
  library file is parsed from those very bytes on a miss;
- each cache file begins with the SHA-256 digest of the rest, so a truncated, damaged or
  edited file is ignored whole, and made again;
- what is inside is decoded against a strict shape (msgspec), so a wrong-typed, NaN or
  foreign value is ignored too, never trusted, and never reaches a handout; a cached
  document's types are validated like a file's, and one that fails is read from its
  file again;
- a folder's cache keeps only documents that validated, and is used only under the
  rules they validated by (`reading_rules`: the reading code, msgspec, the catalogues).

No path is stored, in a name or inside: a folder's cache file is named by the folder's
device and inode, and a picture's by the digests of its pose and base files. Only
exercise entries, references, templates, pictures, reading grades, the locale's
date names and the body font with a plain zero (page/plain_zero.py) are kept, never anything about a patient.
`HANDOUTS_NO_CACHE=1` turns the cache off; `HANDOUTS_CACHE_DIR` moves it.
"""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any, TypeVar

import msgspec
from msgspec import Meta

from .. import __version__
from ..errors import InvalidInput
from .document import Document
from .yamlio import parse_yaml, read_file

FORMAT = 3
MAX_CACHE_FILE = 64 * 1024 * 1024  # a damaged or foreign file is never read whole
T = TypeVar("T")


def cache_dir() -> Path | None:
    if os.environ.get("HANDOUTS_NO_CACHE"):
        return None
    if os.environ.get("HANDOUTS_CACHE_DIR"):
        return Path(os.environ["HANDOUTS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "handouts"


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def file_digest(path: Path) -> str | None:
    """The digest of an ordinary file's bytes; None when there is none to read."""
    try:
        return digest(read_file(path)[0])
    except InvalidInput:
        return None


Position = tuple[list[str | int], Annotated[int, Meta(ge=0)], Annotated[int, Meta(ge=0)]]


class Saved(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One file's document, as kept: its data and where each value sits."""

    data: dict[str, Any]
    positions: list[Position]
    key_positions: list[Position]
    plain_text: list[tuple[list[str | int], str]]


class Kept(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A library file's document, as its folder's cache file keeps it: Saved, but where
    each value sits kept as the JSON it is (msgspec.Raw, a view of the file's bytes), and
    decoded against its strict shape when first asked for. It is wanted only to say where
    a problem is, which a file that validated seldom has; decoded with the rest, it was
    half the objects of a library's cache: for 1,000 entries, a sixth of `handouts list`
    to decode them and free them again. The file's JSON is the same as Saved's."""

    data: dict[str, Any]
    positions: msgspec.Raw
    key_positions: msgspec.Raw
    plain_text: list[tuple[list[str | int], str]]


class FolderFile(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    version: str
    rules: str  # reading_rules() when it was written
    entries: dict[str, Kept]  # by the digest of the file's bytes


class FolderCache:
    """The read documents of one library folder's files, found by their content."""

    def __init__(self, folder: Path):
        self.file = _folder_file(folder)
        saved = _load(self.file, FolderFile) if self.file else None
        ok = saved is not None and saved.format == FORMAT and saved.version == __version__ and saved.rules == reading_rules()
        self.entries: dict[str, Kept] = saved.entries if ok else {}
        self.fresh: dict[str, Kept] = {}  # what the next run will find: the entries of the files read now
        self.made = False  # whether any entry was made anew
        self.digests: dict[Path, str] = {}
        self.identities: dict[tuple[int, int], Path] = {}  # (device, inode) of every file read

    def read(self, path: Path) -> tuple[Document, bool]:
        """The document of `path`, and whether it came from the cache (InvalidInput as read_yaml)."""
        raw, info = read_file(path)
        self.identities[(info.st_dev, info.st_ino)] = path
        key = self.digests[path] = digest(raw)
        saved = self.entries.get(key)
        if saved is not None:
            self.fresh[key] = saved
            return Recalled(str(path), saved, validated=True), True
        return parse_yaml(raw, str(path)), False

    def reread(self, path: Path) -> Document:
        """The document of `path` from the file itself, its cache entry forgotten (one that did not validate)."""
        self.fresh.pop(self.digests.pop(path, ""), None)
        raw, _ = read_file(path)
        self.digests[path] = digest(raw)
        return parse_yaml(raw, str(path))

    def keep(self, path: Path, document: Document) -> None:
        """Remember a document that validated, for the next run."""
        key = self.digests.get(path)
        if key is None or key in self.fresh:
            return
        saved = _saved(document)
        if saved is not None:
            self.made = True
            self.fresh[key] = Kept(saved.data, *(msgspec.Raw(msgspec.json.encode(p)) for p in (saved.positions, saved.key_positions)),
                                   saved.plain_text)

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is skipped."""
        if self.file is None or (not self.made and self.fresh.keys() == self.entries.keys()):
            return
        _write(self.file, FolderFile(FORMAT, __version__, reading_rules(), self.fresh))


def _saved(document: Document) -> Saved | None:
    """A document as the cache keeps it; None for one whose data is not plain, finite JSON (a date, say)."""
    try:
        json.dumps(document.data, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return Saved(
        document.data,
        [(list(p), *where) for p, where in document.positions.items()],
        [(list(p), *where) for p, where in document.key_positions.items()],
        [(list(p), text) for p, text in document.plain_text.items()],
    )


def recall_document(kind: str, raw: bytes, name: str) -> Document | None:
    """The document of a file whose bytes are `raw`, as `remember_document` kept it; None
    when there is none. Only for files that say nothing about a patient (a template)."""
    saved = recall(kind, [digest(raw)], Saved)
    return Recalled(name, saved) if saved is not None else None


def remember_document(kind: str, raw: bytes, document: Document) -> None:
    """Keep the document read from `raw` (one that validated) for `recall_document`."""
    saved = _saved(document)
    if saved is not None:
        remember(kind, [digest(raw)], saved)


class Recalled(Document):
    """A document from the cache. Its positions are wanted only for a problem, which a file
    that validated seldom has: they are laid out when first asked for, not for every entry."""

    def __init__(self, name: str, saved: Saved | Kept, validated: bool = False):  # (Document's own __init__ would set the positions)
        self.file, self.data, self._saved = name, saved.data, saved
        self.validated = validated

    @functools.cached_property
    def positions(self) -> dict:  # type: ignore[override]
        return {tuple(p): (line, column) for p, line, column in self._where(self._saved.positions)}

    @functools.cached_property
    def key_positions(self) -> dict:  # type: ignore[override]
        return {tuple(p): (line, column) for p, line, column in self._where(self._saved.key_positions)}

    @staticmethod
    def _where(kept: list[Position] | msgspec.Raw) -> list[Position]:
        """Positions as kept, in their strict shape; none when they are not (a problem is
        then said without its line, never with a wrong one)."""
        if not isinstance(kept, msgspec.Raw):
            return kept
        try:
            return msgspec.json.decode(kept, type=list[Position])
        except msgspec.DecodeError:  # (a ValidationError is one)
            return []

    @functools.cached_property
    def plain_text(self) -> dict:  # type: ignore[override]
        return {tuple(p): text for p, text in self._saved.plain_text}


@functools.cache
def reading_rules() -> str:
    """A digest of all that decides whether a library file is valid: the reading code
    (an edit, not only a new version), msgspec's version and the languages there are
    catalogues for. A folder's cache keeps only documents that validated, and is used
    only under the same rules: so a document from it is known to hold no placeholder and
    no half-done translation, which are not checked again (a tenth of a second of
    listing 1,000 entries); its types are, by the conversion that makes its model."""
    from .translations import known_languages  # (translations reads the locale folder: not at import)

    found = hashlib.sha256(f"{msgspec.__version__}\0{','.join(known_languages())}".encode())
    for file in sorted(Path(__file__).parent.glob("*.py")):  # about 120 KB: well under a millisecond
        found.update(b"\0" + file.name.encode() + b"\0" + file.read_bytes())
    return found.hexdigest()[:20]


def _folder_file(folder: Path) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        info = folder.stat()
    except OSError:
        return None
    return directory / f"folder-{_name(['folder', info.st_dev, info.st_ino])}.json"


class Entry(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    version: str
    key: list[str | int | float | bool | None]
    value: dict[str, Any]


def recall(kind: str, key: list, shape: type[T]) -> T | None:
    """What `remember` kept under `key` (plain values: digests, sizes), in `shape`; None when
    there is none, or it is damaged, or of another version or key."""
    file = _entry_file(kind, key)
    saved = _load(file, Entry) if file else None
    if saved is None or saved.format != FORMAT or saved.version != __version__ or saved.key != key:
        return None
    try:
        return msgspec.convert(saved.value, shape, strict=True)
    except msgspec.ValidationError:
        return None


def remember(kind: str, key: list, value: msgspec.Struct) -> None:
    """Keep `value` for `recall` under `key`, which must hold every digest the value depends on."""
    file = _entry_file(kind, key)
    if file is not None:
        _write(file, Entry(FORMAT, __version__, key, msgspec.to_builtins(value)))


def _entry_file(kind: str, key: list) -> Path | None:
    directory = cache_dir()
    return directory / kind / f"{_name([kind, FORMAT, *key])}.json" if directory else None


def _name(parts: list) -> str:
    return digest(json.dumps(parts).encode("utf-8", "surrogatepass"))[:32]


def _load(file: Path, shape: type[T]) -> T | None:
    """A cache file's content, if its digest line proves it whole and it has `shape`."""
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_CACHE_FILE + 1)
    except OSError:
        return None  # none yet
    head, _, body = raw.partition(b"\n")
    if len(raw) > MAX_CACHE_FILE or head != digest(body).encode("ascii"):
        return None  # damaged, cut short, edited or foreign: made again
    try:
        return msgspec.json.decode(body, type=shape)
    except msgspec.DecodeError:
        return None


def _write(file: Path, data: msgspec.Struct) -> None:
    """Write `data`, after its digest, in one step (never half a file); a cache that cannot be written is skipped."""
    try:
        body = msgspec.json.encode(data)
    except (TypeError, ValueError, OverflowError):
        return
    try:
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".", suffix=".part")  # private: 0600
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(digest(body).encode("ascii") + b"\n" + body)
        os.replace(temporary, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # no half-written file left behind
