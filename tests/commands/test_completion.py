"""Shell completion: the tool answers each shell's completion request with ids and names.

The requests are made as the shells' scripts make them (`_HANDOUTS_COMPLETE=bash_complete`
with COMP_WORDS and COMP_CWORD), in a separate process; then, where the shell is
installed, through the shell itself with the script the README's line loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handouts.commands.completion import enabling_lines

ROOT = Path(__file__).parents[2]


def complete(shell: str, words: str, cword: int | str, *, cwd: Path | None = None) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_HANDOUTS_COMPLETE": f"{shell}_complete",
           "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = subprocess.run([sys.executable, "-m", "handouts"], capture_output=True, text=True, env=env, cwd=cwd)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def test_bash_completes_exercise_ids_after_show_build_e_and_illustrate() -> None:
    assert complete("bash", "handouts show clam", 2) == "plain,clamshell\nplain,clamshell-band\nplain,clamshell-flexed\n"
    assert complete("bash", "handouts build -e single-leg-r", 3) == "plain,single-leg-reach-hip-shift\nplain,single-leg-reach-step\n"
    assert complete("bash", "handouts illustrate side-lying-h", 2) == "plain,side-lying-hip-abduction\n"


def test_ids_come_from_the_library_folders_typed_before_them(library_dir: Path) -> None:
    assert complete("bash", f"handouts show --library {library_dir} test-", 4) == "plain,test-clam\nplain,test-lift\n"
    assert complete("bash", "handouts show test-", 2) == "\n"  # not without the folder


def test_a_library_that_cannot_be_read_still_completes_the_bundled_ids_and_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n")
    assert complete("bash", f"handouts show --library {tmp_path} pelvic", 4) == "plain,pelvic-drop\n"


def test_bash_completes_command_names_and_options() -> None:
    assert complete("bash", "handouts s", 1) == "plain,schema\nplain,show\n"
    assert complete("bash", "handouts build --te", 2) == "plain,--template\n"


def test_programs_and_templates_complete_as_bundled_names_or_files() -> None:
    assert complete("bash", "handouts build mid", 2) == "file,mid\nplain,middle-stage\n"
    assert complete("bash", "handouts build -e clamshell --template l", 5) == "file,l\nplain,large-print\n"
    assert complete("bash", "handouts build --language ", 3) == "plain,en\nplain,es\n"


def test_new_completes_its_kinds_and_what_each_starts_from() -> None:
    assert complete("bash", "handouts new p", 2) == "plain,pose\nplain,program\n"
    assert complete("bash", "handouts new exercise my-drop --from pelv", 5) == "plain,pelvic-drop\n"
    assert complete("bash", "handouts new pose my-clam --from clamshell-", 5) == "plain,clamshell-band\nplain,clamshell-flexed\n"


def test_zsh_and_fish_get_each_id_with_its_name() -> None:
    assert complete("zsh", "handouts show clamshell-f", 2) == "plain\nclamshell-flexed\nClamshell with knees drawn up\n"
    assert complete("fish", "handouts show clamshell-f", "clamshell-f") == "plain,clamshell-flexed\tClamshell with knees drawn up\n"


def test_the_readme_gives_the_line_that_enables_each_shell() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in enabling_lines().values():
        assert line in readme


@pytest.fixture
def on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH starts with a `handouts` that runs this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "handouts"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m handouts "$@"\n')
    script.chmod(0o755)
    return {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def shell(name: str, script: str, env: dict[str, str]) -> str:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")
    result = subprocess.run([name, "-c", script], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_bash_itself_completes_ids_with_the_readme_line(on_path) -> None:
    script = (enabling_lines()["bash"] + "\n"
              "COMP_WORDS=(handouts show clam); COMP_CWORD=2; _handouts_completion handouts clam show\n"
              'printf "%s\\n" "${COMPREPLY[@]}"\n'
              "COMPREPLY=(); COMP_WORDS=(handouts bu); COMP_CWORD=1; _handouts_completion handouts bu handouts\n"
              'printf "%s\\n" "${COMPREPLY[@]}"\n'
              "complete -p handouts\n")
    assert shell("bash", script, on_path) == ("clamshell\nclamshell-band\nclamshell-flexed\nbuild\n"
                                              "complete -o nosort -F _handouts_completion handouts\n")


def test_fish_itself_completes_ids_with_their_names(on_path) -> None:
    script = enabling_lines()["fish"] + "\ncomplete -C 'handouts show clamshell-'\n"
    assert shell("fish", script, on_path) == "clamshell-band\tClamshell with a band\nclamshell-flexed\tClamshell with knees drawn up\n"


def test_zsh_runs_the_completion_function_the_readme_line_defines(on_path) -> None:
    # compsys needs a terminal; stand-ins for its builtins print what they are given
    script = ("compdef() { print -r -- compdef $@ }\n"
              "_describe() { print -rl -- ${(P)${@[-2]}} }\n"
              "compadd() { print -rl -- ${(P)${@[-1]}} }\n"
              + enabling_lines()["zsh"] + "\n"
              "words=(handouts show clamshell-); CURRENT=3; _handouts_completion\n")
    assert shell("zsh", script, on_path) == ("compdef _handouts_completion handouts\n"
                                             "clamshell-band:Clamshell with a band\nclamshell-flexed:Clamshell with knees drawn up\n")
