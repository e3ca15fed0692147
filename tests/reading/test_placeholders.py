"""Placeholders are refused in every kind of file, wherever they sit, and only they are."""

from __future__ import annotations

import pytest

from handouts.errors import InvalidInput
from handouts.reading.models import Clinic, Program
from handouts.reading.placeholders import placeholder
from handouts.reading.template_model import Template
from handouts.reading.validate import validate
from handouts.reading.yamlio import parse_yaml


def refusal(text: str, model: type) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        validate(parse_yaml(text.encode(), "f.yaml"), model)
    return caught.value.lines()


def test_a_placeholder_in_a_translation_or_a_nested_field_is_refused_where_it_is() -> None:
    text = f'name: {{en: "{placeholder("the name")}", es: Clínica}}\nphone: 555-0142\n'
    assert refusal(text, Clinic) == ["f.yaml:1:12: name.en: is still a placeholder: '<<FILL IN: the name>>' (write what it asks for in its place)"]
    text = f'title: Hips\ndate: 2026-11-21\nexercises:\n  - id: clamshell\n    dosage: {{sets: "{placeholder("a number")}"}}\n'
    assert refusal(text, Program) == [
        "f.yaml:5:20: exercises[0].dosage.sets: is still a placeholder: '<<FILL IN: a number>>' (write what it asks for in its place)"]


def test_other_problems_of_the_file_are_still_reported_beside_the_placeholders() -> None:
    text = f'name: "{placeholder("a name")}"\nmargins_mm: {{top: 5, bottom: 20, left: 20, right: 20}}\ntype_pt: {{body: 13, title: 22, heading: 17, small: 12}}\n'
    assert refusal(text, Template) == [
        "f.yaml:1:7: name: is still a placeholder: '<<FILL IN: a name>>' (write what it asks for in its place)",
        "f.yaml:2:19: margins_mm.top: must be at least 12.7 (not 5)",
    ]


def test_text_without_the_marks_passes_and_a_lone_mark_does_not() -> None:
    assert validate(parse_yaml(b"name: Clinic <3 > 2\n", "f.yaml"), Clinic).name == "Clinic <3 > 2"
    assert refusal("name: Clinic >> B\n", Clinic) == [
        "f.yaml:1:7: name: is still a placeholder: 'Clinic >> B' (write what it asks for in its place)"]
