"""The clinician's own pictures: find them safely, check them, and prepare them for print.

Two steps, both called by the layout code:

* `resolve_picture_path` turns a picture name written in a YAML file into a real path,
  refusing names that leave the allowed folders (``../../x.png``, absolute paths
  elsewhere, symlinks pointing elsewhere).
* `prepare_picture` opens the file defensively and returns a `PreparedPicture`: clean
  PNG or JPEG bytes with no metadata, upright, on a white background, no bigger than
  300 dpi at the size it is placed. Results are cached for the run, so a picture used in
  many handouts is prepared once.

Every problem a user can cause ends as a one-line `PictureError` naming the file.

Limits (see the constants below):

* `MAX_FILE_BYTES` (50 MB): larger than any sensible photo (a 50 MP phone JPEG is
  15-25 MB); it bounds what is read into memory.
* `MAX_PIXELS` (2**26, about 67 megapixels): every 48-64 MP phone or camera mode fits
  (9248x6936 is 64.1 MP), while a handout never needs more than 8.7 MP (a whole A4 page
  at 300 dpi). It is checked from the header, before any pixel is decoded, so a
  "decompression bomb" (a huge picture that is tiny on disk) is refused at once.
* `PRINT_DPI` (300): pictures are downsampled to at most this at the size placed, and
  never upsampled.
"""

from __future__ import annotations

import io
import math
import os
import stat
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageFile, ImageOps

from handouts.errors import PictureError

if TYPE_CHECKING:  # pragma: no cover
    from reportlab.platypus import Image as PlatypusImage

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "PRINT_DPI",
    "PreparedPicture",
    "clear_cache",
    "prepare_picture",
    "resolve_picture_path",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 2**26
PRINT_DPI = 300
JPEG_QUALITY = 85

# The formats Pillow may even try. Restricting `Image.open` to these keeps the many
# rarely used (and less hardened) decoders out of reach of whatever file is named.
# BMP is refused on purpose: no camera or phone produces it, every editor can save PNG
# instead, and it is one more decoder we would have to trust. (A JPEG from a camera that
# embeds a second picture opens through the JPEG entry as format "MPO"; still a JPEG.)
_ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "TIFF", "GIF")
_JPEG_FORMATS = ("JPEG", "MPO")
_SUPPORTED = "PNG, JPEG, WebP, TIFF or GIF"

_CACHE_MAX_ENTRIES = 128
_CACHE_MAX_BYTES = 256 * 1024 * 1024
_cache: OrderedDict[tuple, PreparedPicture] = OrderedDict()
_cache_bytes = 0
_cache_lock = threading.Lock()

_WHITE = 255


@dataclass(frozen=True, slots=True)
class PreparedPicture:
    """A picture ready to place: clean image bytes and the size to draw them at."""

    source: Path
    format: str  # "JPEG" or "PNG"
    data: bytes = field(repr=False)
    pixel_width: int
    pixel_height: int
    draw_width_pt: float
    draw_height_pt: float

    @property
    def dpi(self) -> float:
        """The resolution it prints at; below about 150 it will look soft on paper."""
        return self.pixel_width / (self.draw_width_pt / 72.0)

    def flowable(self) -> PlatypusImage:
        """A ReportLab Image flowable of these bytes at the draw size."""
        from reportlab.platypus import Image as PlatypusImage

        return PlatypusImage(
            io.BytesIO(self.data), width=self.draw_width_pt, height=self.draw_height_pt
        )


# --------------------------------------------------------------------------------------
# Finding the file


def resolve_picture_path(name: str, yaml_file: Path, roots: list[Path]) -> Path:
    """The real path of picture `name`, written in `yaml_file`, if it lies inside `roots`.

    `name` is relative to the folder of `yaml_file` (an absolute name is taken as is).
    Symlinks are followed before checking, so a link pointing outside is refused too.
    An empty `roots` means the folder of `yaml_file`. Errors name the YAML file and the
    picture as written there.
    """
    yaml_file = Path(yaml_file)
    if not isinstance(name, str) or not name.strip():
        raise PictureError(
            yaml_file, "a picture name is empty (write the file name, e.g. photos/start.jpg)"
        )
    if "\x00" in name:
        raise PictureError(yaml_file, f"picture {name!r}: the name contains a NUL character")
    if "://" in name:
        raise PictureError(
            yaml_file,
            f"picture '{name}' is a web address (download the picture and name the file instead)",
        )
    folders = [Path(r) for r in roots] or [yaml_file.parent]
    try:
        resolved = (yaml_file.parent / name).resolve()
        allowed = [r.resolve() for r in folders]
    except (OSError, RuntimeError, ValueError):  # symlink loops, unreadable parts
        raise PictureError(
            yaml_file, f"picture '{name}' cannot be followed (is it a broken or looping link?)"
        ) from None
    if not any(resolved.is_relative_to(root) for root in allowed):
        where = " or ".join(str(r) for r in folders)
        raise PictureError(
            yaml_file,
            f"picture '{name}' is outside the allowed folder {where} "
            "(copy the picture into the folder of the YAML file or below it)",
        )
    if not resolved.exists():
        raise PictureError(
            yaml_file,
            f"picture '{name}' not found (looked for {resolved}; check the spelling)",
        )
    return resolved


