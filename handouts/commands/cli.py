"""The command line: parse options, call the library, turn its errors into Click errors."""

from __future__ import annotations

import errno
import json
import os
import signal
import sys
from pathlib import Path

import click
import msgspec

from ..errors import HandoutsError
from . import completion as complete
from .build_command import build
from .new_command import new
from .options import FiniteRange, library_option

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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="handouts")
def main() -> None:
    """Build printable exercise handouts for patients from YAML exercise entries.

    \b
    Example:
      handouts build early-stage --patient "Ana María Núñez" -o ana.pdf
    """


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
    from .json_output import emit
    from .listing import Filters, find, in_language, line, program_names, program_summaries

    if programs:
        if as_json:
            return emit(program_summaries())
        for name in program_names():
            click.echo(name)
        return
    from ..reading.library import load_library

    found = find(load_library(library_folders), Filters(tuple(tag), muscle, position, equipment, level, text))
    if as_json:
        return emit(in_language(found))
    for exercise in found:
        click.echo(line(exercise))


@main.command()
@click.argument("exercise_id", metavar="ID", shell_complete=complete.exercise_ids)
@click.option("--json", "as_json", is_flag=True, help="Print the entry as one JSON object, every field and translation as written.")
@library_option
def show(exercise_id, as_json, library_folders) -> None:
    """Show one exercise entry as text.

    \b
    Examples:
      handouts show clamshell
      handouts show clamshell --json
    """
    from ..reading.library import load_library
    from .json_output import emit
    from .listing import describe_entry

    exercise = load_library(library_folders).entry(exercise_id).exercise
    if as_json:
        return emit(exercise)
    click.echo(describe_entry(exercise))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per problem and warning (JSON Lines) instead of the report.")
@library_option
def check(paths, as_json, library_folders) -> None:
    """Check the built-in library and any given files, without rendering.

    PATH may be an exercise, program, template or references file, or a folder of them.

    \b
    Examples:
      handouts check my-exercises/ programs/ana.yaml
      handouts check my-exercises/ --json
    """
    from .check import check_json, check_paths

    if as_json:
        return check_json(tuple(paths), tuple(library_folders))
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
@click.argument("exercise_id", metavar="ID", shell_complete=complete.exercise_ids)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="The file to write: .png, .svg or .pdf.")
@click.option("--side", type=click.Choice(["left", "right"]), default="right", show_default=True, help="The side to show working.")
@click.option("--template", default="standard", show_default=True, help="The layout template whose frame sizes and type to use.")
@click.option("--width-mm", type=FiniteRange(40, 100), default=None, help="Width of each frame (default: the template's frame_width_mm).")
@library_option
def illustrate(exercise_id, output, side, template, width_mm, library_folders) -> None:
    """Preview one exercise's picture as its card prints it: its Start and Finish frames,
    their labels and the caption.

    \b
    Example:
      handouts illustrate clamshell -o clamshell.png
      handouts illustrate clamshell --side left --template large-print -o clam.pdf
    """
    from .preview import preview

    preview(exercise_id, output, side=side, template=template, frame_width_mm=width_mm, library_folders=tuple(library_folders))
    click.echo(f"Wrote {output}")


@main.command(name="import")
@click.argument("database", type=click.Choice(["free-exercise-db"]))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), metavar="DIR",
              help="The library folder to write the entries into (made if missing); a file already there is never written over.")
@click.option("--with-photos", is_flag=True, help="Import the database's photos too (their rights are not stated: see the README).")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="A clinic file whose import_defaults: replace the built-in defaults (stop rule, dose...).")
def import_(database, source, out, with_photos, clinic) -> None:
    """Import another exercise database's entries (SOURCE folder) as exercise entries.

    Each entry becomes one YAML file in DIR, for `--library DIR`; the report says its
    reading level, what was defaulted, and why it is flagged for review.

    \b
    Example:
      handouts import free-exercise-db free-exercise-db/ --out imported/
    """
    from ..errors import InvalidInput
    from .import_report import report_lines
    from .importing import import_free_exercise_db

    report = import_free_exercise_db(source, out, with_photos=with_photos, clinic=clinic)
    for line in report_lines(report):
        click.echo(line)
    if report.problems:
        raise InvalidInput(report.problems)


main.add_command(build)
main.add_command(new)


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
            main(prog_name="handouts", complete_var=complete.COMPLETE_VAR)
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
