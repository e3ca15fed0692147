"""`handouts build`: the command line of a build (commands/build.py builds, batch.py runs many).

Example:
    handouts build my-programs/*.yaml --out-dir printed/ --jobs 2
"""

from __future__ import annotations

from pathlib import Path

import click

from . import completion as complete
from .options import date_value, language_value, library_option, typed_text

EPILOG_BUILD = """\b
Examples:
  handouts build early-stage --patient "Ana María Núñez" -o ana.pdf
  handouts build -e clamshell -e side-lying-hip-abduction -o hips.pdf
  handouts build my-programs/*.yaml --out-dir handouts/
  handouts build my-programs/*.yaml --out-dir handouts/ --jobs 2
  handouts build early-stage --language es -o es.pdf
  handouts build ana-today.yaml --since ana-last-visit.yaml -o ana.pdf
  handouts build ana.yaml --strict -o ana.pdf
"""


@click.command(epilog=EPILOG_BUILD)
@click.argument("programs", nargs=-1, shell_complete=complete.program_names)
@click.option("-e", "--exercise", "exercises", multiple=True, metavar="ID", shell_complete=complete.exercise_ids, help="Build an ad-hoc handout from these exercise ids (repeatable).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The PDF to write (one handout only).")
@click.option("--out-dir", type=click.Path(path_type=Path), help="The folder to write one PDF per program into.")
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
@library_option
def build(programs, exercises, output, out_dir, patient, paper, template, date_text, review_text, audience, language, fallback,
          clinic, since, strict, jobs, library_folders) -> None:
    """Build PDF handouts from PROGRAM files or bundled program names.

    PROGRAM is a program YAML file or the name of a bundled example program
    (see `handouts list --programs`).
    """
    from ..errors import Failed
    from .batch import build_all
    from .build import Request
    from .output import make_folder

    if not programs and not exercises:
        raise click.UsageError("name a PROGRAM or give exercises with -e ID")
    if programs and exercises:
        raise click.UsageError("give either PROGRAM files or -e exercises, not both")
    if output and out_dir:
        raise click.UsageError("give either -o FILE or --out-dir DIR, not both")
    if output and len(programs) > 1:
        raise click.UsageError("-o names one file; use --out-dir DIR for several programs")
    if since and len(programs) > 1:
        raise click.UsageError("--since is one patient's previous program: give it with one PROGRAM")
    common = dict(patient=typed_text(patient), paper=paper, template=template, date=date_value(date_text), review=date_value(review_text),
                  audience=audience, clinic=clinic, since=since, strict=strict,
                  language=language_value(language, "--language"), fallback=language_value(fallback, "--fallback-language"))
    requests = [Request(program=p, **common) for p in programs] or [Request(exercises=tuple(exercises), **common)]
    if out_dir:
        make_folder(out_dir)
    pairs = [(request, output or (out_dir or Path(".")) / f"{Path(request.program).stem if request.program else 'handout'}.pdf")
             for request in requests]
    report = build_all(pairs, tuple(library_folders), jobs=jobs)
    for outcome in report.outcomes:
        if outcome.written:
            for line in outcome.advice:
                click.echo(f"Note: {line}", err=True)
            click.echo(f"Wrote {outcome.destination}")
    if report.failed:
        raise Failed([line for outcome in report.failed for line in outcome.problems])
