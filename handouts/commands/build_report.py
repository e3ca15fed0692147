"""What `handouts build` says while and after it builds: the progress bar, then each handout's outcome.

The bar is Click's own (`click.progressbar`, already the command line's library): the
count, a bar, the time left once it can be estimated, and the rate, on standard error,
redrawn in place. It is shown only when standard error is a terminal and the run has
PROGRESS_FROM handouts or more: a script or CI log gets the final lines only, and a
single handout, done in a quarter of a second, needs none.

After the run: `Wrote FILE` on standard output and `Note:` lines on standard error for
each handout written; with `--json`, one JSON object per handout on standard output
instead (JSON Lines: `source`, `row` for a roster's, `output`, `status` written|failed,
`notes`, `problems` as `json_output.problem_record`); with `--quiet`, neither. The
failures are returned, for the command to list together at the end on standard error.
A roster's notes are said once each, with the rows they are about: a bundled program on
thirty rows has one "reads above grade 6" note, not thirty.
"""

from __future__ import annotations

import sys
import time
from typing import Any, NamedTuple

import click

from .batch import Outcome
from .json_output import emit_line, problem_record

PROGRESS_FROM = 4  # handouts in a run before a bar is worth showing


class Progress:
    """The progress bar of one run, if it is shown; `advance` is the batch's `progress`."""

    def __init__(self, shown: bool = True):
        self.shown = shown
        self.bar: Any = None
        self.began = 0.0

    def start(self, total: int) -> None:
        if not self.shown or total < PROGRESS_FROM or not _terminal(sys.stderr):
            return
        self.began = time.monotonic()
        self.bar = click.progressbar(length=total, label="Building", file=sys.stderr, show_pos=True, show_percent=False,
                                     show_eta=True, item_show_func=self._rate)
        self.bar.__enter__()

    def advance(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(count)

    def _rate(self, item: object) -> str | None:
        elapsed = time.monotonic() - self.began
        return f"{self.bar.pos / elapsed:.1f} a second" if self.bar is not None and self.bar.pos and elapsed > 0 else None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *stopped: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*stopped)  # the bar's last state, a line break, the cursor back
            self.bar = None


def _terminal(stream: Any) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


class Told(NamedTuple):
    """One handout's outcome, and its roster row (None: not from a roster)."""

    outcome: Outcome
    row: int | None = None


def report(told: list[Told], *, quiet: bool = False, as_json: bool = False, roster: str | None = None) -> list[str]:
    """Say what became of each handout; return the failures' lines, in order."""
    failed = [line for item in told for line in item.outcome.problems]
    if as_json:
        for item in told:
            emit_line(record(item))
    elif not quiet and roster is None:
        for item in told:
            if item.outcome.written:
                for line in item.outcome.advice:
                    click.echo(f"Note: {line}", err=True)
                click.echo(f"Wrote {item.outcome.destination}")
    elif not quiet:
        notes: dict[str, list[int]] = {}
        for item in told:
            if item.outcome.written:
                click.echo(f"Wrote {item.outcome.destination}")
                for line in item.outcome.advice:
                    notes.setdefault(line, []).append(item.row or 0)
        for line, rows in notes.items():
            where = f"{roster}:{rows[0]}" if len(rows) == 1 else f"{roster} rows {spans(rows)}"
            click.echo(f"Note: {where}: {line}", err=True)
    return failed


def spans(rows: list[int]) -> str:
    """[2, 3, 4, 7, 9, 10] -> '2-4, 7, 9-10'."""
    out: list[list[int]] = []
    for row in rows:
        if out and row == out[-1][1] + 1:
            out[-1][1] = row
        else:
            out.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def record(item: Told) -> dict[str, Any]:
    """One handout as a JSON object: what the Wrote, Note and error lines say of it."""
    outcome = item.outcome
    found: dict[str, Any] = {"source": outcome.source}
    if item.row is not None:
        found["row"] = item.row
    found.update(output=outcome.destination, status="written" if outcome.written else "failed", notes=list(outcome.advice),
                 problems=[problem_record(problem) for problem in outcome.records])
    return found
