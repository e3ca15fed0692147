"""The command line: parse options, call the library, turn its errors into Click errors."""

from __future__ import annotations

import datetime as dt
import errno
import json
import math
import os
import signal
import sys
from pathlib import Path

import click
import msgspec

from ..errors import HandoutsError

EPILOG_BUILD = """\b
Examples:
  handouts build early-stage --patient "Ana María Núñez" -o ana.pdf
  handouts build -e clamshell -e side-lying-hip-abduction -o hips.pdf
  handouts build my-programs/*.yaml --out-dir handouts/
  handouts build my-programs/*.yaml --out-dir handouts/ --jobs 2
"""


class Group(click.Group):
    """Turns the package's one error base class into one-line Click errors, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except HandoutsError as error:
            for line in error.lines()[:-1]:
                click.echo(f"Error: {line}", err=True)
            raise click.ClickException(error.lines()[-1]) from None
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM/SIGHUP while writing (output.Interrupted)
            signum = getattr(stop, "signum", signal.SIGINT)
            click.echo(f"Error: stopped by {signal.Signals(signum).name}; no file is left half-written", err=True)
            ctx.exit(128 + signum)


class FiniteRange(click.FloatRange):
    """A number within a range; NaN, which every comparison lets through, and infinity are refused like any value out of range."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number in the range {self._describe_range()}.", param, ctx)
        return number


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD, such as 2026-11-21") from None


def _typed(value: str | None, option: str = "--patient") -> str | None:
    """Option text as typed. Under a C locale Python hands non-ASCII letters over as
    surrogate escapes ('\\udcd0'), which would vanish from the handout: decode them as UTF-8."""
    if value is None:
        return None
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        from ..errors import InvalidInput, Problem

        raise InvalidInput([Problem("command line", 0, 0, option, "is not UTF-8 text (set the terminal to UTF-8, or write the name in the program file)")]) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="handouts")
def main() -> None:
    """Build printable exercise handouts for patients from YAML exercise entries.

    \b
    Example:
      handouts build early-stage --patient "Ana María Núñez" -o ana.pdf
    """


library_option = click.option(
    "--library", "library_folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of your own exercise files; an id there replaces the built-in one. Repeatable.",
)


@main.command(epilog=EPILOG_BUILD)
@click.argument("programs", nargs=-1)
@click.option("-e", "--exercise", "exercises", multiple=True, metavar="ID", help="Build an ad-hoc handout from these exercise ids (repeatable).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The PDF to write (one handout only).")
@click.option("--out-dir", type=click.Path(path_type=Path), help="The folder to write one PDF per program into.")
@click.option("--patient", metavar="NAME", help="The patient's name, printed on the first page.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), help="Paper size (default: the template's).")
@click.option("--template", metavar="NAME|FILE", help="Layout template: a built-in name (standard, large-print) or a YAML file.")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The date printed on the handout (default: the program's, else today).")
@click.option("--audience", type=click.Choice(["patient", "clinician"]), default="patient", show_default=True,
              help="'clinician' adds evidence notes and full references with DOI.")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="A clinic file (name, phone, email, address, website, logo) used instead of the program's clinic.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build several handouts at once in this many worker processes (one per core).")
@library_option
def build(programs, exercises, output, out_dir, patient, paper, template, date_text, audience, clinic, jobs, library_folders) -> None:
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
    common = dict(patient=_typed(patient), paper=paper, template=template, date=_date(date_text), audience=audience, clinic=clinic)
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


@main.command(name="list")
@click.option("--tag", multiple=True, help="Only entries with this tag (repeatable: all must match).")
@click.option("--muscle", help="Only entries that work this muscle.")
@click.option("--position", help="Only entries in this starting position, e.g. side-lying.")
@click.option("--equipment", help="Only entries that use this equipment, e.g. band.")
@click.option("--level", type=click.Choice(["beginner", "intermediate", "advanced"]), help="Only entries of this level.")
@click.option("--search", "text", metavar="TEXT", help="Free text to look for in the name, purpose and tags.")
@click.option("--programs", is_flag=True, help="List the bundled example programs instead.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@library_option
def list_(tag, muscle, position, equipment, level, text, programs, as_json, library_folders) -> None:
    """List the exercises in the library, optionally filtered.

    \b
    Examples:
      handouts list --position side-lying
      handouts list --tag "early stage" --json
    """
    from .listing import Filters, find, json_listing, line, program_names

    if programs:
        for name in program_names():
            click.echo(name)
        return
    from ..reading.library import load_library

    found = find(load_library(library_folders), Filters(tuple(tag), muscle, position, equipment, level, text))
    if as_json:
        click.echo(json_listing(found))
        return
    for exercise in found:
        click.echo(line(exercise))


@main.command()
@click.argument("exercise_id", metavar="ID")
@library_option
def show(exercise_id, library_folders) -> None:
    """Show one exercise entry as text.

    \b
    Example:
      handouts show clamshell
    """
    from ..reading.library import load_library
    from .listing import describe_entry

    click.echo(describe_entry(load_library(library_folders).entry(exercise_id).exercise))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@library_option
def check(paths, library_folders) -> None:
    """Check the built-in library and any given files, without rendering.

    PATH may be an exercise, program, template or references file, or a folder of them.

    \b
    Example:
      handouts check my-exercises/ programs/ana.yaml
    """
    from .check import check_paths

    for line in check_paths(tuple(paths), tuple(library_folders)):
        click.echo(line)


@main.command()
@click.argument("kind", type=click.Choice(["exercise", "program", "template", "references", "clinic"]), required=False)
def schema(kind) -> None:
    """Print the JSON Schema of a file kind (all kinds when none is named).

    \b
    Example:
      handouts schema exercise > exercise.schema.json
    """
    from ..reading.models import FILE_KINDS

    kinds = [kind] if kind else list(FILE_KINDS)
    schemas = {k: msgspec.json.schema(FILE_KINDS[k]) for k in kinds}
    click.echo(json.dumps(schemas[kind] if kind else schemas, indent=2, ensure_ascii=False))


@main.command()
@click.argument("exercise_id", metavar="ID")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="The file to write: .png, .svg or .pdf.")
@click.option("--side", type=click.Choice(["left", "right"]), default="right", show_default=True, help="The side to show working.")
@click.option("--width-mm", type=FiniteRange(20, 200), default=60, show_default=True, help="Width of the picture.")
@library_option
def illustrate(exercise_id, output, side, width_mm, library_folders) -> None:
    """Preview one exercise's pictogram without building a handout.

    \b
    Example:
      handouts illustrate clamshell -o clamshell.png
    """
    from .preview import preview

    preview(exercise_id, output, side=side, width_mm=width_mm, library_folders=tuple(library_folders))
    click.echo(f"Wrote {output}")


def run() -> None:
    """Entry point that never lets the terminal crash the tool: an encoding it lacks, or
    an output it cannot take (`> /dev/full`) is one line, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        try:
            main()
        finally:
            sys.stdout.flush()
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS and _takes_output(sys.stdout):
            raise  # not the output's: every error a user can cause is a HandoutsError, so this is a bug to see
        # what is still buffered could never be written: let the interpreter's last flush find nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        try:
            click.echo(f"Error: cannot write the output ({error.strerror or error})", err=True)
        except OSError:
            pass
        sys.exit(1)


# what writing to a full disk, a closed pipe or a broken terminal raises (the tool's own
# files are written by commands.output, whose errors are OutputErrors)
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EPIPE}


def _takes_output(stream) -> bool:
    try:
        stream.flush()
        return True
    except OSError:
        return False
