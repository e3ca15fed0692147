"""Checking a YAML document against its model, in words a clinician can act on.

msgspec converts a valid document in one fast pass, and stops at the first problem. When
a document fails, `issues` walks it again beside the model's type information to find
every problem, so that one run lists them all; each becomes one line that names the
file, line, column and field, says what is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import operator
import re
import typing
from typing import Any, TypeVar

import msgspec
from msgspec import inspect as types

from ..errors import InvalidInput, Problem
from . import placeholders, translations
from .fields import URL_PATTERN
from .models import Exercise, exercise_model
from .yamlio import Document

M = TypeVar("M", bound=msgspec.Struct)


def validate(document: Document, model: type[M]) -> M:
    """The document's data as a `model`, or InvalidInput listing every problem."""
    if model is Exercise:
        model = exercise_model(document.data)  # type: ignore[assignment]
    if document.validated:  # kept when it validated by these rules (cache.reading_rules): only its types are checked again,
        with contextlib.suppress(msgspec.ValidationError):  # and if they fail (a damaged cache), all is, below
            return msgspec.convert(document.data, model, strict=True)
    unfilled = placeholders.problems(document)  # said instead of what else a placeholder breaks (a number, a choice)
    try:
        result = msgspec.convert(document.data, model, strict=True)
    except msgspec.ValidationError as error:
        at = {p.field for p in unfilled}
        raise InvalidInput(unfilled + [p for p in problems(document, model, error) if p.field not in at]) from None
    if unfilled:
        raise InvalidInput(unfilled)
    if document.non_finite:
        # msgspec lets infinity and NaN into a float field without limits; drawing code
        # must never see one, so the walk's rule (_number) is asked about them too
        found = issues(document.data, model)
        if found:
            raise InvalidInput([document.problem(issue.loc, explain(issue, document.plain_text.get(issue.loc))) for issue in found])
    half_translated = translations.problems(document, result)
    if half_translated:
        raise InvalidInput(half_translated)
    return result


class Issue(msgspec.Struct, frozen=True):
    """One thing wrong with a value: where, what kind, the value, and the limit it broke."""

    loc: tuple
    kind: str
    value: Any = None
    context: dict = msgspec.field(default_factory=dict)


def problems(document: Document, model: type[msgspec.Struct], error: msgspec.ValidationError) -> list[Problem]:
    found = issues(document.data, model)
    if not found:  # the walk and msgspec disagree: say what msgspec said, where it said it
        message, _, where = str(error).partition(" - at `")
        return [document.problem(_loc(document.data, where.rstrip("`")), message)]
    out = []
    for issue in found:
        if issue.kind == "extra_forbidden":
            out.append(document.problem(issue.loc, f"unknown field ({suggest(str(issue.loc[-1]), issue.context['known'])})", key=True))
        elif issue.kind == "missing":
            out.append(document.problem(issue.loc, "is missing (add it)"))
        else:
            out.append(document.problem(issue.loc, explain(issue, document.plain_text.get(issue.loc))))
    return out


def issues(data: Any, model: type[msgspec.Struct]) -> list[Issue]:
    """Every problem in `data` as a `model`, in document order."""
    found: list[Issue] = []
    _walk(data, types.type_info(model), (), found)
    return found


def _walk(value: Any, kind: types.Type, loc: tuple, found: list[Issue]) -> None:
    kind = _bare(kind)
    if isinstance(kind, types.UnionType):
        if value is None and any(isinstance(k, types.NoneType) for k in kind.types):
            return
        choices = [k for k in kind.types if not isinstance(k, types.NoneType)]
        fitting = [k for k in choices if _fits(value, k)]
        _walk(value, (fitting or choices)[0], loc, found)
    elif not _fits(value, kind):
        if isinstance(kind, types.LiteralType):
            found.append(Issue(loc, "literal_error", value, {"expected": ", ".join(repr(v) for v in kind.values)}))
        else:
            found.append(Issue(loc, _WRONG_TYPE[type(kind)], value))
    elif isinstance(kind, types.StructType):
        _struct(value, kind, loc, found)
    elif isinstance(kind, types.ListType):
        _length(value, kind, loc, found, "too")
        for i, item in enumerate(value):
            _walk(item, kind.item_type, loc + (i,), found)
    elif isinstance(kind, types.DictType):  # a text with its translations: {en: ..., es: ...}
        _length(value, kind, loc, found, "too")
        for key, item in value.items():
            _walk(key, kind.key_type, loc + (key,), found)
            _walk(item, kind.value_type, loc + (key,), found)
    elif isinstance(kind, types.StrType):
        _text(value, kind, loc, found)
    elif isinstance(kind, (types.IntType, types.FloatType)):
        _number(value, kind, loc, found)


