"""JSON for scripts: what a reading command says, as one JSON document on standard output.

Every `--json` goes through `emit`, so that every command writes JSON the same way: names
as written (UTF-8, not ``\\u`` escapes), two-space indents, keys in the order of the model
they come from, and dates, paths and models turned into plain JSON. A command that speaks
as it goes (a batch, one object per handout) writes one compact object per line with
`emit_line` instead. `problem_record` is the one shape of a problem, for `check --json`
and a batch's failures alike.

Example:
    handouts list --programs --json | python3 -c "import json, sys; print(json.load(sys.stdin)[0]['name'])"
"""

from __future__ import annotations

import json
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
    return json.dumps(plain(value), ensure_ascii=False, indent=2)


def emit(value: Any) -> None:
    """Print `value` as one JSON document."""
    click.echo(text(value))


def emit_line(value: Any) -> None:
    """Print `value` as one compact JSON object on one line (JSON Lines)."""
    click.echo(json.dumps(plain(value), ensure_ascii=False, separators=(",", ":")))


def problem_record(problem: Problem, severity: Severity = "error") -> dict[str, Any]:
    """One problem as `check --json` and a batch report it; a line or column not known is null."""
    return {
        "file": problem.file,
        "line": problem.line or None,
        "column": problem.column or None,
        "field": problem.field or None,
        "message": problem.message,
        "severity": severity,
    }
