"""Which fields may hold a translatable text, as translations works it out from the models'
annotations, against msgspec.inspect's description of the same types (what it used)."""

from __future__ import annotations

import msgspec
import pytest
from msgspec import inspect as mi

from handouts.reading import models, reference_model, template_model, translations

MODELS = [models.Exercise, models.ImportedExercise, models.Program, models.Clinic, models.ImportDefaults,
          template_model.Template, reference_model.References]


def _bare(kind):
    while isinstance(kind, mi.Metadata):
        kind = kind.type
    return kind


def _text(kind) -> bool:
    bare = [_bare(k) for k in kind.types]
    return any(isinstance(k, mi.StrType) for k in bare) and any(isinstance(k, mi.DictType) for k in bare)


def _expected(kind, seen=frozenset()) -> object:
    """What may hold a text in `kind`, from msgspec.inspect: "text", {field: ...}, [item], or None."""
    kind = _bare(kind)
    if isinstance(kind, mi.UnionType):
        if _text(kind):
            return "text"
        branches = [b for b in (_expected(k, seen) for k in kind.types) if b is not None]
        return ("union", tuple(branches)) if branches else None
    if isinstance(kind, mi.StructType):
        if kind.cls in seen:
            return None
        fields = {f.encode_name: _expected(f.type, seen | {kind.cls}) for f in kind.fields}
        return {name: what for name, what in fields.items() if what is not None} or None
    if isinstance(kind, mi.ListType):
        item = _expected(kind.item_type, seen)
        return [item] if item is not None else None
    return None


def _found(kind, seen=frozenset()) -> object:
    """The same, from translations' own walk of the annotations."""
    what, detail = translations._shape(kind)
    if what == "text":
        return "text"
    if what == "union":
        branches = [b for b in (_found(k, seen) for k in detail) if b is not None]
        return ("union", tuple(branches)) if branches else None
    if what == "struct":
        cls = translations._bare(kind)
        if cls in seen:
            return None
        fields = {encode: _found(field_kind, seen | {cls}) for _, encode, field_kind in detail}
        return {name: what for name, what in fields.items() if what is not None} or None
    if what == "list":
        item = _found(detail, seen)
        return [item] if item is not None else None
    return None


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_fields_that_may_hold_a_text_are_the_ones_msgspec_describes(model: type[msgspec.Struct]) -> None:
    expected = _expected(mi.type_info(model))
    assert (expected is not None) == (model in (models.Exercise, models.ImportedExercise, models.Program, models.Clinic, models.ImportDefaults))
    assert _found(model) == expected


def test_an_exercise_has_its_texts_found_in_steps_and_names() -> None:
    found = _found(models.Exercise)
    assert found["name"] == "text" and found["steps"] == ["text"] and "id" not in found
