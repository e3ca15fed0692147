"""The benchmark runs: `benchmarks/bench.py --quick` exits 0 and prints its table.

Timings are not asserted: this machine's load is not the benchmark's business here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
YARDSTICKS = REPO.parent / "shared" / "bench"


@pytest.mark.skipif(not (YARDSTICKS / "yardstick_reportlab.py").is_file(), reason=f"no yardsticks in {YARDSTICKS}")
def test_the_quick_benchmark_runs_and_prints_its_table(tmp_path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench.py"), "--quick", "--yardsticks", str(YARDSTICKS)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| what | measured | yardstick | ratio | target | pass/fail |" in result.stdout
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 8, result.stdout
    # what the figures stand on, checked by the benchmark itself: the batch's PDFs are the
    # serial build's with two workers, and its first the one built alone (cards' forms
    # replayed, page/drawn.py), never a faster build of other bytes
    jobs = next(row for row in rows if "--jobs 2 against 1" in row)
    assert "differ" not in jobs, jobs
    # each yardstick has its rows, measured or saying why not
    for engine in ("bare ReportLab", "Typst"):
        assert any(f"vs {engine}" in row and "one 6-exercise handout" in row for row in rows), engine
        assert any(f"vs {engine}'s per copy" in row for row in rows), engine
