"""Building the handouts of one run, in this process or in several worker processes.

`build_all` takes (request, destination) pairs and gives a `Report`: one `Outcome` per
handout, in the order given, each its destination and either nothing wrong (written) or
every problem that stopped it. A bad program never stops the others: every good
handout is built, and every failure is named at the end.

Nothing is moved into place until every handout of the run has been read and rendered:
each PDF waits in a private temporary file beside its destination (commands.output),
and only then are the destinations checked against every file the run read
(commands.inputs) and renamed. So no output lands on an input of any handout of the
run, and two outputs never land on one path: both are refused, before any work.

With `jobs` > 1, worker processes (forked, with the library already loaded) lay out and
render, one handout at a time each, so that a worker that dies is reported as the
handout it was building and the rest go on; this process writes. The PDFs are the same
bytes whatever `jobs` is.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from ..errors import HandoutsError, InvalidInput, PictureError, Problem
from ..reading.library import named_file
from .build import Builder, Rendered, Request
from .inputs import Inputs
from .output import (
    Temporary,
    commit,
    destination_problem,
    discard,
    remove_stale,
    signals_as_exceptions,
    write_temporary,
)

IN_FLIGHT = 4  # handouts sent to a worker at once: one to build, the rest ready (the first is the one it builds)


class Outcome(NamedTuple):
    """One handout of a run: where it goes, and the problems that stopped it (none: written)."""

    source: str  # the program as named, or the ids given with -e
    destination: Path
    problems: tuple[str, ...] = ()  # each a line, as the terminal shows it
    advice: tuple[str, ...] = ()
    records: tuple[Problem, ...] = ()  # the same problems with their parts, for --json (no file: "")

    @property
    def written(self) -> bool:
        return not self.problems


class Report(NamedTuple):
    """What became of each handout of a run, in the order given."""

    outcomes: tuple[Outcome, ...]

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.written]


class Failure(NamedTuple):
    """What stopped one handout: its lines, and the same as problems with their parts."""

    lines: list[str]
    problems: list[Problem]


def failure(error: HandoutsError) -> Failure:
    if isinstance(error, InvalidInput):
        return Failure(error.lines(), list(error.problems))
    if isinstance(error, PictureError):
        return Failure(error.lines(), [Problem(str(error.path), 0, 0, "", error.message)])
    return said(error.lines())


def said(lines: list[str]) -> Failure:
    """A failure known only as lines (the file, if any, is in the words)."""
    return Failure(lines, [Problem("", 0, 0, "", line) for line in lines])


def source_of(request: Request) -> str:
    return request.program or "-e " + " -e ".join(request.exercises)


def build_all(pairs: Iterable[tuple[Request, Path]], library_folders: tuple[Path, ...] = (), *, jobs: int = 1,
              also_read: Inputs | None = None, progress: Callable[[int], None] | None = None) -> Report:
    """Build every handout that can be built, write none onto an input, and say what became of each.

    `also_read`: files the run read besides what the requests name (a roster); `progress`
    is told of each handout done (refused, failed or rendered) as it is known.
    A library that cannot be read stops the run (InvalidInput): no handout could be right.
    """
    pairs = [(request, Path(destination)) for request, destination in pairs]
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    problems: dict[int, Failure] = {}
    advice: dict[int, list[str]] = {}
    done = progress or (lambda count: None)
    with signals_as_exceptions():
        run_inputs = _named_inputs(pairs)
        if also_read is not None:
            run_inputs.update(also_read)
        _refuse_before_any_work(pairs, run_inputs, problems)
        if problems:
            done(len(problems))
        remove_stale(destination for _, destination in pairs)
        builder = Builder(tuple(library_folders))
        todo = [(i, request) for i, (request, _) in enumerate(pairs) if i not in problems]
        if todo:  # (nothing at all is read for a run whose every handout was refused)
            run_inputs.add_library(builder.library)
        waiting: dict[int, Temporary] = {}
        try:
            parallel = jobs > 1 and len(todo) > 1
            for i, result in (_parallel(builder, todo, jobs) if parallel else _serial(builder, todo)):
                done(1)
                if not isinstance(result, Rendered):
                    problems[i] = result
                    continue
                run_inputs.update(result.inputs)
                advice[i] = result.advice
                try:
                    waiting[i] = write_temporary(result.pdf, pairs[i][1])
                except HandoutsError as error:
                    problems[i] = failure(error)
            for i in sorted(waiting):  # every input of the run is known now
                try:
                    commit(waiting.pop(i), run_inputs)
                except HandoutsError as error:
                    problems[i] = failure(error)
        finally:
            for temporary in waiting.values():
                discard(temporary)
    nothing = Failure([], [])
    return Report(tuple(Outcome(source_of(request), destination, tuple(problems.get(i, nothing).lines), tuple(advice.get(i, ())),
                                tuple(problems.get(i, nothing).problems))
                        for i, (request, destination) in enumerate(pairs)))


def _named_inputs(pairs: list[tuple[Request, Path]]) -> Inputs:
    """The files the requests name themselves, known before anything is read."""
    named = Inputs()
    for request, _ in pairs:
        for kind, name, what in (("programs", request.program, "the program"), ("templates", request.template, "the template")):
            if name:
                try:
                    named.add(named_file(kind, name), what)
                except HandoutsError:
                    pass  # the build says what is wrong with it
        named.add(request.clinic, "the clinic file")
    return named


def _refuse_before_any_work(pairs: list[tuple[Request, Path]], named: Inputs, problems: dict[int, Failure]) -> None:
    """A destination that cannot be written, that is a named input, or that another handout of the run has too."""
    first: dict[str, int] = {}
    for i, (request, destination) in enumerate(pairs):
        problem = destination_problem(destination)
        clash = named.clash(destination)
        if clash is not None:
            problem = f"is {clash}, which this run reads (write to another file name)"
        if problem:
            problems[i] = said([f"{destination}: {problem}"])
            continue
        real = os.path.realpath(destination)
        if real in first:
            j = first[real]
            for one, other in ((j, i), (i, j)):
                problems[one] = said([f"{pairs[one][1]}: the handout of {source_of(pairs[other][0])} would be written here too "
                                      "(give the programs different names, or build them into different folders)"])
        else:
            first[real] = i


def _serial(builder: Builder, todo: list[tuple[int, Request]]) -> Iterator[tuple[int, Rendered | Failure]]:
    for i, request in todo:
        yield i, _render(builder, request)


def _render(builder: Builder, request: Request) -> Rendered | Failure:
    """The rendered handout, or the user's error that stopped it."""
    try:
        return builder.render(request)
    except HandoutsError as error:
        return failure(error)


