"""One YAML file's plain data, with the line and column of every value in it."""

from __future__ import annotations

from typing import Any

from ..errors import Problem

Path_ = tuple[str | int, ...]


class Document:
    """One YAML file's data and where each value sits in the file."""

    # Written out, not a dataclass: a dataclass compiles its methods when its module is
    # imported, a cost every build paid (issue 16). These are the methods it made.
    __match_args__ = ("file", "data", "positions", "key_positions", "plain_text", "non_finite")
    non_finite: bool = False  # (a class attribute too: cache.Recalled sets only file and data)
    # whether it is known to have validated, under the rules of now (cache.reading_rules):
    # only a document from a library folder's cache is
    validated: bool = False

    def __init__(self, file: str, data: Any, positions: dict[Path_, tuple[int, int]] | None = None,
                 key_positions: dict[Path_, tuple[int, int]] | None = None, plain_text: dict[Path_, str] | None = None,
                 non_finite: bool = False) -> None:
        self.file, self.data = file, data
        self.positions = {} if positions is None else positions
        self.key_positions = {} if key_positions is None else key_positions
        # the source text of plain scalars that YAML turned into something other than text,
        # so that "expected text" errors can say what was written
        self.plain_text = {} if plain_text is None else plain_text
        # whether YAML read a number that is not finite (.inf, .nan, 1.0e999) anywhere in it
        self.non_finite = non_finite

    def _fields(self) -> tuple:
        return (self.file, self.data, self.positions, self.key_positions, self.plain_text, self.non_finite)

    def __repr__(self) -> str:
        names = ("file", "data", "positions", "key_positions", "plain_text", "non_finite")
        return f"{type(self).__qualname__}({', '.join(f'{n}={v!r}' for n, v in zip(names, self._fields()))})"

    def __eq__(self, other: object) -> bool:
        return self._fields() == other._fields() if other.__class__ is self.__class__ else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def replace(self, **changes: Any) -> Document:
        """A copy with `changes` (what dataclasses.replace did)."""
        given = dict(zip(self.__match_args__, self._fields()))
        return Document(**{**given, **changes})

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest ancestor."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (0, 0))  # (0, 0): no file position, e.g. the command line

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, dotted(path), message)


def dotted(path: Path_) -> str:
    """`('exercises', 2, 'dosage')` -> `exercises[2].dosage`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
