"""Shell completion of the values a clinician types: exercise ids, program, template and pose names.

Click completes command names and options itself, in bash, zsh and fish; these callbacks
(`shell_complete=` on an argument or option) add the values. Exercise ids come from the
library as the command would read it, with any `--library` typed before them. A
callback never prints an error: a library that cannot be read completes the bundled
entries, or nothing, rather than break the shell's line. Each shell is enabled once,
with the line the README gives, for instance in ~/.bashrc:

    eval "$(_HANDOUTS_COMPLETE=bash_source handouts)"

Example:
    handouts show clam<TAB>      ->  clamshell  clamshell-band  clamshell-flexed
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import HandoutsError

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

COMPLETE_VAR = "_HANDOUTS_COMPLETE"  # fixed, so that `python -m handouts` completes as `handouts` does


def exercise_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The library's ids that start with what is typed, each with its name (shown by zsh and fish)."""
    from ..reading.library import load_library
    from ..reading.translations import DEFAULT, text_in

    folders = tuple(ctx.params.get("library_folders") or ())
    library = None
    for tried in (folders, ()):  # a clinic folder that cannot be read: the bundled entries still complete
        try:
            library = load_library(tried)
            break
        except (HandoutsError, OSError):
            continue
    if library is None:
        return []
    found = []
    for exercise_id in sorted(library.exercises):
        if exercise_id.startswith(incomplete):
            exercise = library.exercises[exercise_id].exercise
            name = text_in(exercise.name, DEFAULT, plain=exercise.language, fallback=exercise.language)
            found.append(_item(exercise_id, help=name))
    return found


def program_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Bundled program names, then the files here (a program is a name or a file)."""
    return [_files(incomplete), *_named("programs", incomplete)]


def template_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Bundled template names, then the files here (a template is a name or a file)."""
    return [_files(incomplete), *_named("templates", incomplete)]


def pose_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from ..pictures.pictogram.files import bundled_pose_names

    return [_item(name) for name in bundled_pose_names() if name.startswith(incomplete)]


def languages(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from ..reading.translations import known_languages

    return [_item(code) for code in known_languages() if code.startswith(incomplete)]


def _named(kind: str, incomplete: str) -> list[CompletionItem]:
    from ..reading.library import yaml_files
    from ..reading.resources import bundled

    return [_item(path.stem) for path in yaml_files(bundled(kind)) if path.stem.startswith(incomplete)]


def _files(incomplete: str) -> CompletionItem:
    # First: bash's script empties its list on a file item and falls back to file names
    # only when no name follows; zsh and fish add the files to the names.
    return _item(incomplete, type="file")


def _item(value: str, **kwargs: str) -> CompletionItem:
    # imported when the shell asks, not by every command (the module is in the CLI's options)
    from click.shell_completion import CompletionItem

    return CompletionItem(value, **kwargs)


def enabling_lines() -> dict[str, str]:
    """The line that turns completion on in each shell, as the README gives it."""
    return {
        "bash": f'eval "$({COMPLETE_VAR}=bash_source handouts)"',
        "zsh": f'eval "$({COMPLETE_VAR}=zsh_source handouts)"',
        "fish": f"{COMPLETE_VAR}=fish_source handouts | source",
    }