_builder: Builder | None = None  # the parent's, for forked workers: the library comes with it


def _parallel(builder: Builder, todo: list[tuple[int, Request]], jobs: int) -> Iterator[tuple[int, Rendered | Failure]]:
    import multiprocessing
    from multiprocessing.connection import wait

    global _builder
    _builder = builder
    # fork on Linux: the workers start with this process's imports and library already
    # loaded (elsewhere the platform's default, spawn, which loads them again in each)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    queue = deque(todo)
    workers = [_Worker(context, builder.library_folders) for _ in range(min(jobs, len(todo)))]
    try:
        while queue or any(worker.jobs for worker in workers):
            for worker in workers:
                while queue and len(worker.jobs) < IN_FLIGHT:
                    worker.send(*queue.popleft())
            for connection in wait([worker.connection for worker in workers if worker.jobs]):
                worker = next(w for w in workers if w.connection is connection)
                try:
                    result = connection.recv()
                except (EOFError, OSError):  # it died: the handout it was building failed, the rest go on
                    i, request = worker.jobs.popleft()
                    queue.extendleft(reversed(worker.jobs))
                    worker.jobs.clear()
                    yield i, said([f"{source_of(request)}: not built: the process building it stopped ({worker.stop(wait=5)}) "
                                   "(build it again on its own; if it stops again, the computer may be short of memory)"])
                    workers[workers.index(worker)] = _Worker(context, builder.library_folders)
                    continue
                yield worker.jobs.popleft()[0], result
    finally:
        for worker in workers:
            worker.stop(wait=0 if worker.jobs else 5)  # busy when the run was stopped: at once


# This process's ends of the workers' pipes. A forked worker closes its copies of them
# all, so that each pipe has one reader at each end: a worker whose parent is gone reads
# the end of its pipe and stops, rather than wait for ever.
_parent_ends: list = []


class _Worker:
    """One worker process and its end of the pipe, with the handouts sent to it, in order."""

    def __init__(self, context, library_folders: tuple[Path, ...]):
        self.connection, theirs = context.Pipe()
        _parent_ends.append(self.connection)
        self.process = context.Process(target=_serve, args=(theirs, library_folders), daemon=True)
        self.process.start()
        theirs.close()
        self.jobs: deque[tuple[int, Request]] = deque()

    def send(self, i: int, request: Request) -> None:
        self.jobs.append((i, request))
        try:
            self.connection.send(request)
        except OSError:
            pass  # it died: recv says so

    def stop(self, wait: float) -> str:
        """End the process (it ends itself when told, within `wait` seconds); how it ended, in words."""
        try:
            self.connection.send(None)
        except OSError:
            pass  # already gone
        self.connection.close()
        if self.connection in _parent_ends:
            _parent_ends.remove(self.connection)
        self.process.join(timeout=wait)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exit status {code}"


def _serve(connection, library_folders: tuple[Path, ...]) -> None:
    """In a worker: build each request that comes down the pipe until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process of the terminal: the parent handles it
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    for end in _parent_ends:
        end.close()
    builder = _builder if _builder is not None and _builder.library_folders == library_folders else Builder(library_folders)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        connection.send(_render(builder, request))
