"""Validating files against their models: every problem, in words a clinician can act on."""

from __future__ import annotations

import pytest

from handouts.errors import InvalidInput
from handouts.reading.library import load_library
from handouts.reading.models import Exercise, Program
from handouts.reading.template_model import Template
from handouts.reading.validate import validate
from handouts.reading.yamlio import parse_yaml


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
        "f.yaml:21:9: dosage.side: YAML reads 'no' as a yes/no value; write one of 'both', 'each', 'left', 'right'",
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
    from handouts.commands.check import check_paths

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


# ---- the walk that names every problem agrees with msgspec, which stops at the first ----

import datetime as dt

import msgspec
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from handouts.pictures.pictogram.pose_file import PoseFile
from handouts.reading.models import FILE_KINDS
from handouts.reading.reference_model import Reference
from handouts.reading.resources import bundled
from handouts.reading.validate import issues

ODD_VALUES = [None, True, False, 0, -1, 7, 100_000, 1.5, float("nan"), float("inf"), "", "x", "x" * 2001, "left",
              "2026-02-30", "2026-11-21", dt.date(2026, 11, 21), dt.datetime(2026, 11, 21, 9, 30), [], ["a"], ["a"] * 7,
              [{}], {}, {"id": "clamshell"}, "Test Clam", "#b35900", "orange", [1, 2]]


def _valid(kind: str) -> dict:
    folder = {"exercise": "exercises", "program": "programs", "template": "templates", "references": "references"}[kind]
    path = sorted(bundled(folder).glob("*.yaml"))[0]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _paths(value, path=()):
    """Every key and list position in `value`, as paths."""
    yield path
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _paths(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _paths(sub, path + (i,))


def _replace(data, path, new):
    if not path:
        return new
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replace(data[path[0]], path[1:], new)
    return copy


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["exercise", "program", "template", "references"]), st.data())
def test_the_walk_finds_a_problem_exactly_when_msgspec_refuses(kind, data) -> None:
    model = FILE_KINDS[kind]
    valid = _valid(kind)
    path = data.draw(st.sampled_from(list(_paths(valid))[1:]))
    broken = _replace(valid, path, data.draw(st.sampled_from(ODD_VALUES)))
    if data.draw(st.booleans()):  # an unknown key, or a missing one, as well
        broken = dict(broken)
        if data.draw(st.booleans()):
            broken["colour_of_the_sky"] = "blue"
        else:
            broken.pop(data.draw(st.sampled_from(sorted(broken))))
    try:
        msgspec.convert(broken, model, strict=True)
        refused = False
    except msgspec.ValidationError:
        refused = True
    assert bool(issues(broken, model)) == refused, (path, issues(broken, model))


def test_the_bundled_files_have_no_problems_to_walk() -> None:
    for kind in ("exercise", "program", "template", "references"):
        assert issues(_valid(kind), FILE_KINDS[kind]) == []


def test_limits_that_exclude_the_bound_say_more_than() -> None:
    source = "view: side\nend:\n  orientation: standing\narrows:\n  - move: right_foot\n    length: 0\n"
    assert problems(source, PoseFile) == ["f.yaml:6:13: arrows[0].length: must be more than 0 (not 0)"]


def test_a_reference_keeps_only_what_it_knows_and_names_csl_keys_as_written() -> None:
    source = "id: x\ntitle: A study\ncontainer-title: 12\nabstract: ignored\n"
    assert problems(source, Reference) == ["f.yaml:3:18: container-title: YAML reads '12' as a number, not text (put it in quotes: \"12\")"]


def test_msgspec_paths_are_read_against_the_real_keys_even_with_dots_in_them() -> None:
    from handouts.reading.validate import _loc

    data = {"a": 1, "a.b": {"c": [1, {"d": 2}]}}
    assert _loc(data, "$.a.b.c[1].d") == ("a.b", "c", 1, "d")
    assert _loc(data, "$.zzz") == ()


# ---- numbers: finite, and within a range, in every field of every file kind ----

from msgspec import inspect as msgspec_types

from handouts.pictures.pictogram.pose_file import BasePose, PoseFileInlineBase

EVERY_KIND = {**FILE_KINDS, "pose": PoseFile, "pose with its base inline": PoseFileInlineBase, "base pose": BasePose}


def number_fields(kind, where: str, seen: set, found: list) -> list:
    """(field, lower bound, upper bound) of every number a file of `kind` may hold."""
    while isinstance(kind, msgspec_types.Metadata):
        kind = kind.type
    if isinstance(kind, msgspec_types.UnionType):
        for choice in kind.types:
            number_fields(choice, where, seen, found)
    elif isinstance(kind, msgspec_types.StructType) and kind.cls not in seen:
        seen.add(kind.cls)
        for spec in kind.fields:
            number_fields(spec.type, f"{where}.{spec.encode_name}", seen, found)
    elif isinstance(kind, msgspec_types.ListType):
        number_fields(kind.item_type, where + "[]", seen, found)
    elif isinstance(kind, (msgspec_types.IntType, msgspec_types.FloatType)):
        low = kind.ge if kind.ge is not None else kind.gt
        high = kind.le if kind.le is not None else kind.lt
        found.append((where, low, high))
    return found


@pytest.mark.parametrize("name", EVERY_KIND)
def test_every_number_field_has_a_finite_range(name) -> None:
    fields = number_fields(msgspec_types.type_info(EVERY_KIND[name]), name, set(), [])
    unbounded = [f for f in fields if f[1] is None or f[2] is None]
    assert unbounded == []
    assert name in ("exercise", "clinic") or fields  # the walk sees the numbers there are


@pytest.mark.parametrize("written", [".inf", "-.Inf", ".nan", "1.0e+999"])
@pytest.mark.parametrize("model, source, field", [
    (Template, "name: t\nmargins_mm: {top: 15, bottom: 15, left: 15, right: VALUE}\ntype_pt: {body: 13, title: 22, heading: 17, small: 12}\n",
     "margins_mm.right"),
    (PoseFile, "view: side\nend: {orientation: standing}\narrows:\n  - {move: head, offset: [0, VALUE]}\n", "arrows[0].offset[1]"),
    (PoseFile, "view: side\nlook_down: VALUE\nend: {orientation: standing}\n", "look_down"),
    (BasePose, "orientation: standing\nright_knee: {flexion: VALUE}\n", "right_knee.flexion"),
], ids=["template", "pose-offset", "pose-look-down", "base-pose-angle"])
def test_no_infinity_or_nan_reaches_a_number_field(model, source, field, written) -> None:
    [line] = problems(source.replace("VALUE", written), model)
    assert line.endswith(f": {field}: must be an ordinary number, not {written} (write digits, such as 0.5)"), line
