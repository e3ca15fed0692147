"""What changed since the last visit (issue 15, section 3): each kind of change, compared on
the resolved handouts, and the box on page 1."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handouts.commands.build import Builder, Request
from handouts.commands.cli import main
from handouts.handout.changes import DoseChange, compare, lines, more
from handouts.handout.words import Words
from handouts.page.sections import CHANGES_LINES
from handouts.reading.resources import bundled

from ..helpers import squash, write_file

DAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def program(folder: Path, name: str, exercises: str) -> str:
    return str(write_file(folder, name, f"title: Hips\nclinic: {{name: Riverside Physiotherapy, phone: 555-0142}}\nexercises:\n{exercises}"))


def changes(builder: Builder, tmp_path: Path, old: str, new: str):
    handout = builder.handout(Request(program=program(tmp_path, "new.yaml", new), since=program(tmp_path, "old.yaml", old), date=DAY))
    return handout.changes, lines(handout.words, handout.changes)


def page_one(data: bytes) -> str:
    return squash(PdfReader(io.BytesIO(data)).pages[0].extract_text())


def test_an_added_exercise_is_named(builder, tmp_path) -> None:
    found, said = changes(builder, tmp_path, "  - clamshell\n", "  - clamshell\n  - pelvic-drop\n")
    assert [card.exercise.id for card in found.added] == ["pelvic-drop"] and not found.stopped and not found.doses
    assert said == [("New exercise:", "Hip drop on a step.")]


def test_a_stopped_exercise_is_named_with_its_leg(builder, tmp_path) -> None:
    found, said = changes(builder, tmp_path, "  - clamshell\n  - {id: pelvic-drop, side: left}\n", "  - clamshell\n")
    assert [card.exercise.id for card in found.stopped] == ["pelvic-drop"] and not found.added and not found.doses
    assert said == [("Stop doing:", "Hip drop on a step (stand on left leg).")]  # the leg stood on, not the hip dropped


def test_a_changed_dose_says_now_and_was_in_the_dose_box_words(builder, tmp_path) -> None:
    found, said = changes(builder, tmp_path, "  - {id: clamshell, dosage: {sets: 2, reps: 10}}\n",
                          "  - {id: clamshell, dosage: {hold_seconds: 3}}\n")
    # the new program changes only the hold: its sets and reps are the entry's own again, 3 and 12
    assert found.doses == (
        DoseChange("Clamshell without a band", "amount", "12 times in a row, 3 sets", "10 times in a row, 2 sets"),
        DoseChange("Clamshell without a band", "hold", "3 seconds each time", "1 second each time"),
    )
    assert said == [("Clamshell without a band:", "now 12 times in a row, 3 sets, was 10 times in a row, 2 sets."),
                    ("Clamshell without a band, hold:", "now 3 seconds each time, was 1 second each time.")]


def test_a_changed_side_is_a_change_not_one_stopped_and_one_added(builder, tmp_path) -> None:
    found, said = changes(builder, tmp_path, "  - {id: clamshell, side: left}\n", "  - clamshell\n")
    assert not found.added and not found.stopped
    assert said == [("Clamshell without a band, which leg:", "now each leg, was your left leg only.")]


def test_a_part_of_the_dose_that_is_new_or_gone(builder, tmp_path) -> None:
    # the side leg lift's entry has no hold
    _, said = changes(builder, tmp_path, "  - side-lying-hip-abduction\n", "  - {id: side-lying-hip-abduction, dosage: {hold_seconds: 2}}\n")
    assert said == [("Side leg lift, hold:", "now 2 seconds each time (new).")]
    _, said = changes(builder, tmp_path, "  - {id: side-lying-hip-abduction, dosage: {hold_seconds: 2}}\n", "  - side-lying-hip-abduction\n")
    assert said == [("Side leg lift, hold:", "none now, was 2 seconds each time.")]


def test_a_changed_bundled_default_shows(tmp_path) -> None:
    """The same program resolved against the bundled clamshell, then against a library whose
    clamshell has another default dose: the comparison is of the doses the patient does."""
    text = (bundled("exercises") / "clamshell.yaml").read_text(encoding="utf-8")
    assert "  sets: 3\n  reps: 12\n" in text
    write_file(tmp_path / "clinic-library", "clamshell.yaml", text.replace("  sets: 3\n  reps: 12\n", "  sets: 2\n  reps: 15\n"))
    path = program(tmp_path, "p.yaml", "  - clamshell\n")
    old = Builder((tmp_path / "clinic-library",)).handout(Request(program=path, date=DAY))
    new = Builder().handout(Request(program=path, date=DAY))
    assert compare(old, new).doses == (DoseChange("Clamshell without a band", "amount", "12 times in a row, 3 sets", "15 times in a row, 2 sets"),)


def test_a_dose_that_prints_the_same_is_no_change(builder, tmp_path) -> None:
    # one set has no rest between sets, so its rest time is never printed
    found, said = changes(builder, tmp_path, "  - {id: clamshell, dosage: {sets: 1, rest_seconds: 30}}\n",
                          "  - {id: clamshell, dosage: {sets: 1, rest_seconds: 90}}\n")
    assert found.none and said == []


def test_nothing_changed_says_so_in_one_line(builder, tmp_path) -> None:
    path = program(tmp_path, "p.yaml", "  - clamshell\n  - pelvic-drop\n")
    handout = builder.handout(Request(program=path, since=path, date=DAY))
    assert handout.changes.none
    text = page_one(builder.pdf(Request(program=path, since=path, date=DAY)))
    assert "Since your last visit: nothing has changed. Keep going as before." in text
    assert "What changed" not in text


def test_the_box_is_on_page_one_after_the_key_points(builder, tmp_path) -> None:
    old = program(tmp_path, "old.yaml", "  - {id: clamshell, side: left}\n")
    new = program(tmp_path, "new.yaml", "  - clamshell\n  - pelvic-drop\n")
    text = page_one(builder.pdf(Request(program=new, since=old, date=DAY)))
    box = text.index("What changed since your last visit")
    assert text.index("Call us:") < box < text.index("Your week:")
    assert "New exercise: Hip drop on a step." in text
    assert "Clamshell without a band, which leg: now each leg, was your left leg only." in text


def test_without_since_there_is_no_box(builder, tmp_path) -> None:
    text = page_one(builder.pdf(Request(program=program(tmp_path, "p.yaml", "  - clamshell\n"), date=DAY)))
    assert "since your last visit" not in text.lower()


def test_many_changes_keep_the_box_short_and_always_name_what_stopped(builder, tmp_path) -> None:
    old = "".join(f"  - {{id: {i}, side: left, dosage: {{sets: 1, reps: 5, hold_seconds: 9, days_per_week: 2}}}}\n"
                  for i in ("clamshell", "pelvic-drop", "hip-listing-wall", "wall-side-bend", "lateral-band-walk"))
    new = "  - clamshell\n  - pelvic-drop\n  - hip-listing-wall\n  - single-leg-deadlift\n"
    found, said = changes(builder, tmp_path, old, new)
    assert len(said) > 4
    data = builder.pdf(Request(program=str(tmp_path / "new.yaml"), since=str(tmp_path / "old.yaml"), date=DAY))
    text = page_one(data)
    assert "Stop doing: Side bend at the wall (left leg), Side steps with a band (left leg)." in text
    shown = text[text.index("What changed"):text.index("Your week:")]
    hidden = int(re.search(r"And (\d+) more changes: see the exercises below\.", shown).group(1))
    assert sum(f"{lead} {line}" in shown for lead, line in said) == len(said) - hidden >= 1
    printed = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    box = printed[printed.index("What changed"):printed.index("Your week:")]
    assert len(box.strip().splitlines()) <= CHANGES_LINES  # the heading, the changes shown, and how many more


def test_a_layout_without_the_changes_section_says_so_to_the_clinician(builder, tmp_path) -> None:
    path = program(tmp_path, "p.yaml", "  - clamshell\n")
    data, advice, _ = builder.render(Request(program=path, since=path, template="one-page", date=DAY))
    assert any("no 'changes' section" in line for line in advice)
    assert "since your last visit" not in page_one(data).lower()


class Marked:
    """A catalogue that marks every text it gives, to show what went through it."""

    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"«{singular if n == 1 else plural}»"


def test_every_word_of_the_box_comes_from_the_catalogue(builder, tmp_path) -> None:
    found, _ = changes(builder, tmp_path, "  - {id: clamshell, side: left, dosage: {sets: 2}}\n  - wall-side-bend\n",
                       "  - clamshell\n  - pelvic-drop\n")
    said = lines(Words("xx", Marked()), found)
    assert len(said) == 4
    for lead, text in said:
        assert lead.startswith("«") and lead.endswith("»") and text.startswith("«") and text.endswith("»")
    assert more(Words("xx", Marked()), 3) == "«And {n} more changes: see the exercises below.»".replace("{n}", "3")


def test_the_box_words_are_in_the_message_catalogue() -> None:
    from babel.messages.extract import extract_from_file

    template = (bundled("locale") / "handouts.pot").read_text(encoding="utf-8")
    source = Path(__file__).parents[2] / "handouts" / "handout" / "changes.py"
    found = [message for _, message, _, _ in extract_from_file("python", source, keywords={"_": None, "ngettext": (1, 2)})]
    assert len(found) > 15
    for message in found:
        for text in (message if isinstance(message, tuple) else (message,)):
            assert f'"{text}"' in template, f"{text!r} is not in locale/handouts.pot (run pybabel extract: see the README)"


def test_since_on_the_command_line(tmp_path) -> None:
    old = program(tmp_path, "old.yaml", "  - {id: clamshell, side: left}\n")
    new = program(tmp_path, "new.yaml", "  - clamshell\n")
    out = tmp_path / "new.pdf"
    result = CliRunner().invoke(main, ["build", new, "--since", old, "--date", "2026-12-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Clamshell without a band, which leg: now each leg" in page_one(out.read_bytes())


def test_since_with_several_programs_is_a_usage_error(tmp_path) -> None:
    old = program(tmp_path, "old.yaml", "  - clamshell\n")
    result = CliRunner().invoke(main, ["build", old, old, "--since", old, "--out-dir", str(tmp_path)])
    assert result.exit_code == 2 and "--since" in result.output


def test_the_pdf_never_replaces_the_old_program(tmp_path) -> None:
    old = program(tmp_path, "old.yaml", "  - clamshell\n")
    before = Path(old).read_bytes()
    result = CliRunner().invoke(main, ["build", "-e", "clamshell", "--since", old, "-o", old])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and f"is the previous program (--since) {old}, which this run reads" in result.stderr
    assert Path(old).read_bytes() == before


def test_a_missing_old_program_is_one_line(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", "-e", "clamshell", "--since", str(tmp_path / "gone.yaml"), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "gone.yaml" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
