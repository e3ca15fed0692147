"""Notes for the clinician at build time: a long round, and exercises that read above grade 6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handouts.commands.build import Builder, Request
from handouts.handout import readability, wording
from handouts.handout.assemble import advice
from handouts.reading.models import Dosage

ROOT = Path(__file__).parents[2]
CLINIC = "clinic: {name: Riverside Physiotherapy, phone: 555-0142}\n"
HARD_STOP = ("Individuals experiencing considerable musculoskeletal discomfort should immediately discontinue "
             "the prescribed therapeutic intervention and consult their physiotherapist regarding appropriate modifications.")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "handouts", *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("program", ["early-stage", "middle-stage", "return-to-running"])
def test_the_bundled_programs_build_without_a_note(program: str) -> None:
    assert advice(Builder().handout(Request(program=program))) == []


def test_a_two_exercise_program_of_a_thousand_minutes_says_so(write, tmp_path: Path) -> None:
    program = write("long.yaml", "title: Hips\n" + CLINIC + "exercises:\n"
                    "  - id: clamshell\n    dosage: {sets: 10, reps: 100, hold_seconds: 30}\n  - pelvic-drop\n")
    result = run("build", str(program), "-o", str(tmp_path / "long.pdf"))
    assert result.returncode == 0, result.stderr
    # clamshell: 10 sets of 100 reps of 33 s, 9 rests of 60 s, each side: 1,118 minutes; pelvic drop: 9
    assert result.stderr == ("Note: one round of the 2 exercises takes about 1,127 minutes (more than 30): "
                             "check the sets, reps, holds and rests (clamshell: about 1,118 minutes)\n")


def test_a_round_of_half_an_hour_is_not_long_and_one_minute_more_is(write) -> None:
    def notes(rest: int) -> list[str]:
        program = write("p.yaml", "title: Hips\n" + CLINIC + "exercises:\n  - id: hip-listing-wall\n"
                        f"    dosage: {{sets: 3, reps: 100, rest_seconds: {rest}}}\n")
        return advice(Builder().handout(Request(program=str(program))))

    # each side in turn: (3 x 100 x 3 s + 2 rests) x 2 = 1,800 s, or 1,804 s with rests of 1 s
    assert notes(0) == []
    assert notes(1) == ["one round of the exercise takes about 31 minutes (more than 30): check the sets, reps, holds and rests "
                        "(hip-listing-wall: about 31 minutes)"]


def test_a_hold_without_a_count_is_one_hold_a_set() -> None:
    plank = Dosage(sets=3, hold_seconds=60, rest_seconds=30)
    assert wording.minutes(plank) == 5  # 3 holds of 63 s and 2 rests of 30 s: 249 s, not 33 minutes of 10 holds a set
    assert wording.minutes(Dosage(sets=3)) == 3  # no count given: ten reps of 3 s a set, 30 s rests


def test_an_exercise_above_grade_6_gets_a_note_with_its_grade(library_dir: Path, tmp_path: Path) -> None:
    hard = library_dir / "hard.yaml"
    hard.write_text((library_dir / "test-clam.yaml").read_text().replace("id: test-clam", "id: hard-one")
                    .replace("stop_if: Stop and call us if you feel sharp pain.", f"stop_if: {HARD_STOP}"))
    handout = Builder((library_dir,)).handout(Request(exercises=("test-clam", "hard-one", "clamshell"), clinic=None))
    score = readability.exercise_grade(handout.cards[1].exercise)
    assert score is not None and score.worst > 8
    assert advice(handout)[0] == (f"1 of the exercises reads above grade 6, the aim for patients: hard-one (grade {score.worst:.1f}) "
                                  "(use shorter words and sentences; handouts check scores each entry)")
    result = run("build", "-e", "hard-one", "--library", str(library_dir), "-o", str(tmp_path / "hard.pdf"))
    assert result.returncode == 0, result.stderr
    assert f"Note: 1 of the exercises reads above grade 6, the aim for patients: hard-one (grade {score.worst:.1f})" in result.stderr


def test_a_handout_in_another_language_is_not_scored_by_english_formulas(library_dir: Path) -> None:
    spanish = library_dir / "spanish.yaml"
    spanish.write_text("language: es\n" + (library_dir / "test-clam.yaml").read_text().replace("id: test-clam", "id: spanish")
                       .replace("stop_if: Stop and call us if you feel sharp pain.", f"stop_if: {HARD_STOP}"))
    handout = Builder((library_dir,)).handout(Request(exercises=("spanish",), language="es"))
    assert [note for note in advice(handout) if "grade" in note] == []
    assert readability.exercise_grade(handout.cards[0].exercise) is None


def test_a_grade_is_kept_between_runs_and_holds_no_patient_text(library_dir: Path, write, monkeypatch) -> None:
    program = write("p.yaml", "title: Hips\n" + CLINIC + "exercises:\n  - id: test-lift\n    note: Ana walks her dog Pip each morning.\n"
                    "note: Ana's own words here.\n")
    # forgotten before as well: a grade an earlier test kept in memory (under another
    # cache folder) would spare the build from writing one to this test's folder
    readability._remembered.cache_clear()
    readability._BY_ENTRY.clear()
    Builder((library_dir,)).render(Request(program=str(program)))
    readability._remembered.cache_clear()
    readability._BY_ENTRY.clear()

    def no_scoring(parts):
        raise AssertionError("scored again")

    monkeypatch.setattr(readability, "grade", no_scoring)
    entry = Builder((library_dir,)).library.entry("test-lift").exercise
    assert readability.exercise_grade(entry) is not None  # from the cache, not scored again
    kept = Path(os.environ["HANDOUTS_CACHE_DIR"]) / "grade-1"
    text = "".join(path.read_text(encoding="utf-8") for path in kept.glob("*.json"))
    assert "Pip" not in text and "Ana" not in text and "Lift your top knee" not in text
