"""Decoding a picture and turning it into clean, print-sized pixels.

Upright from its EXIF orientation, converted from CMYK, palette, 16-bit or transparent
(transparent becomes white), brought to sRGB, downsampled to at most `PRINT_DPI` at the
size it is placed (never upsampled), and re-encoded with no metadata at all.

`MAX_PIXELS` (2**26, about 67 megapixels): every 48-64 MP phone or camera mode fits
(9248x6936 is 64.1 MP), while a handout never needs more than 8.7 MP (a whole A4 page
at 300 dpi). It is checked from the header, before any pixel is decoded, so a
"decompression bomb" (a huge picture that is tiny on disk) is refused at once.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageFile, ImageOps

from ..errors import PictureError
from .photo_files import DAMAGED, TOO_MANY_PIXELS, is_svg, not_a_picture_message

if TYPE_CHECKING:  # pragma: no cover
    from reportlab.platypus import Image as PlatypusImage

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


def _too_big_message(width: int, height: int) -> str:
    return (
        f"the picture is {width}x{height} pixels, over the {MAX_PIXELS / 1e6:.0f} megapixel "
        "limit (save a smaller copy, e.g. 3000 pixels wide)"
    )


def prepare(
    path: Path, data: bytes, width_pt: float, height_pt: float, greyscale: bool
) -> PreparedPicture:
    if is_svg(path, data):
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
            raise PictureError(path, not_a_picture_message(data)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PictureError(path, TOO_MANY_PIXELS) from None
        except Exception:  # noqa: BLE001 - any failure to parse the header is "damaged"
            raise PictureError(path, DAMAGED) from None

        try:
            with im:
                return _decode_and_convert(path, im, width_pt, height_pt, greyscale)
        except PictureError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PictureError(path, TOO_MANY_PIXELS) from None
        except MemoryError:
            raise PictureError(path, "the picture is too large to prepare "
                               "(save a smaller copy, e.g. 3000 pixels wide)") from None
        except Exception:  # noqa: BLE001 - decoders raise many kinds on bad data
            raise PictureError(path, DAMAGED) from None


_SWAPPING_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that turn the picture by 90 deg


def _decode_and_convert(
    path: Path, im: Image.Image, width_pt: float, height_pt: float, greyscale: bool
) -> PreparedPicture:
    source_format = im.format or ""
    width, height = im.size
    if width <= 0 or height <= 0:
        raise PictureError(path, DAMAGED)
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