# the issue for a value of the wrong type, by the kind of value expected
_WRONG_TYPE = {types.StructType: "dict_type", types.DictType: "dict_type", types.ListType: "list_type", types.StrType: "string_type",
               types.IntType: "int_type", types.FloatType: "float_type", types.BoolType: "bool_type",
               types.DateType: "date_type", types.NoneType: "none_required"}


def _bare(kind: types.Type) -> types.Type:
    """The type inside its constraints and descriptions."""
    while isinstance(kind, types.Metadata):
        kind = kind.type
    return kind


def _fits(value: Any, kind: types.Type) -> bool:
    """Whether `value` is of the kind of thing `kind` holds, limits aside: the one rule for
    choosing a union's branch and for a value of the wrong type."""
    kind = _bare(kind)
    if isinstance(kind, (types.StructType, types.DictType)):
        return isinstance(value, dict)
    if isinstance(kind, types.ListType):
        return isinstance(value, list)
    if isinstance(kind, types.LiteralType):
        return any(value == v and type(value) is type(v) for v in kind.values)
    if isinstance(kind, types.StrType):
        return isinstance(value, str)
    if isinstance(kind, types.IntType):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(kind, types.FloatType):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(kind, types.BoolType):
        return isinstance(value, bool)
    if isinstance(kind, types.DateType):
        return _is_date(value)
    if isinstance(kind, types.NoneType):
        return value is None
    return False


def _struct(value: dict, kind: types.StructType, loc: tuple, found: list[Issue]) -> None:
    fields = {f.encode_name: f for f in kind.fields}
    for key in value:
        if key not in fields and kind.forbid_unknown_fields:
            found.append(Issue(loc + (key,), "extra_forbidden", context={"known": list(fields)}))
    for name, spec in fields.items():
        if name in value:
            _walk(value[name], spec.type, loc + (name,), found)
        elif spec.required:
            found.append(Issue(loc + (name,), "missing"))


def _length(value: Any, kind: Any, loc: tuple, found: list[Issue], prefix: str) -> None:
    """Too short or too long: `prefix` is "string_too" for text, "too" for lists."""
    if kind.min_length is not None and len(value) < kind.min_length:
        found.append(Issue(loc, f"{prefix}_short", value, {"min_length": kind.min_length, "actual_length": len(value)}))
    elif kind.max_length is not None and len(value) > kind.max_length:
        found.append(Issue(loc, f"{prefix}_long", value, {"max_length": kind.max_length, "actual_length": len(value)}))


def _text(value: str, kind: types.StrType, loc: tuple, found: list[Issue]) -> None:
    before = len(found)
    _length(value, kind, loc, found, "string_too")
    if len(found) == before and kind.pattern and not re.search(kind.pattern, value):
        found.append(Issue(loc, "string_pattern_mismatch", value, {"pattern": kind.pattern}))


def _number(value: float, kind: types.IntType | types.FloatType, loc: tuple, found: list[Issue]) -> None:
    """The one rule for numbers: finite (what drawing code can use), then within the field's limits."""
    if isinstance(value, float) and not math.isfinite(value):
        found.append(Issue(loc, "not_finite", value))
        return
    for limit, holds in _LIMITS.items():
        bound = getattr(kind, limit)
        if bound is not None and not holds(value, bound):  # `not holds`: NaN breaks every limit
            found.append(Issue(loc, "limit", value, {"limit": limit, "bound": bound}))
            return


_LIMITS = {"ge": operator.ge, "gt": operator.gt, "le": operator.le, "lt": operator.lt}
_LIMIT_WORDS = {"ge": "at least", "gt": "more than", "le": "at most", "lt": "less than"}


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
            return True
        except ValueError:
            return False
    return False


