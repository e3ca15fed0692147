"""Building many handouts at once, optionally in several worker processes.

`build_all` takes (request, destination) pairs and yields each destination with its
advice, in the order given, exactly as a serial loop over `Builder.write` would: the
same bytes, the same messages, and the first error (in that order) stops the batch with
nothing written after it. With `jobs` > 1, worker processes, each with its own
`Builder` (library and templates loaded once per worker), lay out and render; this
process checks each destination and writes the PDFs, in order, so a failed batch
leaves exactly the files a serial build would have left.
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import HandoutsError
from .build import Builder, Request

AHEAD = 4  # rendered handouts waiting per worker, at most: bounds the memory a batch holds


def build_all(pairs: Iterable[tuple[Request, Path]], library_folders: tuple[Path, ...] = (), *,
              jobs: int = 1) -> Iterator[tuple[Path, list[str]]]:
    """Build and write each handout; yield (destination, advice for the clinician) in order."""
    pairs = list(pairs)
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1 or len(pairs) < 2:
        builder = Builder(tuple(library_folders))
        for request, destination in pairs:
            yield destination, builder.write(request, destination)
        return
    yield from _parallel(pairs, tuple(library_folders), min(jobs, len(pairs)))


def _parallel(pairs: list[tuple[Request, Path]], library_folders: tuple[Path, ...], jobs: int) -> Iterator[tuple[Path, list[str]]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .output import check_destination, write_atomically

    # fork on Linux: the workers start with this process's imports already done (elsewhere
    # the platform's default, spawn, which imports them again in each worker)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(library_folders,)) as pool:
        waiting: deque = deque()
        queued = iter(pairs)
        try:
            for request, destination in queued:
                waiting.append((destination, pool.submit(_render, request)))
                if len(waiting) >= jobs * AHEAD:
                    break
            while waiting:
                destination, future = waiting.popleft()
                outcome = future.result()
                check_destination(Path(destination))
                if outcome[0] == "error":
                    raise _rebuilt(*outcome[1:])
                _, data, advice = outcome
                write_atomically(data, destination)
                for request, later in queued:  # keep the workers fed, one in for one out
                    waiting.append((later, pool.submit(_render, request)))
                    break
                yield destination, advice
        finally:
            for _, future in waiting:
                future.cancel()


_builder: Builder | None = None


def _start(library_folders: tuple[Path, ...]) -> None:
    """In each worker: its own Builder, loading the library on first use."""
    global _builder
    _builder = Builder(library_folders)


def _render(request: Request) -> tuple:
    """In a worker: ('ok', PDF bytes, advice), or ('error', ...) for a user's error.

    A HandoutsError goes back as its class and state, not pickled whole: several of the
    error classes take constructor arguments that pickling would not pass back.
    """
    assert _builder is not None
    try:
        return "ok", *_builder.render(request)
    except HandoutsError as error:
        return "error", type(error), error.args, dict(error.__dict__)


def _rebuilt(kind: type[HandoutsError], args: tuple, state: dict) -> HandoutsError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error
