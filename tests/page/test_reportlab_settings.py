"""ReportLab's own settings files and RL_* variables must not change the tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def build(cwd: Path, extra_env: dict[str, str], library: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra_env}
    return subprocess.run(
        [sys.executable, "-m", "handouts", "build", "-e", "test-clam", "--library", str(library), "--date", "2026-11-21", "-o", "out.pdf"],
        cwd=cwd, env=env, capture_output=True, text=True,
    )


def test_settings_file_in_the_working_folder_is_never_run(tmp_path, library_dir) -> None:
    clean = tmp_path / "clean"
    hostile = tmp_path / "hostile"
    clean.mkdir()
    hostile.mkdir()
    marker = tmp_path / "was-run"
    (hostile / "reportlab_settings.py").write_text(
        f"open({str(marker)!r}, 'w').write('x')\ninvariant = 0\ntoColorCanUse = 'rl_safe_eval'\npageCompression = 0\n"
    )
    assert build(clean, {}, library_dir).returncode == 0
    result = build(hostile, {}, library_dir)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert (hostile / "out.pdf").read_bytes() == (clean / "out.pdf").read_bytes()


def test_rl_environment_variables_are_ignored(tmp_path, library_dir) -> None:
    clean = tmp_path / "clean"
    other = tmp_path / "env"
    clean.mkdir()
    other.mkdir()
    assert build(clean, {}, library_dir).returncode == 0
    hostile_env = {"RL_invariant": "0", "RL_pageCompression": "0", "RL_toColorCanUse": "rl_safe_eval", "RL_hyphenationLang": "en_GB"}
    result = build(other, hostile_env, library_dir)
    assert result.returncode == 0, result.stderr
    assert (other / "out.pdf").read_bytes() == (clean / "out.pdf").read_bytes()