def _loc(data: Any, path: str) -> tuple:
    """msgspec's `$.exercises[1].id` as a path into `data`, matching real keys (which may hold dots)."""
    loc: list = []
    rest = path.removeprefix("$")
    while rest:
        index = re.match(r"\[(\d+)\]", rest)
        if index and isinstance(data, list):
            loc.append(int(index.group(1)))
            data, rest = data[int(index.group(1))] if int(index.group(1)) < len(data) else None, rest[index.end():]
            continue
        keys = [k for k in data if isinstance(k, str) and rest.startswith("." + k)] if isinstance(data, dict) else []
        if not keys:
            break
        key = max(keys, key=len)
        loc.append(key)
        data, rest = data[key], rest[len(key) + 1:]
    return tuple(loc)


def suggest(word: str, known: typing.Iterable[str]) -> str:
    """' (did you mean ...?)' for the nearest known word, or a list of what is known."""
    import difflib  # (only for a word that is wrong: 2 ms a build need not spend)

    known = sorted(known)
    # a shortened name ('rest' for 'rest_seconds') is the commonest slip
    close = [k for k in known if word and k.startswith(word)] or difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if len(known) <= 16:  # a program's fields, say: short enough to list
        return "known: " + ", ".join(known)
    return "check the spelling"


_KIND_NAMES = {bool: "a yes/no value", int: "a number", float: "a number", dt.date: "a date", dt.datetime: "a date and time"}


def _plain_number(value: object) -> str:
    """12.0 -> '12', 12.5 -> '12.5'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def explain(issue: Issue, plain: str | None) -> str:
    """One problem as words: what is wrong (what to do)."""
    kind, value, ctx = issue.kind, issue.value, issue.context
    read_as = _KIND_NAMES.get(type(value))
    if plain is not None and read_as and kind == "literal_error":
        return f"YAML reads {plain!r} as {read_as}; write one of {ctx['expected']}"
    if plain is not None and read_as and kind in ("string_type", "string_pattern_mismatch"):
        return f"YAML reads {plain!r} as {read_as}, not text (put it in quotes: \"{plain}\")"
    if kind == "string_type":
        if isinstance(value, dict):
            return "must be text (only the texts a patient reads can be given in several languages)"
        return "must be text"
    if kind == "int_type":
        return "must be a whole number, such as 12" + (" (without quotes)" if isinstance(value, str) else "")
    if kind == "float_type":
        return "must be a number" + (" (without quotes)" if isinstance(value, str) else "")
    if kind == "bool_type":
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of {ctx['expected']} (not {value!r})"
    if kind == "string_pattern_mismatch":
        if ctx["pattern"] == URL_PATTERN:
            return _not_an_address(value)
        if "[a-z]{2}" in ctx["pattern"]:
            return f"{value!r} is not a language code (write two lower-case letters, such as en or es)"
        if "a-z0-9" in ctx["pattern"]:
            return f"{value!r} is not a valid id (use lower-case letters, digits and dashes, like 'side-plank')"
        if "\\n\\r" in ctx["pattern"]:
            return "must be one line (remove the line breaks; a note or a step may have several)"
        if "#" in ctx["pattern"]:
            return f"{value!r} is not a colour (write it as #rrggbb, like '#b35900')"
        return f"{value!r} is not in the right form"
    if kind == "string_too_short":
        return "is empty (write the text, or remove the field)"
    if kind == "string_too_long":
        return f"is too long ({len(value)} characters; at most {ctx['max_length']}: shorten it)"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item(s), has {ctx['actual_length']}"
    if kind == "too_long":
        return f"has too many items ({ctx['actual_length']}; at most {ctx['max_length']})"
    if kind == "not_finite":
        return f"must be an ordinary number, not {plain or value} (write digits, such as 0.5)"
    if kind == "limit":
        return f"must be {_LIMIT_WORDS[ctx['limit']]} {_plain_number(ctx['bound'])} (not {_plain_number(value)})"
    if kind == "date_type":
        return "must be a date written YYYY-MM-DD, such as 2026-11-21"
    if kind == "dict_type":
        return "must be a group of `key: value` lines"
    if kind == "list_type":
        return "must be a list (one `- item` per line)"
    return "must be left out"  # none_required


def _not_an_address(value: str) -> str:
    shown = value if len(value) <= 80 else value[:77] + "..."
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return f"{shown!r} starts with {scheme.group(1)}: (only https:// and http:// addresses, which a phone opens, are printed)"
    return (f"{shown!r} is not a complete web address (copy it from the browser's address bar: "
            "https://, a host name such as example.com, then the path, with no spaces)")


__all__ = ["validate", "issues", "suggest", "explain"]
