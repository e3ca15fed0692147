"""JSON for scripts: what a reading command says, as one JSON document on standard output.

Every `--json` goes through `emit`, so that every command writes JSON the same way: names
as written (UTF-8, not ``\\u`` escapes; but a control or format character, which could
retitle a terminal or reverse the text after it, is one), two-space indents, keys in the
order of the model they come from, and dates, paths and models turned into plain JSON. A command that speaks
as it goes (a batch, one object per handout) writes one compact object per line with
`emit_line` instead. `problem_record` is the one shape of a problem, for `check --json`
and a batch's failures alike.

Example:
    handouts list --programs --json | python3 -c "import json, sys; print(json.load(sys.stdin)[0]['name'])"
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Literal

import click
import msgspec

from ..errors import Problem

Severity = Literal["error", "warning"]


def plain(value: Any) -> Any:
    """`value` as JSON-ready builtins: models by their fields (as named in the files),
    dataclasses by theirs, dates as YYYY-MM-DD and paths as text."""
    return msgspec.to_builtins(value, enc_hook=_path)


def _path(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def text(value: Any) -> str:
    return _visible(json.dumps(plain(value), ensure_ascii=False, indent=2))


def emit(value: Any) -> None:
    """Print `value` as one JSON document."""
    click.echo(text(value))


def emit_line(value: Any) -> None:
    """Print `value` as one compact JSON object on one line (JSON Lines)."""
    click.echo(_visible(json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))))


_UNCOMMON = re.compile("[^\x20-\x7e\n]")  # where a hidden character may be: looked at one by one
_HIDDEN = ("Cc", "Cf", "Zl", "Zp")


def _visible(text: str) -> str:
    # JSON's own line breaks are "\n"; one inside a string is already \\n
    return _UNCOMMON.sub(_escape, text)


def _escape(found: re.Match) -> str:
    char = found.group()
    if unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code > 0xFFFF:  # as a UTF-16 pair, as JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def problem_record(problem: Problem, severity: Severity = "error") -> dict[str, Any]:
    """One problem as `check --json` and a batch report it; a file, line or column not known is null."""
    return {
        "file": problem.file or None,  # a problem known only by its words (an output that cannot be written)
        "line": problem.line or None,
        "column": problem.column or None,
        "field": problem.field or None,
        "message": problem.message,
        "severity": severity,
    }
