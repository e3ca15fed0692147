"""Reading YAML: the one place where files become plain Python data.

Every file goes through `read_yaml`, which uses the safe loader, keeps the line and
column of every value so that later errors can point at them, and refuses what YAML
allows but a handout file never needs: anchors and aliases (alias bombs), custom tags
(``!!python/object``), duplicate keys, and the YAML 1.1 readings that silently change a
value (``1:30`` read as 90, ``010`` read as 8, ``0x1F`` as 31, ``1_2`` as 12, text cut
off at `` #``). The events are walked as the parser makes them (yamlwalk), so the
tool's own limits on size, depth and values hold whichever PyYAML is installed.

PyYAML is imported when a file is first parsed: a build whose every file comes from
the cache (reading.cache) never loads it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidInput, Problem
from .document import Document, Path_, dotted

if TYPE_CHECKING:
    import yaml

__all__ = ["Document", "Path_", "dotted", "read_yaml", "parse_yaml", "read_file", "MAX_BYTES", "MAX_DEPTH", "MAX_VALUES"]

# A handout file is a few KB, a large bibliography a few hundred; with MAX_VALUES (yamlwalk)
# this keeps any file cheap to read or to refuse (tests/test_hostile.py measures the worst).
MAX_BYTES = 1_000_000
MAX_DEPTH = 40  # no handout file nests deeper than a handful of levels (yamlwalk stops there)
MAX_VALUES = 50_000  # the largest bibliography holds a few thousand; this keeps any file cheap
# libyaml's scanner looks up to 1,024 characters ahead of the value being read, and
# newer versions stop at 1,000 open brackets with an error of their own. A file with this
# many opening brackets within that distance is read by the pure-Python loader, which
# has no such limit, so that the walk's depth limit is always the one that speaks.
C_LOADER_DENSE_BRACKETS = 200
_LOOKAHEAD = 1_100
_OPENING = re.compile(r"[\[{]")
_NOT_TEXT = re.compile("[\ud800-\udfff\x00]")  # lone surrogates and NUL


def read_file(path: Path, display: str | None = None, kind: str = "YAML") -> tuple[bytes, os.stat_result]:
    """The bytes of an ordinary file of at most MAX_BYTES, and what fstat says of it; `kind`
    names the file the user should have named, in messages ("YAML", "CSV")."""
    name = display or str(path)
    try:
        # never block on a pipe (or a device) named as a file: open without waiting, then refuse it
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, "", "file not found")]) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise InvalidInput([Problem(name, 0, 0, "", f"cannot read: {getattr(error, 'strerror', None) or error}")]) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InvalidInput([Problem(name, 0, 0, "", f"is a folder, not a {kind} file")])
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput([Problem(name, 0, 0, "", f"is not an ordinary file (name a {kind} file)")])
        chunks, size = [], 0
        while size <= MAX_BYTES and (chunk := os.read(handle, MAX_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        raw = b"".join(chunks)
    except OSError as error:
        raise InvalidInput([Problem(name, 0, 0, "", f"cannot read: {error.strerror or error}")]) from None
    finally:
        os.close(handle)
    if len(raw) > MAX_BYTES:
        raise InvalidInput([Problem(name, 1, 1, "", f"file is larger than {MAX_BYTES // 1_000_000} MB (a handout file is a few KB)")])
    return raw, info


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read one YAML file whose top level must be a mapping; raise InvalidInput if not."""
    return parse_yaml(read_file(path, display)[0], display or str(path))


def parse_yaml(raw: bytes, name: str) -> Document:
    import yaml

    from . import frontmatter

    text = frontmatter.closed(_decode(raw, name))
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InvalidInput([Problem(name, 1, 1, "", "file is empty (write the fields as `key: value` lines)")])
    document = Document(name, None)
    loader = None
    try:
        loader = _loader_class(text)(text)  # the pure-Python reader checks every character here
        document.data, problems = _walk(loader, document, text)
    except yaml.YAMLError as error:
        raise InvalidInput([_yaml_problem(error, text, name)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise InvalidInput(problems)
    return document


def _walk(loader: yaml.BaseLoader, document: Document, text: str) -> tuple[object, list[Problem]]:
    """The one document's data and every problem in it, from the loader's events."""
    import yaml

    from .yamlwalk import Stop, Walker

    next_event = loader.get_event
    next_event(), next_event()  # the stream starts, the document starts
    event = next_event()
    if not isinstance(event, yaml.MappingStartEvent):
        kind = "a list" if isinstance(event, yaml.SequenceStartEvent) else "a single value"
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        raise InvalidInput([Problem(document.file, line, column, "", f"the top level is {kind}, not a mapping (write `key: value` lines)")])
    walker = Walker(document, text, next_event)
    try:
        data = walker.value(event, ())
    except Stop:  # a limit: nothing after it is read
        return None, walker.problems
    next_event()  # the document ends
    event = next_event()
    if not isinstance(event, yaml.StreamEndEvent):
        mark = event.start_mark
        walker.problems.append(Problem(document.file, mark.line + 1, mark.column + 1, "",
                                       "is not valid YAML: but found another document (check the indentation and quotes here)"))
    return data, walker.problems


def _loader_class(text: str) -> type:
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or _dense_brackets(text):
        return yaml.SafeLoader
    return fast


def _dense_brackets(text: str) -> bool:
    """Whether some stretch of the text, as long as libyaml looks ahead, opens many brackets."""
    if text.count("[") + text.count("{") < C_LOADER_DENSE_BRACKETS:
        return False
    at = [found.start() for found in _OPENING.finditer(text)]
    reach = max(C_LOADER_DENSE_BRACKETS - 1, 0)
    return any(last - first < _LOOKAHEAD for first, last in zip(at, at[reach:]))


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InvalidInput([Problem(name, line, column, "", f"is not UTF-8 text (byte 0x{raw[error.start]:02x}; save the file as UTF-8)")]) from None
    found = _NOT_TEXT.search(text)  # a regular expression: a loop over each character costs more than parsing
    bad = found.start() if found else None
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise InvalidInput([Problem(name, line, bad - text.rfind("\n", 0, bad), "", "contains a character that is not allowed in text (save the file as UTF-8)")])
    return text


def _yaml_problem(error: yaml.YAMLError, text: str, name: str) -> Problem:
    """PyYAML's error as one line: where, what, and what to do."""
    import yaml

    if isinstance(error, yaml.reader.ReaderError):  # a control character; its position is in bytes or characters
        at = text.find(chr(error.character)) if isinstance(error.character, int) else -1
        line, column = (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)) if at >= 0 else (1, 1)
        what = f"U+{error.character:04X}" if isinstance(error.character, int) else "a character"
        return Problem(name, line, column, "", f"contains the control character {what}, which YAML does not allow (remove it)")
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (error.problem or error.context or "cannot be read").strip()
        at_tab = bool(mark) and mark.index < len(text) and text[mark.index] == "\t"
        hint = " (use spaces, not tabs, to indent)" if at_tab or "tab" in what else " (check the indentation and quotes here)"
        return Problem(name, line, column, "", f"is not valid YAML: {what}{hint}")
    return Problem(name, 1, 1, "", f"is not valid YAML: {error}")
