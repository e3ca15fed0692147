"""`video:` (an address printed as a QR code) and `source:` (where an imported entry came
from): what is accepted, and the one-line error for what is not."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from handouts.commands.cli import main
from handouts.errors import InvalidInput
from handouts.reading.models import Exercise, ImportedExercise, Program
from handouts.reading.validate import validate
from handouts.reading.yamlio import parse_yaml


def problems(source: str, model) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        validate(parse_yaml(source.encode(), "f.yaml"), model)
    return caught.value.lines()


NOT_COMPLETE = ("is not a complete web address (copy it from the browser's address bar: https://, a host name such as "
                "example.com, then the path, with no spaces)")


@pytest.mark.parametrize("address", [
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "http://clinic.example/videos/clam#t=10",
    "https://example.com:8080/a/b?c=d&e=%20f",
    "https://xn--80ak6aa92e.xn--p1ai/video",
    "https://videos.example.org",
])
def test_https_and_http_addresses_are_accepted(exercise_text, address) -> None:
    exercise = validate(parse_yaml((exercise_text() + f"video: '{address}'\n").encode(), "f.yaml"), Exercise)
    assert exercise.video == address


@pytest.mark.parametrize("address, message", [
    ("ftp://files.example.com/clam.mp4", "'ftp://files.example.com/clam.mp4' starts with ftp: (only https:// and http:// "
                                          "addresses, which a phone opens, are printed)"),
    ("javascript:alert(1)", "'javascript:alert(1)' starts with javascript: (only https:// and http:// addresses, "
                            "which a phone opens, are printed)"),
    ("data:text/html,<script>alert(1)</script>", "'data:text/html,<script>alert(1)</script>' starts with data: "
                                                 "(only https:// and http:// addresses, which a phone opens, are printed)"),
    ("https://example.com/" + "a" * 281, "is too long (301 characters; at most 300: shorten it)"),
    ("https://", f"'https://' {NOT_COMPLETE}"),
    ("https://localhost/clam", f"'https://localhost/clam' {NOT_COMPLETE}"),
    ("https://exa mple.com/clam", f"'https://exa mple.com/clam' {NOT_COMPLETE}"),
    ("www.youtube.com/watch?v=x", f"'www.youtube.com/watch?v=x' {NOT_COMPLETE}"),
    ("http:/example.com", f"'http:/example.com' {NOT_COMPLETE}"),
    ("https://user:secret@example.com/", f"'https://user:secret@example.com/' {NOT_COMPLETE}"),
    ("https://example.com/a b", f"'https://example.com/a b' {NOT_COMPLETE}"),
    ("https://münchen.example/", f"'https://münchen.example/' {NOT_COMPLETE}"),
])
def test_anything_else_is_one_line_naming_the_file_line_and_field(exercise_text, address, message) -> None:
    source = exercise_text() + f"video: '{address}'\n"
    line = source.count("\n")
    assert problems(source, Exercise) == [f"f.yaml:{line}:8: video: {message}"]


def test_a_programs_own_video_is_checked_where_it_is_written() -> None:
    source = "title: Hips\nexercises:\n  - clamshell\n  - id: pelvic-drop\n    video: javascript:alert(1)\n"
    assert problems(source, Program) == [
        "f.yaml:5:12: exercises[1].video: 'javascript:alert(1)' starts with javascript: (only https:// and http:// "
        "addresses, which a phone opens, are printed)"]


def test_a_bad_video_fails_the_build_with_exit_1_and_writes_nothing(tmp_path, write) -> None:
    program = write("ana.yaml", "title: Hips\nexercises:\n  - id: clamshell\n    video: ftp://x.example/clam\n")
    result = CliRunner().invoke(main, ["build", str(program), "-o", str(tmp_path / "ana.pdf")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {program}:4:12: exercises[0].video: 'ftp://x.example/clam' starts with ftp: (only https:// and "
        "http:// addresses, which a phone opens, are printed)"]
    assert not (tmp_path / "ana.pdf").exists()


SOURCE = """\
source:
  database: free-exercise-db
  id: Test_Clam
  licence: Unlicense, public domain
  defaulted: [stop_if, dosage]
"""


def test_an_imported_entry_keeps_its_sources_steps_and_says_what_is_defaulted(exercise_text) -> None:
    two_steps = exercise_text().replace("  - Lower the knee slowly.\n", "")
    exercise = validate(parse_yaml((two_steps + SOURCE).encode(), "f.yaml"), Exercise)
    assert isinstance(exercise, ImportedExercise) and len(exercise.steps) == 2
    assert exercise.source.database == "free-exercise-db" and exercise.source.defaulted == ["stop_if", "dosage"]
    # an entry written here is held to the card's rule: 3 to 6 steps
    assert problems(two_steps, Exercise) == ["f.yaml:11:3: steps: needs at least 3 item(s), has 2"]
    thirteen = exercise_text().replace("  - Lower the knee slowly.\n", "  - Lower the knee slowly.\n" * 11)
    assert problems(thirteen + SOURCE, Exercise) == ["f.yaml:11:3: steps: has too many items (13; at most 12)"]


def test_a_source_names_only_fields_that_can_be_defaulted(exercise_text) -> None:
    source = exercise_text() + SOURCE.replace("[stop_if, dosage]", "[stop_if, colour]").replace("  database: free-exercise-db\n", "")
    lines = problems(source, Exercise)
    assert lines[0].endswith("source.database: is missing (add it)")
    assert lines[1] == ("f.yaml:34:24: source.defaulted[1]: must be one of 'dosage', 'feel_it', 'mistakes', 'muscles', "
                        "'position', 'purpose', 'region', 'steps', 'stop_if' (not 'colour')")
