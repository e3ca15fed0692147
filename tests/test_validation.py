"""Validating files against their models: every problem, in words a clinician can act on."""

from __future__ import annotations

import pytest

from handouts.errors import InvalidInput
from handouts.library import load_library
from handouts.models import Exercise, Program, Template
from handouts.validate import validate
from handouts.yamlio import parse_yaml


def problems(source: str, model) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        validate(parse_yaml(source.encode(), "f.yaml"), model)
    return caught.value.lines()


def test_unknown_keys_suggest_the_nearest_known_key(exercise_text) -> None:
    source = exercise_text().replace("steps:", "stepz:").replace("  rest_seconds: 60", "  rest: 60")
    assert problems(source, Exercise) == [
        "f.yaml:1:1: steps: is missing (add it)",
        "f.yaml:10:1: stepz: unknown field (did you mean 'steps'?)",
        "f.yaml:18:3: dosage.rest: unknown field (did you mean 'rest_seconds'?)",
    ]


def test_yaml_11_traps_are_named_with_what_was_written(exercise_text) -> None:
    source = (exercise_text().replace("side: each", "side: no")
              .replace("feel_it: In the side of your top hip.", "feel_it: 3.10")
              .replace("stop_if: Stop and call us if you feel sharp pain.", "stop_if: 2026-01-01"))
    assert problems(source, Exercise) == [
        "f.yaml:21:9: dosage.side: YAML reads 'no' as a yes/no value; write one of 'left', 'right', 'both', 'each'",
        "f.yaml:23:10: feel_it: YAML reads '3.10' as a number, not text (put it in quotes: \"3.10\")",
        "f.yaml:27:10: stop_if: YAML reads '2026-01-01' as a date, not text (put it in quotes: \"2026-01-01\")",
    ]


def test_wrong_types_and_limits(exercise_text) -> None:
    source = (exercise_text().replace("sets: 3", 'sets: "3"').replace("reps: 12", "reps: 0")
              .replace("id: test-clam", "id: Test Clam").replace("muscles: [gluteus medius]", "muscles: gluteus medius"))
    assert problems(source, Exercise) == [
        "f.yaml:1:5: id: 'Test Clam' is not a valid id (use lower-case letters, digits and dashes, like 'side-plank')",
        "f.yaml:5:10: muscles: must be a list (one `- item` per line)",
        "f.yaml:15:9: dosage.sets: must be a whole number, such as 12 (without quotes)",
        "f.yaml:16:9: dosage.reps: must be at least 1 (not 0)",
    ]


def test_too_few_steps_and_a_step_too_long(exercise_text) -> None:
    source = exercise_text().replace("  - Lower the knee slowly.\n", "")
    assert problems(source, Exercise) == ["f.yaml:11:3: steps: needs at least 3 item(s), has 2"]
    source = exercise_text().replace("Lower the knee slowly.", "x" * 2001)
    assert problems(source, Exercise) == ["f.yaml:13:5: steps[2]: is too long (2001 characters; at most 2000: shorten it)"]


def test_program_items_may_be_ids_or_mappings_and_dates_are_checked() -> None:
    source = "title: Hips\ndate: 21/11/2026\nexercises:\n  - clamshell\n  - id: lift\n    sidee: left\n"
    assert problems(source, Program) == [
        "f.yaml:2:7: date: must be a date written YYYY-MM-DD, such as 2026-11-21",
        "f.yaml:6:5: exercises[1].sidee: unknown field (did you mean 'side'?)",
    ]


def test_template_colours_and_minimum_type_size() -> None:
    source = """\
name: tiny
margins_mm: {top: 15, bottom: 15, left: 15, right: 15}
type_pt: {body: 9, title: 20, heading: 16, small: 10}
colours: {accent: orange}
"""
    assert problems(source, Template) == [
        "f.yaml:3:17: type_pt.body: must be at least 12 (not 9)",
        "f.yaml:4:19: colours.accent: 'orange' is not a colour (write it as #rrggbb, like '#b35900')",
    ]


def test_library_reports_duplicate_ids_and_unknown_links_with_closest_match(library_dir, exercise_text) -> None:
    (library_dir / "copy.yaml").write_text(exercise_text(), encoding="utf-8")
    (library_dir / "linked.yaml").write_text(
        exercise_text("linked", "Linked").replace("citations:\n  - id: burnet2009", "progression: [test-lifts]\ncitations:\n  - id: burnet2008"),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as caught:
        load_library([library_dir])
    lines = [line.replace(str(library_dir), "LIB") for line in caught.value.lines()]
    assert lines == [
        "LIB/linked.yaml:28:15: progression[0]: no exercise with the id 'test-lifts' (did you mean 'test-lift'?)",
        "LIB/linked.yaml:30:9: citations[0].id: no reference with the id 'burnet2008' (did you mean 'burnet2009'?)",
        "LIB/test-clam.yaml:1:5: id: duplicate id 'test-clam' (also used by LIB/copy.yaml; give one a new id)",
    ]


def test_a_clinic_library_replaces_a_bundled_entry_of_the_same_id(tmp_path, exercise_text) -> None:
    bundled = load_library()
    some_id = next(iter(bundled.exercises))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "mine.yaml").write_text(exercise_text(some_id, "Our own version"), encoding="utf-8")
    mixed = load_library([folder])
    assert mixed.exercises[some_id].exercise.name == "Our own version"
    assert set(mixed.exercises) == set(bundled.exercises)


def test_a_misspelt_pose_is_found_by_check_not_at_layout(library_dir, exercise_text, tmp_path) -> None:
    from handouts.checking import check_paths

    program = tmp_path / "p.yaml"
    program.write_text("title: x\nexercises:\n  - id: test-clam\n    illustration: {pose: mine.yaml}\n")
    with pytest.raises(InvalidInput) as caught:
        check_paths((program,), (library_dir,))
    assert caught.value.lines() == [f"{program}:4:26: exercises[0].illustration.pose: pose file 'mine.yaml' not found next to this file"]
    (library_dir / "posed.yaml").write_text(exercise_text("posed", "Posed") + "illustration:\n  pose: clamshel\n")
    with pytest.raises(InvalidInput) as caught:
        check_paths((), (library_dir,))
    assert caught.value.lines() == [
        f"{library_dir}/posed.yaml:32:9: illustration.pose: no bundled pose named 'clamshel' (did you mean 'clamshell'?)",
    ]
