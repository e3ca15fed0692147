"""`handouts build --roster day.csv`: one handout per row of a clinic's day.

The roster is read and checked by reading.roster; here each good row becomes a build
`Request` and a PDF name (commands.file_names), the batch builds them (commands.batch:
every good row built, in worker processes with --jobs), and each row's outcome is told
in roster order, a bad row as `day.csv:ROW: column: what is wrong`.

A row's cell wins over the command line's option for the same thing, which fills only
the cells a row leaves empty (the day's default: `--date`, `--review`, `--language`,
`--template`, `--paper`); the program's own values come after both.

The patient's name is the row's data: it reaches the PDF and its file name in the
output folder, never the cache, and the lines the tool prints name a row by its number.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import msgspec

from ..errors import Problem
from ..page.fonts import describe, unprintable
from ..reading.roster import Roster, Row, read_roster
from .batch import Outcome, build_all
from .build import Request
from .build_report import Told
from .file_names import handout_stem, unique_stems
from .inputs import Inputs

PRINTED = ("patient", "clinician", "note")  # the row's own texts on the handout (files are checked as files)


def build_roster(path: Path, out_dir: Path, defaults: Request, library_folders: tuple[Path, ...], *, jobs: int = 1,
                 progress: Callable[[int], None] | None = None, started: Callable[[int], None] | None = None) -> list[Told]:
    """Every row's outcome, in the roster's order; `started` is told how many handouts will be built."""
    roster = read_roster(path)
    outcomes: dict[int, Outcome] = {number: _refused(roster, number, problems) for number, problems in roster.refused}
    good = []
    for row in roster.rows:
        problems = _unprintable(roster, row)
        if problems:
            outcomes[row.number] = _refused(roster, row.number, tuple(problems))
        else:
            good.append(row)
    wanted = [(row.number, handout_stem(row.patient, Path(row.program).stem, row.number)) for row in good]
    names = unique_stems(wanted)
    pairs = [(request_for(row, defaults), out_dir / f"{stem}.pdf") for row, (stem, _) in zip(good, names)]
    if started is not None:
        started(len(pairs))
    read = Inputs()
    read.add(path, "the roster")
    report = build_all(pairs, library_folders, jobs=jobs, also_read=read, progress=progress)
    for row, (_, stem), (chosen, first), outcome in zip(good, wanted, names, report.outcomes):
        source = f"{roster.file}:{row.number}"
        advice = outcome.advice
        if first is not None:  # (said by row numbers: the name is the patient's)
            advice = (f"its file would have row {first}'s name (the same patient and program), so {chosen[len(stem):].strip()} "
                      "is added to it", *advice)
        lines = (f"{source}: not built:", *outcome.problems) if outcome.problems else ()
        outcomes[row.number] = outcome._replace(source=source, problems=lines, advice=advice)
    return [Told(outcomes[number], number) for number in sorted(outcomes)]


def request_for(row: Row, defaults: Request) -> Request:
    """The build of one row: its cells, then the options for the cells it leaves empty."""
    cells = {"date": row.date, "review": row.review, "language": row.language, "template": row.layout, "paper": row.paper,
             "clinician": row.clinician, "note": row.note, "since": row.since}
    return msgspec.structs.replace(defaults, program=row.program, patient=row.patient,
                               **{option: value for option, value in cells.items() if value is not None})


def _unprintable(roster: Roster, row: Row) -> list[Problem]:
    """A letter no embedded font has, in a text of the row: named by row and column, not by the program."""
    found = []
    for column in PRINTED:
        missing = unprintable(getattr(row, column) or "")
        if missing:
            found.append(Problem(roster.file, row.number, 0, column, f"no font here can print {describe(missing)} (remove or replace it)"))
    return found


def _refused(roster: Roster, number: int, problems: tuple[Problem, ...]) -> Outcome:
    return Outcome(f"{roster.file}:{number}", None, tuple(str(p) for p in problems), (), problems)  # type: ignore[arg-type]
