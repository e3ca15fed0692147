"""Writing a user's file: never onto an input, never half-written, never through a link.

Each output is first written to a temporary file beside its destination (a rename
across file systems would fail), and moved into place only when complete:
- the temporary file has an unpredictable name, `.NAME.PID-RANDOM.part`, is created
  exclusively and without following links (O_EXCL, O_NOFOLLOW), and is private (0600)
  until it is renamed;
- it is removed on every way out that can be caught: an error, Ctrl-C, and SIGTERM or
  SIGHUP, which `signals_as_exceptions` turns into an exception while a run writes, so
  that every `finally` runs; one left by a process that was killed outright is removed
  by the next run that writes the same destination;
- before the rename, the destination is checked against every input of the run
  (commands.inputs): a PDF never replaces the program, an entry, a photo or a pose file.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ..errors import OutputError
from .inputs import Inputs

NAME_MAX = 255  # bytes in one file name, on every file system the tool writes to
_SUFFIX = ".part"


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP while a run writes: raised like Ctrl-C, so that clean-up runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise `Interrupted`; the handlers before are restored after."""
    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {}
    try:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            previous[signum] = signal.signal(signum, stop)
    except ValueError:  # not the main thread: signals cannot be caught here
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def check_destination(destination: Path) -> None:
    """Fail before any work when the PDF could not be written there anyway."""
    problem = destination_problem(destination)
    if problem:
        raise OutputError(f"{destination}: {problem}")


def destination_problem(destination: Path) -> str | None:
    """What stops a file being written at `destination`, or None."""
    if len(os.fsencode(destination.name)) > NAME_MAX:
        return f"the file name is longer than {NAME_MAX} bytes (give a shorter name)"
    try:
        info = os.stat(destination)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        return f"the folder {destination.parent} is not a folder (give a file name in a folder)"
    except OSError as error:
        return f"cannot be written ({error.strerror or error})"
    if info is not None and stat.S_ISDIR(info.st_mode):
        return f"is a folder (give a file name such as {destination / 'handout.pdf'})"
    if info is not None and not stat.S_ISREG(info.st_mode):
        # the rename would replace the device or pipe itself (as root, /dev/null for everyone)
        return "is a device or pipe, not a file (give a file name such as handout.pdf)"
    try:
        folder = os.stat(destination.parent)
    except OSError:
        folder = None
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        return f"the folder {destination.parent} does not exist (create it first)"
    return None


def make_folder(folder: Path) -> None:
    """Create the output folder (and its parents) when it is not there yet."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{folder}: is a file, not a folder (give a folder for the PDFs)") from None
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the folder ({error.strerror or error})") from None


class Temporary(NamedTuple):
    """A complete output, written privately beside its destination and not yet moved there."""

    path: Path
    destination: Path


def _prefix(destination: Path) -> str:
    """The start of the temporary names of `destination`: cut to keep the whole name within NAME_MAX."""
    name = destination.name
    room = NAME_MAX - len(f"..{2**22}-{'0' * 16}{_SUFFIX}")
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def write_temporary(data: bytes, destination: Path) -> Temporary:
    """`data` in a new private file beside `destination`; OutputError when it cannot be written."""
    destination = Path(destination)
    folder = destination.parent
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    path = folder / f"{_prefix(destination)}{os.getpid()}-{_random_hex()}{_SUFFIX}"
    try:
        handle = os.open(path, flags, 0o600)
    except OSError as error:
        raise OutputError(f"{destination}: cannot write in {folder} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as error:  # Ctrl-C, SIGTERM and a full disk alike: no part file is left
        discard(Temporary(path, destination))
        if isinstance(error, OSError):
            raise OutputError(f"{destination}: could not write the PDF ({error.strerror or error})") from None
        raise
    return Temporary(path, destination)


def _random_hex() -> str:
    """16 hex digits from the system's random source: a name no one can guess."""
    return os.urandom(8).hex()


def commit(temporary: Temporary, inputs: Inputs | None = None) -> None:
    """Move a temporary file into place, unless its destination is one of `inputs`; then it is ordinary (umask) and no longer private."""
    destination = temporary.destination
    try:
        problem = destination_problem(destination)
        clash = inputs.clash(destination) if inputs is not None else None
        if clash is not None:
            problem = f"is {clash}, which this run reads (write to another file name)"
        if problem:
            raise OutputError(f"{destination}: {problem}")
        handle = os.open(temporary.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            os.replace(temporary.path, destination)
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle, 0o666 & ~umask)  # what was renamed, whatever the name now points at
        finally:
            os.close(handle)
    except OSError as error:
        discard(temporary)
        raise OutputError(f"{destination}: could not write the PDF ({error.strerror or error})") from None
    except BaseException:
        discard(temporary)
        raise


def discard(temporary: Temporary) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary.path)


def write_atomically(data: bytes, destination: Path, inputs: Inputs | None = None) -> None:
    """Write `data` to `destination` through a temporary file in the same folder."""
    destination = Path(destination)
    check_destination(destination)
    remove_stale([destination])
    commit(write_temporary(data, destination), inputs)


def remove_stale(destinations: Iterable[Path]) -> None:
    """Remove temporary files of these destinations that a process now gone left behind.

    Only names of the tool's own pattern for each destination are touched, and only
    ordinary files (never what a link points at).
    """
    by_folder: dict[Path, dict[str, None]] = {}
    for destination in destinations:
        by_folder.setdefault(Path(destination).parent, {})[_prefix(Path(destination))] = None
    for folder, prefixes in by_folder.items():
        pattern = re.compile("(?:" + "|".join(map(re.escape, prefixes)) + r")(\d+)-[0-9a-f]{16}" + re.escape(_SUFFIX))
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            found = pattern.fullmatch(entry.name)
            if found and _gone(int(found.group(1))) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _gone(pid: int) -> bool:
    """Whether no process `pid` runs here (another user's counts as running)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False
    return False
