"""The build, as a row of named stages: load, assemble, lay out and render, write.

This is the library's front door: the CLI only turns options into a `Request` and calls
`build`. Nothing is written until every stage before it has succeeded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from ..errors import InvalidInput, Problem
from ..handout.assemble import Audience, Handout, advice, assemble
from ..handout.cautions import notes as caution_notes
from ..handout.cautions import refuse
from ..handout.consistency import contradictions
from ..handout.words import words_for
from ..page.fonts import describe, unprintable
from ..page.printable import check_printable
from ..reading.library import (
    Library,
    load_clinic,
    load_library,
    load_program,
    load_template,
)
from ..reading.models import Program, ProgramExercise
from ..reading.template_model import Template
from ..reading.translations import DEFAULT
from ..reading.yamlio import Document


@dataclass(frozen=True)
class Request:
    """What to build: a program file or name, or ad-hoc exercise ids, plus overrides."""

    program: str | None = None
    exercises: tuple[str, ...] = ()
    patient: str | None = None
    paper: str | None = None
    template: str | None = None
    date: dt.date | None = None
    audience: Audience = "patient"
    title: str | None = None  # for ad-hoc exercises; the catalogue's "Your home exercises" when left out
    clinic: Path | None = None  # a clinic file, replacing the program's clinic
    review: dt.date | None = None  # the next appointment, over the program's
    language: str | None = None  # the handout's language, over the program's and the clinic's
    fallback: str | None = None  # the language of a text the handout's language lacks (the clinician's choice)
    since: str | None = None  # the previous program (a file or bundled name): what changed since, on page 1
    strict: bool = False  # a caution that matches one of the program's conditions is an error, not a note


@dataclass
class Builder:
    """Builds many handouts in one process, loading the library and templates once."""

    library_folders: tuple[Path, ...] = ()
    _library: Library | None = None
    _templates: dict[str, Template] = field(default_factory=dict)

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = load_library(self.library_folders)
        return self._library

    def template(self, name: str) -> Template:
        if name not in self._templates:
            self._templates[name] = load_template(name)
        return self._templates[name]

    def handout(self, request: Request) -> Handout:
        """Stages 1 and 2: read the program and resolve it against the library."""
        clinic_file = load_clinic(request.clinic) if request.clinic else None
        if request.program:
            program, document, path = load_program(request.program)
        else:
            language = request.language or (clinic_file[0].language if clinic_file else DEFAULT)
            title = request.title or words_for(language)._("Your home exercises")
            program = Program(title=title, language=language, exercises=[ProgramExercise(id=i) for i in request.exercises])
            document, path = Document("command line", None), None
        options = (("patient", request.patient), ("paper", request.paper), ("date", request.date), ("review", request.review))
        updates = {key: value for key, value in options if value}
        if updates:
            program = msgspec.structs.replace(program, **updates)
        _check_option_text(request)
        template = self.template(request.template or program.template)
        handout = assemble(program, self.library, template, source=document, program_path=path, clinic_file=clinic_file,
                           today=dt.date.today(), audience=request.audience, language=request.language,
                           fallback=request.fallback)
        check_printable(program, document, handout, self.library, clinic_file[1] if clinic_file else None)
        if request.strict:
            refuse(handout, program, document)
        if request.since:
            handout = self._since(request, handout)
        return handout

    def _since(self, request: Request, handout: Handout) -> Handout:
        """The handout with what changed since the previous program, resolved against the same
        library, in the same language (so that names and doses compare word for word)."""
        from ..handout.changes import compare

        old = self.handout(Request(program=request.since, language=handout.words.language, fallback=request.fallback))
        return dataclasses.replace(handout, changes=compare(old, handout))

    def render(self, request: Request) -> tuple[bytes, list[str]]:
        """Stages 3 and 4: lay the handout out and render it, in memory; with advice."""
        from ..page.pdf import render

        handout = self.handout(request)
        return render(handout), caution_notes(handout) + advice(handout) + contradictions(handout) + _unprinted_changes(handout)

    def pdf(self, request: Request) -> bytes:
        return self.render(request)[0]

    def write(self, request: Request, destination: Path) -> list[str]:
        """Stage 5, last: write the PDF atomically; return advice for the clinician."""
        from .output import check_destination, write_atomically

        check_destination(Path(destination))
        _not_an_input(request, Path(destination))
        data, found = self.render(request)
        write_atomically(data, destination)
        return found


def _not_an_input(request: Request, destination: Path) -> None:
    """The PDF never replaces a file the build reads (a slip such as `-o ana.yaml`)."""
    from ..errors import OutputError

    for given in (request.program, request.since):
        if given and destination.exists() and Path(given).is_file() and Path(given).samefile(destination):
            raise OutputError(f"{destination}: is one of this build's inputs (give the PDF another name, such as handout.pdf)")


def _unprinted_changes(handout: Handout) -> list[str]:
    if handout.changes is not None and "changes" not in handout.template.sections:
        return [f"the {handout.template.name!r} layout has no 'changes' section, so what changed since the last visit "
                f"is not printed (add changes to its sections, or use --template standard)"]
    return []


PATIENT_MAX = 200  # as for a name in a file (models.ShortText): options skip the model's checks


def _check_option_text(request: Request) -> None:
    if request.patient:
        if len(request.patient) > PATIENT_MAX:  # first: a huge name takes minutes to lay out
            raise InvalidInput([Problem("command line", 0, 0, "--patient", f"is too long ({len(request.patient)} characters; at most {PATIENT_MAX}: shorten it)")])
        missing = unprintable(request.patient)
        if missing:
            raise InvalidInput([Problem("command line", 0, 0, "--patient", f"no font here can print {describe(missing)} (remove or replace it)")])
