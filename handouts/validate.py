"""Checking a YAML document against its model, in words a clinician can act on.

Pydantic finds every problem in one pass; this module turns each into one line that
names the file, line, column and field, says what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import InvalidInput, Problem
from .yamlio import Document

M = TypeVar("M", bound=BaseModel)


def validate(document: Document, model: type[M]) -> M:
    """The document's data as a `model`, or InvalidInput listing every problem."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInput(problems(document, model, error)) from None


def problems(document: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    found = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden":
            found.append(document.problem(loc, _unknown_key(model, loc), key=True))
        elif item["type"] == "missing":
            found.append(document.problem(loc, "is missing (add it)"))
        else:
            found.append(document.problem(loc, explain(item, document.plain_text.get(loc))))
    return found


def suggest(word: str, known: typing.Iterable[str]) -> str:
    """' (did you mean ...?)' for the nearest known word, or a list of what is known."""
    known = sorted(known)
    # a shortened name ('rest' for 'rest_seconds') is the commonest slip
    close = [k for k in known if word and k.startswith(word)] or difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if len(known) <= 12:
        return "known: " + ", ".join(known)
    return "check the spelling"


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    fields = _fields_at(model, loc[:-1])
    return f"unknown field ({suggest(str(loc[-1]), fields)})"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names (as written in YAML) of the sub-model that `loc` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        sub = _model_in(current)
        if sub is None or part not in _names(sub):
            return []
        current = _names(sub)[part]
    sub = _model_in(current)
    return list(_names(sub)) if sub else []


def _names(model: type[BaseModel]) -> dict[str, Any]:
    return {(info.alias or name): info.annotation for name, info in model.model_fields.items()}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    for arg in typing.get_args(annotation):
        if origin is typing.Annotated and arg is not typing.get_args(annotation)[0]:
            break
        found = _model_in(arg)
        if found:
            return found
    return None


_KIND_NAMES = {bool: "a yes/no value", int: "a number", float: "a number", dt.date: "a date", dt.datetime: "a date and time"}


def _number(value: object) -> str:
    """12.0 -> '12', 12.5 -> '12.5'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def explain(item: dict, plain: str | None) -> str:
    """One pydantic error as words: what is wrong (what to do)."""
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    read_as = _KIND_NAMES.get(type(value))
    if plain is not None and read_as and kind == "literal_error":
        expected = ctx.get("expected", "").replace(" or ", ", ")
        return f"YAML reads {plain!r} as {read_as}; write one of {expected}"
    if plain is not None and read_as and kind in ("string_type", "string_pattern_mismatch"):
        return f"YAML reads {plain!r} as {read_as}, not text (put it in quotes: \"{plain}\")"
    if kind == "string_type":
        return "must be text"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number, such as 12" + (" (without quotes)" if isinstance(value, str) else "")
    if kind in ("float_type", "float_parsing"):
        return "must be a number" + (" (without quotes)" if isinstance(value, str) else "")
    if kind == "bool_type":
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '').replace(' or ', ', ')} (not {value!r})"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "a-z0-9" in pattern:
            return f"{value!r} is not a valid id (use lower-case letters, digits and dashes, like 'side-plank')"
        if "#" in pattern:
            return f"{value!r} is not a colour (write it as #rrggbb, like '#b35900')"
        return f"{value!r} is not in the right form"
    if kind == "string_too_short":
        return "is empty (write the text, or remove the field)"
    if kind == "string_too_long":
        return f"is too long ({len(value)} characters; at most {ctx.get('max_length')}: shorten it)"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"has too many items ({ctx.get('actual_length')}; at most {ctx.get('max_length')})"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {_number(ctx.get('ge', ctx.get('gt')))} (not {_number(value)})"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {_number(ctx.get('le', ctx.get('lt')))} (not {_number(value)})"
    if kind.startswith("date"):
        return "must be a date written YYYY-MM-DD, such as 2026-11-21"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a group of `key: value` lines"
    if kind in ("list_type", "tuple_type"):
        return "must be a list (one `- item` per line)"
    return item["msg"]


__all__ = ["validate", "suggest", "explain"]
