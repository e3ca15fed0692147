"""Reading YAML: the one place where files become plain Python data.

Every file goes through `read_yaml`, which uses the safe loader, keeps the line and
column of every value so that later errors can point at them, and refuses what YAML
allows but a handout file never needs: anchors and aliases (alias bombs), custom tags
(``!!python/object``), duplicate keys, and the YAML 1.1 readings that silently change a
value (``1:30`` read as 90, ``010`` read as 8, text cut off at `` #``).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ..errors import InvalidInput, Problem
from . import frontmatter

Path_ = tuple[str | int, ...]

MAX_BYTES = 2_000_000  # a handout file is a few KB; this keeps hostile files cheap to refuse
MAX_DEPTH = 40  # no handout file nests deeper than a handful of levels
# libyaml's C composer recurses without a limit and crashes on tens of thousands of
# nested levels; past this possible depth the pure-Python loader is used, whose
# RecursionError we can catch. Flow levels each need a bracket; block levels each sit
# further right than their parent's parent (`- - - - x` nests on one line), so a
# file's depth is at most its brackets plus twice its longest line.
C_LOADER_MAX_BRACKETS = 2_000

_STR_TAG = "tag:yaml.org,2002:str"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_NOT_TEXT = re.compile("[\ud800-\udfff\x00]")  # lone surrogates and NUL
_SURROGATE = re.compile("[\ud800-\udfff]")
_COMMENT_AFTER = re.compile(r"^\s+#\S")


@dataclass
class Document:
    """One YAML file's data and where each value sits in the file."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # the source text of plain scalars that YAML turned into something other than text,
    # so that "expected text" errors can say what was written
    plain_text: dict[Path_, str] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest ancestor."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (0, 0))  # (0, 0): no file position, e.g. the command line

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, dotted(path), message)


