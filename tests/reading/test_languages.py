"""Texts in several languages side by side: every code has a catalogue, every text every language."""

from __future__ import annotations

import json

import msgspec
import pytest

from handouts.errors import InvalidInput
from handouts.reading.models import FILE_KINDS, Exercise
from handouts.reading.validate import validate
from handouts.reading.yamlio import parse_yaml

ENTRY = """id: test-x
name: {NAME}
purpose: {en: Makes you strong., es: Le fortalece.}
region: hip
muscles: [gluteus medius]
position: standing
equipment: []
level: beginner
steps: [{en: Stand., es: De pie.}, {en: Lift., es: Suba.}, {en: Lower., es: Baje.}]
dosage: {sets: 1, reps: 5}
feel_it: {en: In your hip., es: En la cadera.}
mistakes: [{en: Leaning., es: Inclinarse.}]
stop_if: {en: it hurts., es: duele.}
"""


def _problems(name: str) -> list[str]:
    document = parse_yaml(ENTRY.replace("{NAME}", name).encode(), "x.yaml")
    with pytest.raises(InvalidInput) as error:
        validate(document, Exercise)
    return [str(p) for p in error.value.problems]


def test_a_text_without_a_language_the_others_have_is_a_problem_at_its_line() -> None:
    assert _problems("{en: Lift}") == ["x.yaml:2:7: name: has no Spanish ('es') text (add es: here, as the other texts have, or remove it from them)"]


@pytest.mark.parametrize("code", ["EN", "fr", "english", "e1"])
def test_a_code_without_a_catalogue_is_one_problem_not_one_for_every_text(code: str) -> None:
    assert _problems(f"{{en: Lift, es: Suba, {code}: Lift}}") == [
        f"x.yaml:2:28: name.{code}: there is no catalogue for the language {code!r} (known: en, es)"]


def test_the_schema_still_says_what_a_code_looks_like() -> None:
    text = json.dumps(msgspec.json.schema(FILE_KINDS["exercise"]))
    assert '"propertyNames": {"description": "a language code with a catalogue, such as en or es", "pattern": "^[a-z]{2}$(?!\\\\n)"}' in text
