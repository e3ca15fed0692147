"""Writing a user's file: the destination checked first, then written atomically.

The PDF is first written to a temporary file in the destination folder (a rename across
file systems would fail) and moved into place only when complete, so a failed build
never leaves a half-written file or harms an old one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import OutputError


def check_destination(destination: Path) -> None:
    """Fail before any work when the PDF could not be written there anyway."""
    if destination.is_dir():
        raise OutputError(f"{destination}: is a folder (give a file name such as {destination / 'handout.pdf'})")
    if destination.exists() and not destination.is_file():
        # the rename would replace the device or pipe itself (as root, /dev/null for everyone)
        raise OutputError(f"{destination}: is a device or pipe, not a file (give a file name such as handout.pdf)")
    if not destination.parent.is_dir():
        raise OutputError(f"{destination}: the folder {destination.parent} does not exist (create it first)")


def write_atomically(data: bytes, destination: Path) -> None:
    """Write `data` to `destination` through a temporary file in the same folder."""
    destination = Path(destination)
    folder = destination.parent
    check_destination(destination)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(f"{destination}: cannot write in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a PDF is an ordinary file
        os.replace(temporary, destination)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise OutputError(f"{destination}: could not write the PDF ({error.strerror or error})") from None
