"""Reading a picture file defensively, and saying what it is when it is no picture.

Only ordinary files are opened (a device or a pipe could block or never end), never
more than `MAX_FILE_BYTES` is read, and a file that is not one of the formats we accept
is named for what it seems to be (HEIC, a PDF, a text file), so the clinician knows
what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import PictureError

# Larger than any sensible photo (a 50 MP phone JPEG is 15-25 MB); it bounds what is
# read into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
SUPPORTED = "PNG, JPEG, WebP, TIFF or GIF"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def stat_regular_file(path: Path) -> os.stat_result:
    """Stat `path` (following links) and refuse anything that is not a usable file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise PictureError(path, "file not found (check the name and the folder)") from None
    except PermissionError:
        raise PictureError(path, "the file cannot be read (check its permissions)") from None
    except (OSError, ValueError) as e:
        raise PictureError(path, f"the file cannot be read ({reason(e)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise PictureError(path, "this is a folder, not a picture (name a picture file in it)")
    if not stat.S_ISREG(st.st_mode):
        # Devices (/dev/zero), pipes and sockets could block or never end: never open them.
        raise PictureError(path, "this is not an ordinary file (name a picture file instead)")
    if st.st_size == 0:
        raise PictureError(path, "the file is empty (save the picture again from the original)")
    if st.st_size > MAX_FILE_BYTES:
        raise PictureError(
            path,
            f"the file is {_mb(st.st_size)}, over the {_mb(MAX_FILE_BYTES)} limit "
            "(save a smaller copy, e.g. 3000 pixels wide)",
        )
    return st


def read_capped(path: Path) -> bytes:
    """Read the whole file, but never more than the limit, and never block on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise PictureError(path, "file not found (check the name and the folder)") from None
    except PermissionError:
        raise PictureError(path, "the file cannot be read (check its permissions)") from None
    except OSError as e:
        raise PictureError(path, f"the file cannot be read ({reason(e)})") from None
    try:
        # Checked again on what was actually opened, in case the file was swapped.
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PictureError(path, "this is not an ordinary file (name a picture file instead)")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise PictureError(path, f"the file cannot be read ({reason(e)})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise PictureError(
            path,
            f"the file is over the {_mb(MAX_FILE_BYTES)} limit "
            "(save a smaller copy, e.g. 3000 pixels wide)",
        )
    if not data:
        raise PictureError(path, "the file is empty (save the picture again from the original)")
    return data


def reason(e: BaseException) -> str:
    return (getattr(e, "strerror", None) or str(e) or type(e).__name__).splitlines()[0]



def is_svg(path: Path, data: bytes) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head


DAMAGED = "the picture is cut off or damaged (save it again from the original)"
TOO_MANY_PIXELS = (
    "the picture has too many pixels to open safely (save a smaller copy, e.g. 3000 pixels wide)"
)
_OUR_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def not_a_picture_message(data: bytes) -> str:
    """Say what the file seems to be instead, so the user knows what to do."""
    head = data[:64]
    if head.startswith(_OUR_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return DAMAGED  # one of ours, but too broken to even read its header
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1"):
        return (
            "HEIC photos are not supported "
            "(export it as JPEG, e.g. set the phone camera to 'Most Compatible')"
        )
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return f"AVIF pictures are not supported (save it as {SUPPORTED})"
    if head.startswith(b"BM"):
        return "BMP pictures are not supported (save it as PNG)"
    if head.startswith(b"%PDF"):
        return "this is a PDF, not a picture (export the page as PNG)"
    if head.startswith(b"8BPS"):
        return "Photoshop files are not supported (export it as PNG or JPEG)"
    sample = data[:2048]
    if b"\x00" not in sample:
        try:
            sample.decode("utf-8")
            return f"this is a text file, not a picture (name a {SUPPORTED} file)"
        except UnicodeDecodeError as e:
            if e.start >= len(sample) - 4:  # only a character cut at the sample's end
                return f"this is a text file, not a picture (name a {SUPPORTED} file)"
    return f"this is not a picture Handouts can read (save it as {SUPPORTED})"