# --------------------------------------------------------------------------------------
# Preparing it


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
    st = _stat_regular_file(path)
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

    data = _read_capped(path)
    picture = _prepare(path, data, float(width_pt), float(height_pt), bool(greyscale))
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


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def _stat_regular_file(path: Path) -> os.stat_result:
    """Stat `path` (following links) and refuse anything that is not a usable file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise PictureError(path, "file not found (check the name and the folder)") from None
    except PermissionError:
        raise PictureError(path, "the file cannot be read (check its permissions)") from None
    except (OSError, ValueError) as e:
        raise PictureError(path, f"the file cannot be read ({_reason(e)})") from None
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


def _read_capped(path: Path) -> bytes:
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
        raise PictureError(path, f"the file cannot be read ({_reason(e)})") from None
    try:
        # Checked again on what was actually opened, in case the file was swapped.
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PictureError(path, "this is not an ordinary file (name a picture file instead)")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise PictureError(path, f"the file cannot be read ({_reason(e)})") from None
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


def _reason(e: BaseException) -> str:
    return (getattr(e, "strerror", None) or str(e) or type(e).__name__).splitlines()[0]


# --------------------------------------------------------------------------------------
# Recognising the file


def _is_svg(path: Path, data: bytes) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head


_DAMAGED = "the picture is cut off or damaged (save it again from the original)"
_TOO_MANY_PIXELS = (
    "the picture has too many pixels to open safely (save a smaller copy, e.g. 3000 pixels wide)"
)
_OUR_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def _not_a_picture_message(data: bytes) -> str:
    """Say what the file seems to be instead, so the user knows what to do."""
    head = data[:64]
    if head.startswith(_OUR_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return _DAMAGED  # one of ours, but too broken to even read its header
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1"):
        return (
            "HEIC photos are not supported "
            "(export it as JPEG, e.g. set the phone camera to 'Most Compatible')"
        )
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return f"AVIF pictures are not supported (save it as {_SUPPORTED})"
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
            return f"this is a text file, not a picture (name a {_SUPPORTED} file)"
        except UnicodeDecodeError as e:
            if e.start >= len(sample) - 4:  # only a character cut at the sample's end
                return f"this is a text file, not a picture (name a {_SUPPORTED} file)"
    return f"this is not a picture Handouts can read (save it as {_SUPPORTED})"


def _too_big_message(width: int, height: int) -> str:
    return (
        f"the picture is {width}x{height} pixels, over the {MAX_PIXELS / 1e6:.0f} megapixel "
        "limit (save a smaller copy, e.g. 3000 pixels wide)"
    )


# --------------------------------------------------------------------------------------
# Decoding and converting


def _prepare(
    path: Path, data: bytes, width_pt: float, height_pt: float, greyscale: bool
) -> PreparedPicture:
    if _is_svg(path, data):
        raise PictureError(path, "SVG is not supported: export it as PNG")

    # A file cut off in the middle must be refused, not silently padded with grey.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with warnings.catch_warnings():
        # Pillow warns about odd but harmless things (EXIF, palettes); keep the CLI quiet,
        # except for its decompression-bomb warning, which becomes an error.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data), formats=_ALLOWED_FORMATS)
        except Image.UnidentifiedImageError:
            raise PictureError(path, _not_a_picture_message(data)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PictureError(path, _TOO_MANY_PIXELS) from None
        except Exception:  # noqa: BLE001 - any failure to parse the header is "damaged"
            raise PictureError(path, _DAMAGED) from None

        try:
            with im:
                return _decode_and_convert(path, im, width_pt, height_pt, greyscale)
        except PictureError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PictureError(path, _TOO_MANY_PIXELS) from None
        except MemoryError:
            raise PictureError(path, "the picture is too large to prepare "
                               "(save a smaller copy, e.g. 3000 pixels wide)") from None
        except Exception:  # noqa: BLE001 - decoders raise many kinds on bad data
            raise PictureError(path, _DAMAGED) from None


_SWAPPING_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that turn the picture by 90 deg


def _decode_and_convert(
    path: Path, im: Image.Image, width_pt: float, height_pt: float, greyscale: bool
) -> PreparedPicture:
    source_format = im.format or ""
    width, height = im.size
    if width <= 0 or height <= 0:
        raise PictureError(path, _DAMAGED)
    # Checked from the header, before a single pixel is decoded.
    if width * height > MAX_PIXELS:
        raise PictureError(path, _too_big_message(width, height))

    try:
        orientation = int(im.getexif().get(0x0112, 1))
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the picture
        orientation = 1
    sideways = orientation in _SWAPPING_ORIENTATIONS
    upright_w, upright_h = (height, width) if sideways else (width, height)

    # Largest size inside the box with the picture's own proportions.
    scale = min(width_pt / upright_w, height_pt / upright_h)
    draw_w, draw_h = upright_w * scale, upright_h * scale
    # Pixels needed for PRINT_DPI at that size; never more than the picture has.
    target_w = min(upright_w, max(1, math.ceil(draw_w / 72.0 * PRINT_DPI)))
    target_h = min(upright_h, max(1, round(upright_h * target_w / upright_w)))

    if source_format in _JPEG_FORMATS:
        # Let the JPEG decoder itself scale by 1/2, 1/4 or 1/8 (never below the target):
        # a 24 MP phone photo then decodes in a fraction of the time and memory.
        want = (target_h, target_w) if sideways else (target_w, target_h)
        mode = "L" if greyscale and im.mode == "RGB" else im.mode
        im.draft(mode, want)

    # Image.open stands on the first frame of an animation (GIF, WebP); that one is used.
    im.load()  # really decode: a cut-off file passes verify() but fails here

    try:
        ImageOps.exif_transpose(im, in_place=True)
    except Exception:  # noqa: BLE001 - unreadable orientation: keep the picture as stored
        pass

    # An RGB profile still to apply at the end (a CMYK one is used in the conversion).
    icc = im.info.get("icc_profile") if im.mode in ("RGB", "RGBA", "P", "PA") else None
    if _is_high_depth(im.mode) and im.width > target_w:
        # Shrink 16-bit and wider greys first: converting them needs 4 bytes a pixel.
        im = _shrink(im, target_w, target_h)
    im, grey_source = _to_working_mode(im)  # "L", "LA", "RGB" or "RGBA", 8 bits
    # Shrink before laying onto white: for a big cut-out that halves the memory needed
    # (Pillow resizes LA/RGBA with premultiplied alpha, so edges stay clean).
    im = _shrink(im, target_w, target_h)
    im = _onto_white(im)  # "L" or "RGB"
    if greyscale or grey_source:
        im = im if im.mode == "L" else im.convert("L")
    else:
        # Colours from an embedded profile (Display P3, Adobe RGB) are brought to sRGB,
        # what an untagged picture means; the profile itself is never written out.
        im = _icc_convert(im, icc) or im

    fmt = "JPEG" if source_format in _JPEG_FORMATS or not _is_flat(im) else "PNG"
    data = _encode_clean(im, fmt)
    return PreparedPicture(
        source=path,
        format=fmt,
        data=data,
        pixel_width=im.width,
        pixel_height=im.height,
        draw_width_pt=draw_w,
        draw_height_pt=draw_h,
    )


def _is_high_depth(mode: str) -> bool:
    return mode.startswith("I;16") or mode in ("I", "F")


def _shrink(im: Image.Image, target_w: int, target_h: int) -> Image.Image:
    if im.width <= target_w:
        return im  # never upsample
    return im.resize((target_w, target_h), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _to_working_mode(im: Image.Image) -> tuple[Image.Image, bool]:
    """Any mode to 8-bit "L", "LA", "RGB" or "RGBA"; and whether the source was grey."""
    mode = im.mode
    if _is_high_depth(mode):
        return _high_depth_to_l(im), True
    if mode == "1":
        return im.convert("L"), True
    if mode == "CMYK":
        return _icc_convert(im, im.info.get("icc_profile")) or im.convert("RGB"), False
    grey = mode in ("L", "LA", "La") or (mode in ("P", "PA") and _grey_palette(im))
    if "transparency" in im.info or mode in ("PA", "La", "RGBa"):
        return im.convert("RGBA"), grey  # palette or colour-key transparency, premultiplied
    if mode in ("L", "LA", "RGB", "RGBA"):
        return im, grey
    return im.convert("RGB"), grey  # P, RGBX, YCbCr, LAB, HSV ...


def _onto_white(im: Image.Image) -> Image.Image:
    """Transparent parts become white paper, not black: lay the picture onto white."""
    if im.mode not in ("LA", "RGBA"):
        return im
    base = im.mode[:-1]
    white = Image.new(base, im.size, (_WHITE,) * len(base) if base == "RGB" else _WHITE)
    white.paste(im.convert(base), mask=im.getchannel("A"))
    return white


def _grey_palette(im: Image.Image) -> bool:
    try:
        colors = im.getpalette("RGB") or []
    except Exception:  # noqa: BLE001
        return False
    triples = zip(colors[0::3], colors[1::3], colors[2::3])
    return all(r == g == b for r, g, b in triples)


def _high_depth_to_l(im: Image.Image) -> Image.Image:
    """16-bit, 32-bit and float greys to 8 bits by scaling the range, not by clipping.

    Clipping (what a plain convert("L") does) turns a normal 16-bit picture white.
    """
    if im.mode.startswith("I;16"):
        low, high = 0, 65535
        im = im.convert("I")
    else:
        low, high = im.getextrema()
        if im.mode == "I" and low >= 0 and high <= 255:
            low, high = 0, 255  # 8-bit values stored wide
        elif im.mode == "I" and low >= 0 and high <= 65535:
            low, high = 0, 65535  # 16-bit values stored wide
        elif im.mode == "F" and low >= 0 and high <= 1:
            low, high = 0.0, 1.0
    if high <= low:
        high = low + 1
    factor = 255.0 / (high - low)
    if im.mode == "F":
        return im.point(lambda v: (v - low) * factor).convert("L")
    return im.point(lambda v: v * factor - low * factor).convert("L")


def _icc_convert(im: Image.Image, icc: bytes | None) -> Image.Image | None:
    """`im` (RGB or CMYK) converted from profile `icc` to sRGB RGB; None if not possible."""
    if not icc:
        return None
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        dst = ImageCms.createProfile("sRGB")
        out = ImageCms.profileToProfile(im, src, dst, outputMode="RGB")
    except Exception:  # noqa: BLE001 - an odd profile: fall back to plain conversion
        return None
    return out if out is not None and out.mode == "RGB" else None


# Which encoding for which picture. The rule, simple on purpose:
#   * a JPEG stays a JPEG (quality 85): it is a photo and already lossy; PNG would make
#     it 5-10 times bigger for nothing;
#   * otherwise, a picture that is mostly flat colour (its 32 commonest colours cover at
#     least 90 % of it) becomes PNG: line art, diagrams, icons, screenshots and
#     cut-outs on (now white) backgrounds, where JPEG smears the edges and PNG is small;
#   * everything else (a photo saved as PNG, TIFF or WebP) becomes JPEG quality 85.
_FLAT_TOP_COLOURS = 32
_FLAT_COVERAGE = 0.90
_SAMPLE_PIXELS = 250_000


def _is_flat(im: Image.Image) -> bool:
    sample = im
    if im.width * im.height > _SAMPLE_PIXELS:
        f = math.sqrt(_SAMPLE_PIXELS / (im.width * im.height))
        size = (max(1, int(im.width * f)), max(1, int(im.height * f)))
        sample = im.resize(size, Image.Resampling.NEAREST)  # samples; invents no colours
    colours = sample.getcolors(maxcolors=4096)
    if colours is None:
        return False  # thousands of colours in a small sample: a photo
    counts = sorted((c for c, _ in colours), reverse=True)
    total = sample.width * sample.height
    return sum(counts[:_FLAT_TOP_COLOURS]) >= _FLAT_COVERAGE * total


def _encode_clean(im: Image.Image, fmt: str) -> bytes:
    """Encode the pixels alone: a fresh image carries no EXIF, XMP, ICC, text or comment."""
    clean = Image.new(im.mode, im.size)
    clean.paste(im)
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        clean.save(out, "PNG", optimize=True)
    return out.getvalue()
