"""The one family of errors a user can cause.

Everything below the command line raises a subclass of `HandoutsError`; the CLI turns
it into a Click error in one place. Each problem is one line in the form
``FILE:LINE:COL: path.to.field: what is wrong (what to do)``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import msgspec


def one_line(text: str) -> str:
    """`text` with line breaks and other invisible controls written as escapes (``\\n``).

    A file name, key or value in a message may hold them; escaped, one problem stays one
    line and no terminal control sequence from an input reaches the terminal.
    """
    if text.isprintable():  # the common case, at C speed: no control, format or line-separator character
        return text
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


class Problem(msgspec.Struct, frozen=True, order=True):
    """One thing wrong in one input, with where it is."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:  # a roster's row has a line (the row) and no column: `day.csv:5: date: ...`
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        return one_line(f"{where}:{field} {self.message}")


class HandoutsError(Exception):
    """Base of every error the user can cause: bad input, bad options, unwritable output."""

    def lines(self) -> list[str]:
        return [one_line(str(self))]


class InvalidInput(HandoutsError):
    """Raised when one or more input files are wrong; carries every problem found.

    One cause, one line: the same problem of the same field of one file, met again
    further on (a key repeated a thousand times), is one line at its first place.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = _once_each(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def _once_each(problems: list[Problem]) -> list[Problem]:
    counts: dict[tuple[str, str, str], int] = {}
    for problem in problems:
        cause = (problem.file, problem.field, problem.message)
        counts[cause] = counts.get(cause, 0) + 1
    out = []
    for problem in problems:
        cause = (problem.file, problem.field, problem.message)
        if counts.get(cause, 0) > 1:
            out.append(Problem(problem.file, problem.line, problem.column, problem.field,
                               f"{problem.message}; {counts[cause]} times in this file, the first shown"))
        elif cause in counts:
            out.append(problem)
        counts.pop(cause, None)
    return out


class NotFound(HandoutsError):
    """Raised when a named exercise, program, template or file does not exist."""


class PictureError(HandoutsError):
    """Raised when a picture file cannot be used; the message names the file.

    `field`, once known, is where the YAML file `path` names the picture, so that the
    build can say the file, line and field (see `named_in`).
    """

    def __init__(self, path: Path | str, message: str, field: tuple = ()):
        super().__init__(f"{path}: {message}")
        self.path, self.message, self.field = Path(path), message, field

    def named_in(self, yaml_file: Path, field: tuple) -> PictureError:
        """This error as one of the YAML file that names the picture, at `field`."""
        message = self.message if self.path == Path(yaml_file) else f"{self.path}: {self.message}"
        return PictureError(yaml_file, message, field)


class OutputError(HandoutsError):
    """Raised when the PDF cannot be written where asked."""



class Failed(HandoutsError):
    """Raised when some handouts of a run could not be made; carries the lines of every problem."""

    def __init__(self, lines: list[str]):
        self.problem_lines = [one_line(line) for line in lines]
        super().__init__("\n".join(self.problem_lines))

    def lines(self) -> list[str]:
        return self.problem_lines
