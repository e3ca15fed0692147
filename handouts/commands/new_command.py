"""`handouts new`: the command line of the scaffolds (commands/scaffold.py writes them).

Example:
    handouts new exercise clamshell-chair --from clamshell --out-dir my-exercises
"""

from __future__ import annotations

from pathlib import Path

import click

from . import completion as complete
from .options import library_option  # the folders an exercise --from is looked for in


@click.group()
def new() -> None:
    """Write a new exercise, program or pose file to fill in (never over an existing file).

    \b
    Examples:
      handouts new exercise clamshell-chair --from clamshell --out-dir my-exercises
      handouts new program ana-hips
    """


out_dir_option = click.option("--out-dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                              show_default=True, help="The folder to write into (your --library folder, for an exercise).")


def _wrote(written) -> None:
    for item in written:
        click.echo(f"Wrote {item.path}")
        if item.next_step:
            click.echo(f"Next: {item.next_step}", err=True)


@new.command("exercise")
@click.argument("exercise_id", metavar="ID")
@click.option("--from", "source", metavar="ID", shell_complete=complete.exercise_ids,
              help="Start from this entry (its pose, comments and translations included) instead of a blank scaffold.")
@out_dir_option
@library_option
def new_exercise(exercise_id, source, folder, library_folders) -> None:
    """Write ID.yaml: an exercise entry to fill in, or a copy of another under this id.

    \b
    Examples:
      handouts new exercise clamshell-chair --out-dir my-exercises
      handouts new exercise clamshell-chair --from clamshell --out-dir my-exercises
    """
    from .scaffold import new_exercise as write

    _wrote(write(exercise_id, folder, source, tuple(library_folders)))


@new.command("program")
@click.argument("name", metavar="NAME")
@out_dir_option
def new_program(name, folder) -> None:
    """Write NAME.yaml: a program to fill in with a title and exercise ids.

    \b
    Example:
      handouts new program ana-hips --out-dir my-programs
    """
    from .scaffold import new_program as write

    _wrote(write(name, folder))


@new.command("pose")
@click.argument("name", metavar="ID")
@click.option("--from", "source", metavar="POSE", required=True, shell_complete=complete.pose_names,
              help="The bundled pose to copy (see images/poses/).")
@out_dir_option
def new_pose(name, source, folder) -> None:
    """Write ID.pose.yaml: a copy of a bundled pose to change, beside the entry that draws it.

    \b
    Example:
      handouts new pose clamshell-chair --from clamshell --out-dir my-exercises
    """
    from .scaffold import new_pose as write

    _wrote(write(name, source, folder))
