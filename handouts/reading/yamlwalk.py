"""From YAML's stream of events to plain data, with positions and every problem found.

The walk reads the parser's events one at a time and builds the data itself, so that
the tool's own limits are met before any limit of the parser's: a file nested deeper
than `MAX_DEPTH` or holding more than `MAX_VALUES` values stops the walk there, with one
problem naming the place, whatever the installed PyYAML would have done further on. An
alias is never expanded (there is no node tree to expand it into), and the first anchor
or alias of a file is its one problem of that kind: one cause, one line.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..errors import Problem
from .document import Document, Path_, dotted
from .yamlio import MAX_DEPTH, MAX_VALUES

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NON_SPECIFIC = (None, "!")  # no tag written, or YAML's `!`: the value's own kind
_SURROGATE = re.compile("[\ud800-\udfff]")
_COMMENT_AFTER = re.compile(r"\s+#\S")  # matched where a value ends, without copying the rest of its line
# YAML 1.1 readings of a plain number that change what was written, with what YAML did
_NUMBER_READINGS = [
    (re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"), "(base 60); write seconds as one number, such as 90, or put text in quotes"),
    (re.compile(r"^[-+]?0x[0-9a-fA-F_]+$"), "(hexadecimal); write the number in ordinary digits, or put text in quotes"),
    (re.compile(r"^[-+]?0b[01_]+$"), "(binary); write the number in ordinary digits, or put text in quotes"),
    (re.compile(r"^[-+]?0[0-9_]+$"), "(octal); write the number without a leading 0, or put text in quotes"),
    (re.compile(r"_"), "(YAML drops the _); write the number without _, or put text in quotes"),
]
_ANCHORS = "anchors and aliases (& and *) are not allowed (write the value out in full)"
_TOO_DEEP = "is nested too deeply to be a handout file"


class Stop(Exception):
    """A limit was reached: the walk ends here, and nothing after it is read."""


class Walker:
    """Turns the events of one document into plain data, recording positions and problems."""

    def __init__(self, document: Document, text: str, next_event: Callable[[], yaml.Event]):
        self.document = document
        self.lines = text.splitlines()
        self.next = next_event
        self.problems: list[Problem] = []
        self.values = 0
        self.anchor_seen = False
        self.constructor = SafeConstructor()
        self.resolver = Resolver()

    def problem(self, event: yaml.Event, path: Path_, message: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.document.file, mark.line + 1, mark.column + 1, dotted(path), message))

    def stop(self, event: yaml.Event, path: Path_, message: str) -> None:
        self.problem(event, path, message)
        raise Stop

    def count(self, event: yaml.Event, path: Path_) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            self.stop(event, path, f"the file holds more than {MAX_VALUES} values (a handout file holds a few hundred; split it)")
        if len(path) > MAX_DEPTH:
            self.stop(event, path, _TOO_DEEP)

    def anchored(self, event: yaml.Event, path: Path_) -> None:
        """An anchor or alias: the file's first is its one problem of the kind."""
        if not self.anchor_seen:
            self.anchor_seen = True
            self.problem(event, path, _ANCHORS)

    def value(self, event: yaml.Event, path: Path_) -> Any:
        """The value that starts with `event`, read to its end."""
        self.count(event, path)
        self.document.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.anchored(event, path)
            if isinstance(event, yaml.AliasEvent):
                return None
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        tag = event.tag
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        if tag not in _NON_SPECIFIC and tag != "tag:yaml.org,2002:" + kind:
            self.problem(event, path, f"the tag {tag!r} is not allowed (remove it)")
            self.skip(event, path)
            return None
        return self.mapping(path) if kind == "map" else self.sequence(path)

    def sequence(self, path: Path_) -> list:
        items: list = []
        while not isinstance(event := self.next(), yaml.SequenceEndEvent):
            items.append(self.value(event, path + (len(items),)))
        return items

    def mapping(self, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
            key = self.key(key_event, path)
            value_event = self.next()
            if key is None:
                self.skip(value_event, path)
                continue
            if key in result:
                first = self.document.key_positions[path + (key,)][0]
                self.problem(key_event, path + (key,), f"duplicate key (already set on line {first}; keep one)")
                self.skip(value_event, path + (key,))
                continue
            mark = key_event.start_mark
            self.document.key_positions[path + (key,)] = (mark.line + 1, mark.column + 1)
            result[key] = self.value(value_event, path + (key,))
        return result

    def key(self, event: yaml.Event, path: Path_) -> str | None:
        """A mapping key as text, or None (with its problem) for one that cannot be a field name."""
        self.count(event, path)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.anchored(event, path)
        if not isinstance(event, yaml.ScalarEvent):
            if not isinstance(event, yaml.AliasEvent):
                self.problem(event, path, "a key must be a plain word")
                self.skip(event, path)
            return None
        if event.tag == _MERGE_TAG or (event.tag is None and not event.style and event.value == "<<"):
            self.problem(event, path, "merge keys (<<) are not allowed (write the fields out in full)")
            return None
        return event.value

    def skip(self, event: yaml.Event, path: Path_) -> None:
        """Read past the value that starts with `event`, still within the limits."""
        depth = 0
        while True:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                self.count(event, path + (0,) * depth)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if depth == 0:
                return
            event = self.next()

    def scalar(self, event: yaml.ScalarEvent, path: Path_) -> Any:
        tag = event.tag
        if tag in _NON_SPECIFIC:
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _STANDARD_TAGS:
            self.problem(event, path, f"the tag {tag!r} is not allowed (remove it)")
            return None
        try:
            # text is the event's own value (what SafeConstructor returns, without its bookkeeping)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            value = event.value if tag == _STR_TAG else self.constructor.construct_object(node)
        except Exception:  # bad explicit tags and impossible dates raise plain Python errors
            kind = tag.rsplit(":", 1)[-1]
            kind = {"timestamp": "date", "int": "whole number", "float": "number", "bool": "yes/no value"}.get(kind, kind)
            self.problem(event, path, f"cannot read {event.value!r} as a {kind} (check the value, or put text in quotes)")
            return None
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:  # only an escape such as "\ud800" makes one; the pure-Python loader allows it
            self.problem(event, path, f"contains {found.group()!r}, half of a UTF-16 pair and not a character (remove it, or write the character itself)")
            return None
        if event.style:  # quoted or block text is always text (plain style is None or '')
            return value
        text = event.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and not math.isfinite(value):
                self.document.non_finite = True  # refused where a number belongs (validate), as text elsewhere
            for pattern, how in _NUMBER_READINGS:
                if pattern.search(text):
                    self.problem(event, path, f"{text!r} is read by YAML as {value} {how}")
                    return None
        if isinstance(value, str):
            self.check_comment_cut(event, path)
        elif value is not None or text not in ("", "~", "null", "Null", "NULL"):
            self.document.plain_text[path] = text
        return value

    def check_comment_cut(self, event: yaml.ScalarEvent, path: Path_) -> None:
        """Flag ``note: Rest 30 s #2`` where YAML silently drops everything from `` #``."""
        end = event.end_mark
        if end.line >= len(self.lines):
            return
        line = self.lines[end.line]
        if end.line == event.start_mark.line and _COMMENT_AFTER.match(line, end.column):
            rest = line[end.column:end.column + 200].strip()
            self.problem(event, path, f"the text stops before {rest!r} because ' #' starts a comment in YAML (put the whole text in quotes)")
