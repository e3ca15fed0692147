"""A cache of library files already read, so that a large library loads quickly.

Reading a YAML file while keeping every position costs about a quarter of a millisecond,
which is most of `handouts list` over a library of a thousand entries. Each library
folder's valid files are kept as JSON (only data: never pickle) in the user's cache
folder, keyed by path, size, modification time and the tool's version; a changed file
is read again. Pictograms drawn from pose files are kept too (`recall`, `remember`):
building one from its pose costs a few milliseconds, the most of any step of a build.
`HANDOUTS_NO_CACHE=1` turns the cache off; `HANDOUTS_CACHE_DIR` moves it. The cache
holds exercise entries, references and pictures, never anything about a patient.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from .. import __version__
from .yamlio import Document, read_yaml

FORMAT = 1


def cache_dir() -> Path | None:
    if os.environ.get("HANDOUTS_NO_CACHE"):
        return None
    if os.environ.get("HANDOUTS_CACHE_DIR"):
        return Path(os.environ["HANDOUTS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "handouts"


class FolderCache:
    """The read documents of one library folder, reused while their files are unchanged."""

    def __init__(self, folder: Path):
        directory = cache_dir()
        name = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        self.file = directory / f"{name}.json" if directory else None
        self.entries: dict[str, dict] = self._load()
        self.fresh: dict[str, dict] = {}
        self.stamps: dict[str, list[int]] = {}

    def _load(self) -> dict[str, dict]:
        if self.file is None:
            return {}
        try:
            saved = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no cache yet, or a damaged one: read the files
        if not isinstance(saved, dict) or saved.get("format") != FORMAT or saved.get("version") != __version__:
            return {}
        entries = saved.get("entries")
        return entries if isinstance(entries, dict) else {}

    def read(self, path: Path) -> Document:
        """The document of `path`, from the cache when the file is unchanged."""
        key = str(path)
        # stamped before reading: a file changed while it is read is read again next time
        stamp = _stamp(path)
        if stamp is None:
            return read_yaml(path)  # read_yaml says what is wrong
        self.stamps[key] = stamp
        entry = self.entries.get(key)
        if entry is not None and entry.get("stamp") == stamp:
            try:
                document = _decode(key, entry)
                self.fresh[key] = entry
                return document
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry: read the file
        return read_yaml(path)

    def keep(self, path: Path, document: Document) -> None:
        """Remember a document that validated, for the next run."""
        key = str(path)
        if key in self.fresh or key not in self.stamps:
            return
        entry = {"stamp": self.stamps[key], **_encode(document)}
        try:
            json.dumps(entry)  # only plain data is kept (a date, say, is not)
        except (TypeError, ValueError):
            return
        self.fresh[key] = entry

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is skipped."""
        if self.file is None or self.fresh == self.entries:
            return
        _write(self.file, {"format": FORMAT, "version": __version__, "entries": self.fresh})


def _encode(document: Document) -> dict:
    return {
        "data": document.data,
        "positions": [[list(p), *where] for p, where in document.positions.items()],
        "key_positions": [[list(p), *where] for p, where in document.key_positions.items()],
        "plain_text": [[list(p), text] for p, text in document.plain_text.items()],
    }


def _decode(name: str, entry: dict) -> Document:
    return Document(
        name,
        entry["data"],
        positions={tuple(p): (line, column) for p, line, column in entry["positions"]},
        key_positions={tuple(p): (line, column) for p, line, column in entry["key_positions"]},
        plain_text={tuple(p): text for p, text in entry["plain_text"]},
    )


def _stamp(path: Path) -> list[int] | None:
    """Size and modification time of an ordinary file; None when there is none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns] if stat.S_ISREG(info.st_mode) else None


def _entry_file(kind: str, key: list) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    name = hashlib.sha256(json.dumps([kind, key]).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return directory / kind / f"{name}.json"


def recall(kind: str, key: list) -> dict | None:
    """What `remember` kept under `key`, if every file it was made from is unchanged."""
    file = _entry_file(kind, key)
    if file is None:
        return None
    try:
        saved = json.loads(file.read_text(encoding="utf-8"))
        if saved["format"] != FORMAT or saved["version"] != __version__ or saved["key"] != key:
            return None
        if any(_stamp(Path(source)) != stamp for source, stamp in saved["sources"]):
            return None
        return saved["value"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or damaged: make it again


def remember(kind: str, key: list, sources: Iterable[Path], value: dict) -> None:
    """Keep `value` (plain data) for `recall`, for as long as `sources` do not change.

    A source that does not exist is kept as such: a file that appears there later, such
    as a base pose next to a pose file, makes the entry stale.
    """
    file = _entry_file(kind, key)
    if file is None:
        return
    _write(file, {"format": FORMAT, "version": __version__, "key": key,
                  "sources": [[str(source), _stamp(source)] for source in sources], "value": value})


def _write(file: Path, data: dict) -> None:
    """Write `data` as JSON in one step (never half a file); a cache that cannot be written is skipped."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(temporary, file)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # no half-written file left behind
