"""`handouts build`: the command line of a build (commands/build.py builds, batch.py runs many).

What it prints: a `Wrote FILE` line on standard output for each PDF written, `Note:`
lines for the clinician on standard error, and every failure together at the end, exit
status 1. `--quiet` prints the failures only; `--json` prints one JSON object per
handout instead of the Wrote and Note lines (JSON Lines). A progress bar is shown on
standard error for a batch of PROGRESS_FROM handouts or more, when it is a terminal.

Example:
    handouts build --roster day.csv --out-dir printed/ --jobs 2
"""

from __future__ import annotations

from pathlib import Path

import click

from . import completion as complete
from .options import date_value, language_value, library_option, typed_text

EPILOG = """\b
Examples:
  handouts build early-stage --patient "Ana María Núñez" -o ana.pdf
  handouts build -e clamshell -e side-lying-hip-abduction -o hips.pdf
  handouts build my-programs/*.yaml --out-dir handouts/
  handouts build my-programs/*.yaml --out-dir handouts/ --jobs 2
  handouts build --roster day.csv --out-dir printed/ --date 2026-11-21
  handouts build --roster day.csv --out-dir printed/ --json > done.jsonl
  handouts build early-stage --language es -o es.pdf
  handouts build ana-today.yaml --since ana-last-visit.yaml -o ana.pdf
  handouts build ana.yaml --strict -o ana.pdf
"""


@click.command(epilog=EPILOG)
@click.argument("programs", nargs=-1, shell_complete=complete.program_names)
@click.option("-e", "--exercise", "exercises", multiple=True, metavar="ID", shell_complete=complete.exercise_ids, help="Build an ad-hoc handout from these exercise ids (repeatable).")
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path), metavar="DAY.csv",
              help="A CSV of the day's handouts, one row each: patient, program and optional columns (see the README). "
                   "An option here fills the cells a row leaves empty.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The PDF to write (one handout only).")
@click.option("--out-dir", type=click.Path(path_type=Path), help="The folder to write one PDF per program or roster row into (made if missing).")
@click.option("--patient", metavar="NAME", help="The patient's name, printed on the first page.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), help="Paper size (default: the template's).")
@click.option("--template", metavar="NAME|FILE", shell_complete=complete.template_names,
              help="Layout: a built-in name (standard, compact, one-page, large-print) or a YAML file.")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The date printed on the handout (default: the program's, else today).")
@click.option("--review", "review_text", metavar="YYYY-MM-DD", help="The next appointment, printed on page 1 and in the log.")
@click.option("--audience", type=click.Choice(["patient", "clinician"]), default="patient", show_default=True,
              help="'clinician' adds evidence notes and full references with DOI.")
@click.option("--language", metavar="CODE", shell_complete=complete.languages, help="The handout's language, e.g. es (default: the program's, else the clinic's, else en).")
@click.option("--fallback-language", "fallback", metavar="CODE", shell_complete=complete.languages,
              help="Print a text in this language (e.g. en) where an entry lacks the handout's language; "
                   "without it, a missing translation is an error.")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="A clinic file (name, phone, email, address, website, logo) used instead of the program's clinic.")
@click.option("--since", metavar="OLD.yaml",
              help="The patient's previous program (a file or bundled name): page 1 says what changed since it.")
@click.option("--strict", is_flag=True,
              help="Fail when an exercise has a caution for one of the program's conditions, instead of a note.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build several handouts at once in this many worker processes (one per core).")
@click.option("-q", "--quiet", is_flag=True, help="Print only what failed: no Wrote or Note lines, no progress bar.")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object per handout, written or failed, instead of the Wrote and Note lines.")
@library_option
def build(programs, exercises, roster, output, out_dir, patient, paper, template, date_text, review_text, audience, language,
          fallback, clinic, since, strict, jobs, quiet, as_json, library_folders) -> None:
    """Build PDF handouts from PROGRAM files or bundled program names, or from a roster.

    PROGRAM is a program YAML file or the name of a bundled example program
    (see `handouts list --programs`).
    """
    from ..errors import Failed
    from .batch import build_all
    from .build import Request
    from .build_report import Progress, Told, report
    from .output import make_folder

    _refuse_usage(programs, exercises, roster, output, out_dir, patient, since)
    defaults = Request(patient=typed_text(patient), paper=paper, template=template, date=date_value(date_text),
                       review=date_value(review_text), audience=audience, clinic=clinic, since=since, strict=strict,
                       language=language_value(language, "--language"), fallback=language_value(fallback, "--fallback-language"))
    progress = Progress(shown=not quiet)
    if out_dir:
        make_folder(out_dir)
    if roster:
        from .roster_build import build_roster

        with progress:
            outcomes = build_roster(roster, out_dir or Path("."), defaults, tuple(library_folders), jobs=jobs,
                                    progress=progress.advance, started=progress.start)
    else:
        from msgspec.structs import replace

        requests = ([replace(defaults, program=p) for p in programs]
                    or [replace(defaults, exercises=tuple(exercises))])
        pairs = [(request, output or (out_dir or Path(".")) / f"{Path(request.program).stem if request.program else 'handout'}.pdf")
                 for request in requests]
        with progress:
            progress.start(len(pairs))
            outcomes = [Told(o) for o in build_all(pairs, tuple(library_folders), jobs=jobs, progress=progress.advance).outcomes]
    failed = report(outcomes, quiet=quiet, as_json=as_json, roster=str(roster) if roster else None)
    if failed:
        raise Failed(failed)


def _refuse_usage(programs, exercises, roster, output, out_dir, patient, since) -> None:
    if roster:
        given = [what for what, there in (("PROGRAM", programs), ("-e", exercises), ("-o", output), ("--patient", patient),
                                          ("--since", since)) if there]
        if given:
            raise click.UsageError(f"a --roster row gives each handout's patient, program and previous program (its since "
                                   f"column), and each is written into --out-dir: give it without {', '.join(given)}")
        return
    if not programs and not exercises:
        raise click.UsageError("name a PROGRAM or give exercises with -e ID (or a day's --roster CSV)")
    if programs and exercises:
        raise click.UsageError("give either PROGRAM files or -e exercises, not both")
    if output and out_dir:
        raise click.UsageError("give either -o FILE or --out-dir DIR, not both")
    if output and len(programs) > 1:
        raise click.UsageError("-o names one file; use --out-dir DIR for several programs")
    if since and len(programs) > 1:
        raise click.UsageError("--since is one patient's previous program: give it with one PROGRAM")
