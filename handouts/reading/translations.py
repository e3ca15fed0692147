"""Texts in several languages, side by side in one file: checked, then picked for a handout.

A text the patient reads may be plain (in the file's `language`, English unless it says
otherwise) or a mapping of language codes to the same text in each language:

    name: {en: Clamshell, es: La almeja}

In one file every such text has the same languages, so a translation is never half
done unseen: a text that lacks a language the others have is a problem at its line.
`localized` then gives a model with plain text in one language, for a handout.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Callable, Iterator, Union

import msgspec

from ..errors import Problem
from .resources import bundled
from .yamlio import Document

DEFAULT = "en"  # the language of plain text, unless a file says otherwise


@cache
def known_languages() -> tuple[str, ...]:
    """English, and every language with a message catalogue in locale/."""
    folder = bundled("locale")
    found = {p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir()} if folder.is_dir() else set()
    return tuple(sorted(found | {DEFAULT}))


def languages_of(model: msgspec.Struct, default: str | None = None) -> list[str]:
    """The languages `model`'s texts are written in, in order: plain text's first."""
    plain = plain_language(model) or default or DEFAULT
    found = {plain}
    for _, value in texts_of(model):
        if isinstance(value, dict):
            found.update(value)
    return sorted(found, key=lambda code: (code != plain, code))


def plain_language(model: msgspec.Struct) -> str | None:
    """The language of the file's plain texts; None for a program that names none, whose
    plain texts are in whatever language its handout is."""
    if hasattr(model, "language"):
        return model.language
    return DEFAULT


def problems(document: Document, model: msgspec.Struct) -> list[Problem]:
    """Unknown language codes, and texts that lack a language other texts of the file have."""
    plain = plain_language(model)
    texts = list(texts_of(model))
    if not any(isinstance(value, dict) for _, value in texts):
        return []  # every text plain, in the file's one language: none can lack another
    found: list[Problem] = []
    for path, value in texts:
        if isinstance(value, dict):
            for code in value:
                if code not in known_languages():
                    found.append(document.problem(path + (code,), f"there is no catalogue for the language {code!r} "
                                                  f"(known: {', '.join(known_languages())})", key=True))
    # (a code without a catalogue is its own problem, above: not one more for every other text)
    everywhere = {code for _, value in texts for code in _languages(value, plain) if code is not None and code in known_languages()}
    for path, value in texts:
        missing = sorted(everywhere - _languages(value, plain))
        if missing and not (isinstance(value, str) and plain is None):
            codes = ", ".join(f"{code}:" for code in missing)
            if isinstance(value, str):
                hint = f"write it as {', '.join(f'{c}:' for c in sorted(everywhere))} lines, as the other texts are"
            else:
                hint = f"add {codes} here, as the other texts have, or remove it from them"
            found.append(document.problem(path, f"has no {_names(missing)} text ({hint})"))
    return found


def localized(model: msgspec.Struct, language: str, *, plain: str | None, fallback: str | None = None) -> tuple[Any, list[tuple]]:
    """`model` with each text in `language` (else `fallback`), and the paths of texts in neither.

    `plain` is the language of the model's plain texts (None: any language).
    """
    missing: list[tuple] = []

    def pick(path: tuple, value: str | dict) -> str:
        text = text_in(value, language, plain=plain, fallback=fallback)
        if text is None:
            missing.append(path)
            return value if isinstance(value, str) else next(iter(value.values()))
        return text

    return _rebuilt(model, type(model), (), pick), missing


def text_in(value: str | dict, language: str, *, plain: str | None, fallback: str | None = None) -> str | None:
    """One text in `language`, else in `fallback`; None when it is in neither."""
    if isinstance(value, str):
        return value if plain in (None, language, fallback) else None
    for code in (language, fallback):
        if code in value:
            return value[code]
    return None


def texts_of(model: msgspec.Struct) -> Iterator[tuple[tuple, str | dict]]:
    """Every text that may be translated in `model`, with its path in the file."""
    found: list[tuple[tuple, str | dict]] = []

    def note(path: tuple, value: str | dict) -> str | dict:
        found.append((path, value))
        return value

    _rebuilt(model, type(model), (), note)
    return iter(found)


def _rebuilt(value: Any, kind: Any, path: tuple, leaf: Leaf) -> Any:
    """`value` (of type `kind`: a model's class, or a field's type as msgspec.structs.fields
    resolves it) with `leaf(path, text)` in place of each translatable text."""
    return _walker(kind)(value, path, leaf)


Leaf = Callable[[tuple, Any], Any]
Walk = Callable[[Any, tuple, Leaf], Any]

# One walking function per type, made from its shape once: a listing or a batch walks
# every entry twice (its texts checked, then put in one language), and asking each value
# afresh what its type is, by a shape's name, was most of the walk.
_walkers: dict[int, tuple[Any, Walk]] = {}


def _walker(kind: Any) -> Walk:
    known = _walkers.get(id(kind))
    if known is None:
        known = _walkers[id(kind)] = (kind, _walk_of(kind))
    return known[1]


def _walk_of(kind: Any) -> Walk:
    what, detail = _shape(kind)
    if what == "text":
        return _text
    if what == "union":
        return _union_walk(tuple((_bare(k), k) for k in detail))
    if what == "struct":
        return _struct_walk(detail)
    if what == "list":
        return _list_walk(detail)
    return _as_it_is


def _text(value: Any, path: tuple, leaf: Leaf) -> Any:
    return None if value is None else leaf(path, value)


def _as_it_is(value: Any, path: tuple, leaf: Leaf) -> Any:
    return value


def _union_walk(branches: tuple) -> Walk:
    def walk(value: Any, path: tuple, leaf: Leaf) -> Any:
        if value is None:
            return None
        for bare, branch in branches:
            if _holds(bare, value):
                return _walker(branch)(value, path, leaf)
        return value
    return walk


def _struct_walk(fields: tuple) -> Walk:
    # the fields' own walks are looked up at the first walk, not now: a type may hold
    # itself, and its walk must exist before its fields' can name it
    walks: list[tuple[str, str, Walk]] = []

    def walk(value: Any, path: tuple, leaf: Leaf) -> Any:
        if not isinstance(value, msgspec.Struct):
            return value
        if not walks:
            walks.extend((name, encode_name, _walker(kind)) for name, encode_name, kind in fields)
        changes = {}
        for name, encode_name, field_walk in walks:
            old = getattr(value, name)
            if old is None:
                continue
            new = field_walk(old, path + (encode_name,), leaf)
            if new is not old:
                changes[name] = new
        return msgspec.structs.replace(value, **changes) if changes else value
    return walk


def _list_walk(item: Any) -> Walk:
    def walk(value: Any, path: tuple, leaf: Leaf) -> Any:
        if not isinstance(value, list):
            return value
        item_walk = _walker(item)
        items = [item_walk(each, path + (i,), leaf) for i, each in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value)) else items
    return walk


# What _rebuilt needs to know of a type, worked out once per type (a listing or a batch
# walks every entry: walking each field's type afresh took most of `handouts list`'s
# time). Keyed by the id of a type (a class, or an annotation as msgspec resolved it),
# which is kept beside it, so that an id is never reused for another.
_shapes: dict[int, tuple[Any, tuple[str, Any]]] = {}


def _shape(kind: Any) -> tuple[str, Any]:
    """("text", None), ("union", its branches), ("struct", the fields that may hold a
    text: (name, name in the file, type)), ("list", the item type), or ("plain", None) for
    what holds no translatable text and is left as it is."""
    known = _shapes.get(id(kind))
    if known is None:
        known = _shapes[id(kind)] = (kind, _worked_out(_bare(kind)))
    return known[1]


def _worked_out(kind: Any) -> tuple[str, Any]:
    if _is_union(kind):
        return ("text", None) if _translatable(kind) else ("union", typing.get_args(kind)) if _may_hold(kind) else ("plain", None)
    if _is_struct(kind):
        fields = tuple((spec.name, spec.encode_name, spec.type) for spec in _fields(kind) if _may_hold(spec.type))
        return ("struct", fields) if fields else ("plain", None)
    if typing.get_origin(kind) is list and _may_hold(_item(kind)):
        return "list", _item(kind)
    return "plain", None


def _may_hold(kind: Any, seen: frozenset[int] = frozenset()) -> bool:
    """Whether a value of `kind` may hold a translatable text somewhere inside."""
    kind = _bare(kind)
    if id(kind) in seen:  # a type inside itself: what it holds is decided where it started
        return False
    inside = seen | {id(kind)}
    if _is_union(kind):
        return _translatable(kind) or any(_may_hold(k, inside) for k in typing.get_args(kind))
    if _is_struct(kind):
        return any(_may_hold(spec.type, inside) for spec in _fields(kind))
    if typing.get_origin(kind) is list:
        return _may_hold(_item(kind), inside)
    return False


def _translatable(kind: Any) -> bool:
    """A text or a mapping of languages to texts: `Localized` in the models."""
    bare = [_bare(k) for k in typing.get_args(kind) if _bare(k) is not type(None)]
    return any(k is str for k in bare) and any(k is dict or typing.get_origin(k) is dict for k in bare)


def _holds(kind: Any, value: Any) -> bool:
    kind = _bare(kind)
    if _is_struct(kind):
        return isinstance(value, kind)
    if typing.get_origin(kind) is list:
        return isinstance(value, list)
    return kind is not type(None)


def _bare(kind: Any) -> Any:
    """`kind` without its Annotated constraints (msgspec.Meta)."""
    while typing.get_origin(kind) is Annotated:
        kind = kind.__origin__
    return kind


def _is_union(kind: Any) -> bool:
    return typing.get_origin(kind) in (Union, types.UnionType)


def _is_struct(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct)


def _item(kind: Any) -> Any:
    args = typing.get_args(kind)
    return args[0] if args else Any


@cache
def _fields(struct: type) -> tuple:
    return msgspec.structs.fields(struct)


def _languages(value: str | dict, plain: str | None) -> set[str | None]:
    return set(value) if isinstance(value, dict) else {plain}


_NAMES = {"en": "English", "es": "Spanish"}


def _names(codes: list[str]) -> str:
    return " or ".join(f"{_NAMES.get(code, code)} ({code!r})" for code in codes)