def dotted(path: Path_) -> str:
    """`('exercises', 2, 'dosage')` -> `exercises[2].dosage`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read one YAML file whose top level must be a mapping; raise InvalidInput if not."""
    name = display or str(path)
    try:
        # never block on a pipe (or a device) named as a file: open without waiting, then refuse it
        with open(path, "rb", opener=lambda p, flags: os.open(p, flags | getattr(os, "O_NONBLOCK", 0))) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InvalidInput([Problem(name, 0, 0, "", "is not an ordinary file (name a YAML file)")])
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, "", "file not found")]) from None
    except IsADirectoryError:
        raise InvalidInput([Problem(name, 0, 0, "", "is a folder, not a YAML file")]) from None
    except OSError as error:
        raise InvalidInput([Problem(name, 0, 0, "", f"cannot read: {error.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        raise InvalidInput([Problem(name, 1, 1, "", f"file is larger than {MAX_BYTES // 1_000_000} MB (a handout file is a few KB)")])
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> Document:
    text = frontmatter.closed(_decode(raw, name))
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InvalidInput([Problem(name, 1, 1, "", "file is empty (write the fields as `key: value` lines)")])
    node = _compose(text, name)
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        raise InvalidInput([Problem(name, line, column, "", f"the top level is {kind}, not a mapping (write `key: value` lines)")])
    document = Document(name, None)
    walker = _Walker(document, text)
    document.data = walker.value(node, ())
    if walker.problems:
        raise InvalidInput(walker.problems)
    return document


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


def _compose(text: str, name: str) -> yaml.Node:
    longest = max(map(len, text.split("\n")))  # not splitlines(): YAML breaks lines on fewer characters
    brackets = text.count("[") + text.count("{") + 2 * longest + 2
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if brackets > C_LOADER_MAX_BRACKETS:
        loader_class = yaml.SafeLoader
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks every character here
        node = loader.get_single_node()
    except yaml.reader.ReaderError as error:  # a control character; its position is in bytes or characters
        at = text.find(chr(error.character)) if isinstance(error.character, int) else -1
        line, column = (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)) if at >= 0 else (1, 1)
        what = f"U+{error.character:04X}" if isinstance(error.character, int) else "a character"
        raise InvalidInput([Problem(name, line, column, "", f"contains the control character {what}, which YAML does not allow (remove it)")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (error.problem or error.context or "cannot be read").strip()
        at_tab = bool(mark) and mark.index < len(text) and text[mark.index] == "\t"
        hint = " (use spaces, not tabs, to indent)" if at_tab or "tab" in what else " (check the indentation and quotes here)"
        raise InvalidInput([Problem(name, line, column, "", f"is not valid YAML: {what}{hint}")]) from None
    except yaml.YAMLError as error:
        raise InvalidInput([Problem(name, 1, 1, "", f"is not valid YAML: {error}")]) from None
    except RecursionError:
        raise InvalidInput([Problem(name, 1, 1, "", "is nested too deeply to be a handout file")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return node


class _Walker:
    """Turns the node tree into plain data, recording positions and problems."""

    def __init__(self, document: Document, text: str):
        self.document = document
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.constructor = SafeConstructor()

    def problem(self, node: yaml.Node, path: Path_, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.document.file, mark.line + 1, mark.column + 1, dotted(path), message))

    def value(self, node: yaml.Node, path: Path_) -> Any:
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.seen:
            # the node met again is the anchored one; point at the key that repeats it
            line, column = self.document.key_positions.get(path, self.document.positions[path])
            self.problems.append(Problem(self.document.file, line, column, dotted(path),
                                         "anchors and aliases (& and *) are not allowed (write the value out in full)"))
            return None
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            self.problem(node, path, "is nested too deeply to be a handout file")
            return None
        if node.tag not in _STANDARD_TAGS:
            self.problem(node, path, f"the tag {node.tag!r} is not allowed (remove it)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "merge keys (<<) are not allowed (write the fields out in full)")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a plain word")
                continue
            key = key_node.value
            if key in result:
                first = self.document.key_positions[path + (key,)][0]
                self.problem(key_node, path + (key,), f"duplicate key (already set on line {first}; keep one)")
                continue
            self.document.key_positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        try:
            # text is the node's own value (what SafeConstructor returns, without its bookkeeping)
            value = node.value if node.tag == _STR_TAG else self.constructor.construct_object(node)
        except Exception:  # bad explicit tags and impossible dates raise plain Python errors
            kind = node.tag.rsplit(":", 1)[-1]
            kind = {"timestamp": "date", "int": "whole number", "float": "number", "bool": "yes/no value"}.get(kind, kind)
            self.problem(node, path, f"cannot read {node.value!r} as a {kind} (check the value, or put text in quotes)")
            return None
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        surrogate = found.group() if found else None
        if surrogate:  # only an escape such as "\ud800" makes one; the pure-Python loader allows it
            self.problem(node, path, f"contains {surrogate!r}, half of a UTF-16 pair and not a character (remove it, or write the character itself)")
            return None
        if node.style:  # quoted or block text is always text (plain style is None or '')
            return value
        text = node.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if _SEXAGESIMAL.match(text):
                self.problem(node, path, f"{text!r} is read by YAML as {value} (base 60); write seconds as one number, such as 90, or put text in quotes")
                return None
            if _LEADING_ZERO.match(text):
                self.problem(node, path, f"{text!r} is read by YAML as {value} (octal); write the number without a leading 0, or put text in quotes")
                return None
        if isinstance(value, str):
            self.check_comment_cut(node, path)
        elif value is not None or text not in ("", "~", "null", "Null", "NULL"):
            self.document.plain_text[path] = text
        return value

    def check_comment_cut(self, node: yaml.ScalarNode, path: Path_) -> None:
        """Flag ``note: Rest 30 s #2`` where YAML silently drops everything from `` #``."""
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column:]
        if _COMMENT_AFTER.match(rest) and end.line == node.start_mark.line:
            self.problem(node, path, f"the text stops before {rest.strip()!r} because ' #' starts a comment in YAML (put the whole text in quotes)")
