"""One YAML file's plain data, with the line and column of every value in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file's data and where each value sits in the file."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # the source text of plain scalars that YAML turned into something other than text,
    # so that "expected text" errors can say what was written
    plain_text: dict[Path_, str] = field(default_factory=dict)
    # whether YAML read a number that is not finite (.inf, .nan, 1.0e999) anywhere in it
    non_finite: bool = False

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
