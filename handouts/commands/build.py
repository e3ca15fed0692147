"""The build, as a row of named stages: load, assemble, lay out and render, write.

This is the library's front door: the CLI only turns options into a `Request` and calls
`build`. Nothing is written until every stage before it has succeeded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import msgspec
from msgspec import field

from ..errors import InvalidInput, NotFound, PictureError, Problem
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
from .inputs import Inputs


class Request(msgspec.Struct, frozen=True):
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
    clinician: str | None = None  # over the program's (a roster's clinician column)
    note: str | None = None  # the note for this patient, in place of the program's (a roster's note column)


class Rendered(NamedTuple):
    """A handout's PDF, the advice for the clinician, and every file it was made from
    (the library's files aside: they are the same for every handout of a run)."""

    pdf: bytes
    advice: list[str]
    inputs: Inputs


class Builder(msgspec.Struct):
    """Builds many handouts in one process, loading the library and templates once."""

    library_folders: tuple[Path, ...] = ()
    _library: Library | None = None
    _templates: dict[tuple[str, Path | None], tuple[Template, Path]] = field(default_factory=dict)

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = load_library(self.library_folders)
        return self._library

    def template(self, name: str, folder: Path | None = None) -> Template:
        """A template by name or path (relative to `folder`, a program's, when given)."""
        return self.template_file(name, folder)[0]

    def template_file(self, name: str, folder: Path | None = None) -> tuple[Template, Path]:
        """A template and the file it was read from, loaded once per run."""
        if (name, folder) not in self._templates:
            self._templates[name, folder] = load_template(name, folder)
        return self._templates[name, folder]

    def handout(self, request: Request) -> Handout:
        """Stages 1 and 2: read the program and resolve it against the library."""
        return self._handout(request)[0]

    def _handout(self, request: Request, program_kind: str = "the program") -> tuple[Handout, Inputs, dict[Path, Document]]:
        """The handout, the files it was read from, and the documents that name its pictures, by file."""
        inputs = Inputs()
        clinic_file = load_clinic(request.clinic) if request.clinic else None
        inputs.add(request.clinic, "the clinic file")
        if request.program:
            program, document, path = load_program(request.program)
            inputs.add(path, program_kind)
        else:
            language = request.language or (clinic_file[0].language if clinic_file else DEFAULT)
            title = request.title or words_for(language)._("Your home exercises")
            program = Program(title=title, language=language, exercises=[ProgramExercise(id=i) for i in request.exercises])
            document, path = Document("command line", None), None
        options = (("patient", request.patient), ("paper", request.paper), ("date", request.date), ("review", request.review),
                   ("clinician", request.clinician), ("note", request.note))
        updates = {key: value for key, value in options if value}
        if updates:
            program = msgspec.structs.replace(program, **updates)
        _check_option_text(request)
        template, template_path = self._template(request, program, document, path)
        inputs.add(template_path, "the template")
        handout = assemble(program, self.library, template, source=document, program_path=path, clinic_file=clinic_file,
                           today=dt.date.today(), audience=request.audience, language=request.language,
                           fallback=request.fallback)
        check_printable(program, document, handout, self.library, clinic_file[1] if clinic_file else None)
        if request.strict:
            refuse(handout, program, document)
        if request.since:
            handout = self._since(request, handout, inputs)
        documents = {self.library.exercises[card.exercise.id].path: self.library.exercises[card.exercise.id].document for card in handout.cards}
        if path is not None:
            documents[path] = document
        if clinic_file is not None:
            documents[clinic_file[2]] = clinic_file[1]
        return handout, inputs, documents

    def _template(self, request: Request, program: Program, document: Document, path: Path | None) -> tuple[Template, Path]:
        """The --template option's (from the working folder), else the program's, beside the program."""
        if request.template:
            return self.template_file(request.template)
        try:
            return self.template_file(program.template, path.parent if path else None)
        except NotFound as error:  # the program named it: say where
            raise InvalidInput([document.problem(("template",), str(error))]) from None

    def _since(self, request: Request, handout: Handout, inputs: Inputs) -> Handout:
        """The handout with what changed since the previous program, resolved against the same
        library, in the same language (so that names and doses compare word for word)."""
        from ..handout.changes import compare

        old, old_inputs, _ = self._handout(Request(program=request.since, language=handout.words.language, fallback=request.fallback),
                                           "the previous program (--since)")
        inputs.update(old_inputs)  # the previous program is read too: never written over
        return msgspec.structs.replace(handout, changes=compare(old, handout))

    def render(self, request: Request) -> Rendered:
        """Stages 3 and 4: lay the handout out and render it, in memory; with advice and inputs."""
        from ..page.pdf import render
        from .inputs import drawn_inputs

        handout, inputs, documents = self._handout(request)
        try:
            data = render(handout)
        except PictureError as error:  # a picture named in one of the handout's files: its line and field
            document = documents.get(error.path)
            if document is None or not error.field:
                raise
            raise InvalidInput([document.problem(error.field, error.message)]) from None
        inputs.update(drawn_inputs(handout))
        found = caution_notes(handout) + advice(handout) + contradictions(handout) + _unprinted_changes(handout)
        return Rendered(data, found, inputs)

    def pdf(self, request: Request) -> bytes:
        return self.render(request).pdf

    def write(self, request: Request, destination: Path) -> list[str]:
        """Stage 5, last: write the PDF atomically, never onto one of its inputs; return advice for the clinician."""
        from .output import check_destination, write_atomically

        check_destination(Path(destination))
        rendered = self.render(request)
        rendered.inputs.add_library(self.library)
        write_atomically(rendered.pdf, destination, rendered.inputs)
        return rendered.advice


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
