"""Cautions the tool checks (issue 15, section 4): an entry's cautions against a program's
conditions; a note for the clinician, the clinician's copy marked, the patient's silent."""

from __future__ import annotations

import datetime as dt
import io
import re
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handouts.commands.build import Builder, Request
from handouts.commands.cli import main
from handouts.errors import InvalidInput
from handouts.handout.cautions import condition_name
from handouts.handout.words import words_for
from handouts.reading.models import Condition
from handouts.reading.resources import bundled

from ..conftest import EXERCISE
from ..helpers import squash, write_file

DAY = dt.date(2026, 12, 7)
CLINIC = "clinic: {name: Riverside Physiotherapy, phone: 555-0142}\n"
SIDE_LYING = ["clamshell", "clamshell-band", "clamshell-flexed", "side-lying-abduction-hold", "side-lying-hip-abduction"]


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def plain_entry(language: str | None = None) -> str:
    """An entry whose texts are plain, in one language (the bundled entries have English and
    Spanish side by side, and a caution added to one would need both)."""
    entry = EXERCISE.format(id="my-drop", name="My drop")
    return entry.replace("name: My drop\n", f"name: My drop\nlanguage: {language}\n") if language else entry


def program(folder: Path, conditions: str | None, exercises: str = "[clamshell, pelvic-drop]") -> str:
    text = f"title: Hips\n{CLINIC}exercises: {exercises}\n" + (f"conditions: {conditions}\n" if conditions else "")
    return str(write_file(folder, "p.yaml", text))


