"""The clinician's own pictures, prepared for print: the one entry point, and its cache.

`prepare_picture` opens the file defensively (photo_files) and returns a
`PreparedPicture` (photo_pixels): clean PNG or JPEG bytes with no metadata, upright, on
a white background, no bigger than 300 dpi at the size it is placed. Results are cached
for the run, so a picture used in many handouts is prepared once.

Every problem a user can cause ends as a one-line `PictureError` naming the file.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from pathlib import Path

from .photo_files import MAX_FILE_BYTES, read_capped, stat_regular_file
from .photo_pixels import MAX_PIXELS, PRINT_DPI, PreparedPicture, prepare

__all__ = ["MAX_FILE_BYTES", "MAX_PIXELS", "PRINT_DPI", "PreparedPicture", "clear_cache", "prepare_picture"]

_CACHE_MAX_ENTRIES = 128
_CACHE_MAX_BYTES = 256 * 1024 * 1024
_cache: OrderedDict[tuple, PreparedPicture] = OrderedDict()
_cache_bytes = 0
_cache_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every prepared picture (for tests, or a long-running process)."""
    global _cache_bytes
    with _cache_lock:
        _cache.clear()
        _cache_bytes = 0


def prepare_picture(
    path: Path, *, width_pt: float, height_pt: float, greyscale: bool = False
) -> PreparedPicture:
    """Check and prepare the picture at `path` to fit a box of `width_pt` x `height_pt`.

    The drawn size is the largest that fits the box with the picture's own proportions.
    One of the two may be `math.inf` for "no limit". Raises `PictureError` (naming `path`)
    for anything wrong with the file; `ValueError` for a nonsensical box (a caller bug).
    """
    _check_box(width_pt, height_pt)
    path = Path(path)
    st = stat_regular_file(path)
    try:
        key_path = str(path.resolve())
    except (OSError, RuntimeError):
        key_path = str(path.absolute())
    key = (key_path, st.st_size, st.st_mtime_ns, float(width_pt), float(height_pt), bool(greyscale))
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached

    data = read_capped(path)
    picture = prepare(path, data, float(width_pt), float(height_pt), bool(greyscale))
    _remember(key, picture)
    return picture


def _remember(key: tuple, picture: PreparedPicture) -> None:
    global _cache_bytes
    with _cache_lock:
        if key in _cache:
            return
        _cache[key] = picture
        _cache_bytes += len(picture.data)
        while len(_cache) > _CACHE_MAX_ENTRIES or (
            _cache_bytes > _CACHE_MAX_BYTES and len(_cache) > 1
        ):
            _, old = _cache.popitem(last=False)
            _cache_bytes -= len(old.data)


def _check_box(width_pt: float, height_pt: float) -> None:
    for value in (width_pt, height_pt):
        if not isinstance(value, (int, float)) or math.isnan(value) or value <= 0:
            raise ValueError(f"picture box sizes must be positive numbers, not {value!r}")
    if math.isinf(width_pt) and math.isinf(height_pt):
        raise ValueError("a picture box needs at least one finite side")