def text_of(data: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_a_matching_condition_is_a_note_naming_the_exercise_the_condition_and_the_reason(builder, tmp_path) -> None:
    _, advice, _ = builder.render(Request(program=program(tmp_path, "[gluteal-tendinopathy]"), date=DAY))
    cautions = [line for line in advice if "caution" in line]
    assert len(cautions) == 1  # the clamshell; the hip drop has none
    assert cautions[0].startswith("Clamshell without a band (clamshell): a caution for gluteal tendinopathy, one of this patient's conditions: "
                                  "Lying on the painful side presses on its tendons")


@pytest.mark.parametrize("conditions", [None, "[pregnancy]", "[recent-hip-replacement]"])
def test_no_matching_condition_no_note(builder, tmp_path, conditions) -> None:
    _, advice, _ = builder.render(Request(program=program(tmp_path, conditions), date=DAY))
    assert not [line for line in advice if "caution" in line]


def test_the_note_is_on_the_terminal_and_the_build_succeeds(tmp_path) -> None:
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["build", program(tmp_path, "[gluteal-tendinopathy]"), "--date", "2026-12-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Note: Clamshell without a band (clamshell): a caution for gluteal tendinopathy" in result.stderr
    assert out.is_file()


def test_strict_makes_a_match_an_error_of_one_line_and_writes_nothing(tmp_path) -> None:
    path = program(tmp_path, "[gluteal-tendinopathy]", "[pelvic-drop, clamshell, side-lying-hip-abduction]")
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["build", path, "--strict", "--date", "2026-12-07", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    # at the first exercise with a caution (the program's line 3, the second of its exercises), naming the others
    assert re.match(rf"Error: {re.escape(path)}:3:\d+: exercises\[1\]\.id: Clamshell without a band \(clamshell\): a caution for gluteal "
                    r"tendinopathy, one of this patient's conditions \(and 1 more\): ", result.stderr), result.stderr
    assert not out.exists()


def test_strict_without_a_match_builds(tmp_path) -> None:
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(main, ["build", program(tmp_path, "[pregnancy]"), "--strict", "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_the_patients_copy_says_nothing_of_it(builder, tmp_path) -> None:
    with_condition = builder.pdf(Request(program=program(tmp_path / "a", "[gluteal-tendinopathy]"), date=DAY))
    without = builder.pdf(Request(program=program(tmp_path / "b", None), date=DAY))
    assert with_condition == without  # byte for byte: not a word, not a reference more
    assert "tendinopathy" not in text_of(with_condition).lower()


def test_the_clinicians_copy_marks_the_card_with_the_caution_and_its_sources(builder, tmp_path) -> None:
    data = builder.pdf(Request(program=program(tmp_path, "[gluteal-tendinopathy]"), date=DAY, audience="clinician"))
    text = text_of(data)
    found = re.search(r"For the clinician: 1\. Clamshell without a band Caution for this patient's gluteal tendinopathy: Lying on the painful side"
                      r".*? before giving it\. \[(\d+), (\d+)\]", text)
    assert found, text
    grimaldi, mellor = found.groups()
    assert f"{grimaldi}. Grimaldi A, Mellor R, Hodges P, Bennell K, Wajswelner H, Vicenzino B. Gluteal tendinopathy" in text
    assert f"{mellor}. Mellor R, Bennell K, Grimaldi A, et al. Education plus exercise versus corticosteroid injection" in text
    assert "doi:10.1007/s40279-015-0336-5" in text and "doi:10.1136/bmj.k1662" in text
    # the hip drop has no caution
    assert "For the clinician: 2. Hip drop on a step Caution" not in text


def test_the_caution_follows_its_card_on_the_clinicians_copy(builder, tmp_path) -> None:
    data = builder.pdf(Request(program=program(tmp_path, "[gluteal-tendinopathy]", "[clamshell, pelvic-drop, hip-listing-wall]"),
                               date=DAY, audience="clinician"))
    reader = PdfReader(io.BytesIO(data))
    pages = [squash(page.extract_text()) for page in reader.pages]
    card, second = (reader.get_destination_page_number(item) for item in reader.outline[:2])  # the cards' bookmarks
    caution = next(n for n, page in enumerate(pages) if "Caution for this patient's gluteal tendinopathy" in page)
    assert card <= caution <= second
    if caution == second:
        assert pages[caution].index("Caution for this patient") < pages[caution].index("2. Hip drop on a step")


def test_a_caution_in_the_handouts_language(tmp_path) -> None:
    # a file's plain texts are in its language: here, as far as the test goes, Spanish
    entry = plain_entry(language="es") + (
        "cautions:\n  - condition: recent-hip-replacement\n"
        "    reason: Pregunte primero al cirujano.\n    citations: [reiman2012]\n")
    library = tmp_path / "library"
    write_file(library, "my-drop.yaml", entry)
    path = program(tmp_path, "[recent-hip-replacement]", "[my-drop]")
    builder = Builder((library,))
    data, advice, _ = builder.render(Request(program=path, date=DAY, audience="clinician", language="es", fallback="en"))
    assert "Pregunte primero al cirujano." in text_of(data)
    assert any(line.endswith("one of this patient's conditions: Pregunte primero al cirujano.") for line in advice)


def test_a_condition_outside_the_vocabulary_is_one_line_naming_file_line_and_field(tmp_path) -> None:
    path = program(tmp_path, "[gluteal-tendinopathi]")
    with pytest.raises(InvalidInput) as caught:
        Builder().handout(Request(program=path))
    assert caught.value.lines() == [f"{path}:4:14: conditions[0]: must be one of 'gluteal-tendinopathy', 'pregnancy', "
                                    f"'recent-hip-replacement' (not 'gluteal-tendinopathi')"]


@pytest.mark.parametrize("caution, where, says", [
    ("  - {condition: bad-back, reason: Why., citations: [reiman2012]}\n", "cautions[0].condition", "must be one of"),
    ("  - {condition: pregnancy, citations: [reiman2012]}\n", "cautions[0].reason", "is missing"),
    ("  - {condition: pregnancy, reason: Why., citations: []}\n", "cautions[0].citations", ""),
    ("  - {condition: pregnancy, reason: Why., citations: [reiman2021]}\n", "cautions[0].citations[0]",
     "no reference with the id 'reiman2021' (did you mean 'reiman2012'?)"),
])
def test_a_bad_caution_in_an_entry_is_one_line_naming_the_field(tmp_path, caution, where, says) -> None:
    entry = plain_entry()
    library = tmp_path / "library"
    write_file(library, "my-drop.yaml", entry + "cautions:\n" + caution)
    with pytest.raises(InvalidInput) as caught:
        Builder((library,)).library
    [line] = caught.value.lines()
    assert re.match(rf"{re.escape(str(library / 'my-drop.yaml'))}:\d+:\d+: {re.escape(where)}: .*{re.escape(says)}", line), line


def test_every_condition_of_the_vocabulary_has_words_and_is_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for condition in typing.get_args(Condition):
        assert condition_name(words_for("en"), condition)
        assert f"`{condition}`" in readme, condition


def test_the_bundled_cautions_are_on_the_side_lying_entries_and_cite_what_was_checked(builder) -> None:
    cautious = {i: e.exercise for i, e in builder.library.exercises.items() if e.exercise.cautions}
    assert sorted(cautious) == SIDE_LYING
    for exercise in cautious.values():
        assert exercise.position.startswith("side-lying")
        [caution] = exercise.cautions
        assert caution.condition == "gluteal-tendinopathy" and caution.citations == ["grimaldi2015", "mellor2018"]
    grimaldi, mellor = builder.library.references["grimaldi2015"], builder.library.references["mellor2018"]
    assert (grimaldi.DOI, grimaldi.volume, grimaldi.issue, grimaldi.page) == ("10.1007/s40279-015-0336-5", 45, 8, "1107-1119")
    assert (mellor.DOI, mellor.volume, mellor.page) == ("10.1136/bmj.k1662", 361, "k1662")


def test_show_lists_an_entrys_cautions() -> None:
    result = CliRunner().invoke(main, ["show", "clamshell"])
    assert "Caution for gluteal-tendinopathy: Lying on the painful side" in result.output
    assert "(grimaldi2015, mellor2018)" in result.output


def test_the_caution_words_are_in_the_message_catalogue() -> None:
    from babel.messages.extract import extract_from_file

    template = (bundled("locale") / "handouts.pot").read_text(encoding="utf-8")
    package = Path(__file__).parents[2] / "handouts"
    for source in (package / "handout" / "cautions.py", package / "page" / "card_parts.py"):
        for _, message, _, _ in extract_from_file("python", source, keywords={"_": None, "ngettext": (1, 2)}):
            for text in message if isinstance(message, tuple) else (message,):
                assert f'"{text}"' in template, f"{text!r} is not in locale/handouts.pot (run pybabel extract: see the README)"


def test_a_reason_is_printed_as_text_never_as_markup(tmp_path) -> None:
    entry = plain_entry()
    library = tmp_path / "library"
    write_file(library, "my-drop.yaml", entry + "cautions:\n  - condition: pregnancy\n"
               "    reason: \"<b>Bold</b> & <font size=40>big</font> <br/>\"\n    citations: [reiman2012]\n")
    data = Builder((library,)).pdf(Request(program=program(tmp_path, "[pregnancy]", "[my-drop]"), date=DAY, audience="clinician"))
    assert "Caution for this patient's pregnancy: <b>Bold</b> & <font size=40>big</font> <br/>" in text_of(data)
