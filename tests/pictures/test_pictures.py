"""The clinician's own pictures: finding them safely, refusing bad files, preparing for print.

Every fixture picture is generated here with Pillow in tmp_path; nothing binary is committed.
"""

from __future__ import annotations

import io
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFile, ImageOps, PngImagePlugin

from handouts.errors import HandoutsError, PictureError
from handouts.pictures import photo_files, photo_pixels
from handouts.pictures import photos as pictures
from handouts.pictures.paths import resolve_picture_path
from handouts.pictures.photos import PreparedPicture, prepare_picture

CM = 72 / 2.54
BOX = dict(width_pt=6 * CM, height_pt=6 * CM)
SERIAL = "SN-CAMERA-7F3A9Q2Z"
COMMENT = "SECRET-COMMENT-PATIENT-SMITH"
GPS_TEXT = "GPS-N51-TRACE"


@pytest.fixture(autouse=True)
def _fresh_cache():
    pictures.clear_cache()
    yield
    pictures.clear_cache()


# ----------------------------------------------------------------------------- helpers


def noise(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A photo-like picture: random noise over a gradient (no numpy needed)."""
    w, h = size
    bands = len(mode)
    # seeded, so a failure can be reproduced
    im = Image.frombytes(mode, size, random.Random(w * 7919 + h).randbytes(w * h * bands))
    grad = Image.linear_gradient("L").resize(size).convert(mode)
    return Image.blend(im, grad, 0.6)


def save(im: Image.Image, path: Path, fmt: str | None = None, **kw) -> Path:
    im.save(path, fmt, **kw)
    return path


def decode(pic: PreparedPicture) -> Image.Image:
    im = Image.open(io.BytesIO(pic.data))
    im.load()
    return im


def prep(path: Path, **kw) -> PreparedPicture:
    return prepare_picture(path, **{**BOX, **kw})


def refused(path: Path, *words: str, **kw) -> str:
    with pytest.raises(PictureError) as info:
        prep(path, **kw)
    text = str(info.value)
    assert isinstance(info.value, HandoutsError)
    assert "\n" not in text and text.startswith(f"{path}: "), text
    for word in words:
        assert word in text, text
    return text


def close(a, b, tol=12) -> bool:
    a = a if isinstance(a, tuple) else (a,)
    b = b if isinstance(b, tuple) else (b,)
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def jpeg_markers(data: bytes) -> list[int]:
    """The marker bytes of a JPEG's header segments, up to the start of scan."""
    assert data[:2] == b"\xff\xd8"
    i, found = 2, []
    while i < len(data):
        assert data[i] == 0xFF
        marker = data[i + 1]
        found.append(marker)
        if marker == 0xDA:  # start of scan: header over
            break
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        i += 2 + length
    return found


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    i, found = 8, []
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        found.append(data[i + 4 : i + 8])
        i += 12 + length
    return found


def png_bytes_by_hand(width: int, height: int, idat: bytes, color_type: int = 0) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def build_pdf(path: Path, *flowables) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(path), pagesize=A4).build(list(flowables))
    return path.read_bytes()


def render_first_page(pdf: Path, dpi: int = 70) -> Image.Image:
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    out = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)],
        check=True,
        timeout=60,
    )
    im = Image.open(out.with_suffix(".png"))
    im.load()
    return im.convert("RGB")


def run_with_deadline(fn, seconds: float):
    """Run fn in a thread; fail (instead of hanging the suite) if it does not finish."""
    result: dict = {}

    def target():
        try:
            result["value"] = fn()
        except BaseException as e:  # noqa: BLE001
            result["error"] = e

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"did not finish within {seconds} s (it hangs)"
    if "error" in result:
        raise result["error"]
    return result.get("value")


# ----------------------------------------------------------------------- resolving names


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "library"
    (lib / "photos").mkdir(parents=True)
    save(Image.new("RGB", (10, 10), "red"), lib / "photos" / "start.png")
    (lib / "squat.yaml").write_text("title: Squat\n")
    save(Image.new("RGB", (10, 10), "blue"), tmp_path / "outside.png")
    return lib


def test_resolve_relative_to_the_yaml_folder(library: Path):
    got = resolve_picture_path("photos/start.png", library / "squat.yaml", [library])
    assert got == (library / "photos" / "start.png").resolve()
    assert got.is_absolute()


def test_resolve_dot_dot_inside_the_root_is_fine(library: Path):
    got = resolve_picture_path("photos/../photos/start.png", library / "squat.yaml", [library])
    assert got == (library / "photos" / "start.png").resolve()


def test_resolve_empty_roots_means_the_yaml_folder(library: Path):
    assert resolve_picture_path("photos/start.png", library / "squat.yaml", []).name == "start.png"


@pytest.mark.parametrize("name", ["../outside.png", "../../x.png", "photos/../../outside.png"])
def test_resolve_refuses_leaving_the_folder(library: Path, name: str):
    with pytest.raises(PictureError) as info:
        resolve_picture_path(name, library / "squat.yaml", [library])
    text = str(info.value)
    assert text.startswith(f"{library / 'squat.yaml'}: ") and name in text
    assert "outside" in text and "\n" not in text


def test_resolve_refuses_absolute_path_outside(library: Path, tmp_path: Path):
    name = str(tmp_path / "outside.png")
    with pytest.raises(PictureError, match="outside"):
        resolve_picture_path(name, library / "squat.yaml", [library])
    with pytest.raises(PictureError, match="outside"):
        resolve_picture_path("/etc/passwd", library / "squat.yaml", [library])


def test_resolve_accepts_absolute_path_inside(library: Path):
    name = str(library / "photos" / "start.png")
    assert resolve_picture_path(name, library / "squat.yaml", [library]) == Path(name).resolve()


def test_resolve_refuses_symlink_pointing_outside(library: Path, tmp_path: Path):
    (library / "photos" / "sneaky.png").symlink_to(tmp_path / "outside.png")
    (library / "linked").symlink_to(tmp_path)  # a linked folder, too
    for name in ("photos/sneaky.png", "linked/outside.png"):
        with pytest.raises(PictureError, match="outside"):
            resolve_picture_path(name, library / "squat.yaml", [library])


def test_resolve_follows_symlink_inside(library: Path):
    (library / "alias.png").symlink_to(library / "photos" / "start.png")
    got = resolve_picture_path("alias.png", library / "squat.yaml", [library])
    assert got == (library / "photos" / "start.png").resolve()


def test_resolve_any_of_several_roots(tmp_path: Path, library: Path):
    program = tmp_path / "program"
    program.mkdir()
    save(Image.new("L", (5, 5)), program / "p.png")
    yaml_file = program / "plan.yaml"
    assert resolve_picture_path("p.png", yaml_file, [library, program]).name == "p.png"
    with pytest.raises(PictureError, match="outside"):
        resolve_picture_path("../outside.png", yaml_file, [library, program])


def test_resolve_missing_file(library: Path):
    with pytest.raises(PictureError, match=r"'photos/nope.png' not found") as info:
        resolve_picture_path("photos/nope.png", library / "squat.yaml", [library])
    assert str(info.value).startswith(str(library / "squat.yaml"))


@pytest.mark.parametrize(
    "name, words",
    [("", "empty"), ("   ", "empty"), ("https://example.org/a.png", "web address"), ("a\x00.png", "NUL")],
)
def test_resolve_refuses_odd_names(library: Path, name: str, words: str):
    with pytest.raises(PictureError, match=words):
        resolve_picture_path(name, library / "squat.yaml", [library])


def test_resolve_symlink_loop_is_a_picture_error(library: Path):
    (library / "a.png").symlink_to(library / "b.png")
    (library / "b.png").symlink_to(library / "a.png")
    with pytest.raises(PictureError):
        resolve_picture_path("a.png", library / "squat.yaml", [library])


# ---------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    "fmt, suffix, kw",
    [
        ("PNG", ".png", {}),
        ("JPEG", ".jpg", {"quality": 95}),
        ("WEBP", ".webp", {"lossless": True}),
        ("WEBP", ".webp", {"quality": 90}),
        ("TIFF", ".tif", {}),
        ("TIFF", ".tif", {"compression": "tiff_deflate"}),
        ("GIF", ".gif", {}),
    ],
)
def test_accepted_formats(tmp_path: Path, fmt: str, suffix: str, kw: dict):
    im = Image.new("RGB", (200, 100), (200, 30, 30))
    path = save(im, tmp_path / f"pic{suffix}", fmt, **kw)
    pic = prep(path)
    assert pic.format in ("PNG", "JPEG")
    out = decode(pic)
    assert out.format == pic.format
    assert (out.width, out.height) == (pic.pixel_width, pic.pixel_height) == (200, 100)
    assert close(out.convert("RGB").getpixel((100, 50)), (200, 30, 30), tol=20)


def test_first_frame_of_animated_gif(tmp_path: Path):
    frames = [Image.new("RGB", (40, 40), c) for c in ("red", "blue", "green")]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    out = decode(prep(path)).convert("RGB")
    assert close(out.getpixel((20, 20)), (255, 0, 0))


def test_first_frame_of_animated_webp(tmp_path: Path):
    frames = [Image.new("RGB", (40, 40), c) for c in ("red", "blue")]
    path = tmp_path / "anim.webp"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, lossless=True)
    out = decode(prep(path)).convert("RGB")
    assert close(out.getpixel((20, 20)), (255, 0, 0))


def test_bmp_is_refused(tmp_path: Path):
    path = save(Image.new("RGB", (10, 10)), tmp_path / "pic.bmp", "BMP")
    refused(path, "BMP", "PNG")


def test_other_pillow_formats_are_refused(tmp_path: Path):
    for fmt, name in [("PCX", "a.pcx"), ("PPM", "a.ppm"), ("ICO", "a.ico"), ("TGA", "a.tga")]:
        path = save(Image.new("RGB", (16, 16)), tmp_path / name, fmt)
        refused(path, "not a picture Handouts can read")


# -------------------------------------------------------------------------- orientation


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int):
    # Stored landscape 300x100 with a red block at the stored top-left corner.
    im = Image.new("RGB", (300, 100), "white")
    im.paste((255, 0, 0), (0, 0, 60, 40))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = save(im, tmp_path / "phone.jpg", "JPEG", exif=exif, quality=95)
    expected = ImageOps.exif_transpose(Image.open(path))  # what a viewer shows
    out = decode(prep(path))
    assert out.size == expected.size
    if orientation in (5, 6, 7, 8):
        assert out.height > out.width  # stands upright
    # the red corner is where a viewer puts it
    for x, y in [(5, 5), (out.width - 6, 5), (5, out.height - 6), (out.width - 6, out.height - 6)]:
        assert close(out.getpixel((x, y)), expected.getpixel((x, y)), tol=40)
    assert 0x0112 not in Image.open(io.BytesIO(prep(path).data)).getexif()


def test_exif_orientation_on_a_big_phone_photo_uses_the_upright_size(tmp_path: Path):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken holding the phone upright, stored sideways
    path = save(noise((4000, 3000)), tmp_path / "phone.jpg", "JPEG", exif=exif)
    pic = prepare_picture(path, width_pt=6 * CM, height_pt=1000)
    assert pic.pixel_height > pic.pixel_width
    assert pic.pixel_width == math.ceil(6 / 2.54 * 300)  # 709
    assert pic.draw_width_pt == pytest.approx(6 * CM)
    assert pic.draw_height_pt == pytest.approx(6 * CM * 4000 / 3000)


# -------------------------------------------------------------------------------- modes


def test_transparent_background_becomes_white(tmp_path: Path):
    im = Image.new("RGBA", (100, 100), (0, 0, 0, 0))  # transparent *black*
    im.paste((255, 0, 0, 255), (40, 40, 60, 60))
    out = decode(prep(save(im, tmp_path / "cutout.png"))).convert("RGB")
    assert out.getpixel((5, 5)) == (255, 255, 255)
    assert close(out.getpixel((50, 50)), (255, 0, 0))


def test_half_transparent_is_blended_onto_white(tmp_path: Path):
    im = Image.new("RGBA", (20, 20), (0, 0, 0, 128))
    out = decode(prep(save(im, tmp_path / "half.png"))).convert("L")
    assert close(out.getpixel((10, 10)), 127, tol=3)


def test_la_transparency_becomes_white(tmp_path: Path):
    im = Image.new("LA", (50, 50), (0, 0))
    im.paste((0, 255), (20, 20, 30, 30))
    out = decode(prep(save(im, tmp_path / "la.png")))
    assert out.mode == "L"
    assert out.getpixel((2, 2)) == 255 and out.getpixel((25, 25)) == 0


def test_palette_with_transparency_becomes_white(tmp_path: Path):
    im = Image.new("P", (50, 50), 0)
    im.putpalette([0, 0, 0, 0, 0, 255] + [0] * 762)
    im.paste(1, (20, 20, 30, 30))
    for name in ("p.png", "p.gif"):
        path = save(im, tmp_path / name, transparency=0)
        out = decode(prep(path)).convert("RGB")
        assert out.getpixel((2, 2)) == (255, 255, 255), name
        assert close(out.getpixel((25, 25)), (0, 0, 255)), name


def test_rgb_png_with_trns_colour_key_becomes_white(tmp_path: Path):
    im = Image.new("RGB", (30, 30), (0, 0, 0))
    im.paste((0, 200, 0), (10, 10, 20, 20))
    path = save(im, tmp_path / "key.png", transparency=(0, 0, 0))
    out = decode(prep(path)).convert("RGB")
    assert out.getpixel((2, 2)) == (255, 255, 255)
    assert close(out.getpixel((15, 15)), (0, 200, 0))


def test_palette_without_transparency(tmp_path: Path):
    im = Image.new("RGB", (60, 60), "yellow").convert("P", palette=Image.Palette.ADAPTIVE)
    out = decode(prep(save(im, tmp_path / "pal.png"))).convert("RGB")
    assert close(out.getpixel((30, 30)), (255, 255, 0))


@pytest.mark.parametrize("fmt, suffix", [("JPEG", ".jpg"), ("TIFF", ".tif")])
def test_cmyk(tmp_path: Path, fmt: str, suffix: str):
    im = Image.new("CMYK", (40, 40), (0, 255, 255, 0))  # pure magenta+yellow: red
    path = save(im, tmp_path / f"cmyk{suffix}", fmt)
    assert Image.open(path).mode == "CMYK"
    out = decode(prep(path))
    assert out.mode == "RGB"
    assert close(out.getpixel((20, 20)), (255, 0, 0), tol=20)


@pytest.mark.parametrize("mode", ["I;16", "I;16B"])
@pytest.mark.parametrize("fmt, suffix", [("PNG", ".png"), ("TIFF", ".tif")])
def test_16_bit_grey_is_scaled_not_clipped_to_white(tmp_path: Path, mode: str, fmt: str, suffix: str):
    im = Image.new(mode, (256, 10))
    for x in range(256):
        for y in range(10):
            im.putpixel((x, y), x * 257)  # 0 .. 65535
    im.putpixel((0, 0), 0)
    path = save(im, tmp_path / f"deep{suffix}", fmt)
    out = decode(prep(path))
    assert out.mode == "L"
    assert close(out.getpixel((0, 5)), 0, tol=2)
    assert close(out.getpixel((128, 5)), 128, tol=3)
    assert close(out.getpixel((255, 5)), 255, tol=2)


def test_16_bit_mid_grey_stays_mid_grey(tmp_path: Path):
    path = save(Image.new("I;16", (64, 64), 32768), tmp_path / "mid.png")
    assert close(decode(prep(path)).getpixel((32, 32)), 128, tol=2)


def test_32_bit_int_tiff_holding_16_bit_values(tmp_path: Path):
    path = save(Image.new("I", (20, 20), 40000), tmp_path / "wide.tif")
    assert Image.open(path).mode == "I"
    assert close(decode(prep(path)).getpixel((5, 5)), round(40000 / 257), tol=2)


def test_float_tiff(tmp_path: Path):
    im = Image.linear_gradient("L").convert("F").point(lambda v: v / 255.0)  # 0.0 .. 1.0
    path = save(im, tmp_path / "float.tif")
    out = decode(prep(path))
    assert close(out.getpixel((128, 0)), 0, tol=3) and close(out.getpixel((128, 255)), 255, tol=3)


def test_one_bit_picture(tmp_path: Path):
    im = Image.new("1", (80, 80), 1)
    im.paste(0, (10, 10, 70, 20))
    pic = prep(save(im, tmp_path / "bits.png"))
    out = decode(pic)
    assert pic.format == "PNG" and out.mode == "L"
    assert out.getpixel((40, 15)) == 0 and out.getpixel((40, 50)) == 255


def test_greyscale_option(tmp_path: Path):
    path = save(noise((300, 200)), tmp_path / "colour.jpg", "JPEG")
    assert decode(prep(path)).mode == "RGB"
    grey = prep(path, greyscale=True)
    assert decode(grey).mode == "L"
    png = save(Image.new("RGB", (50, 50), (10, 200, 10)), tmp_path / "flat.png")
    assert decode(prep(png, greyscale=True)).mode == "L"


def test_grey_sources_stay_single_channel(tmp_path: Path):
    assert decode(prep(save(noise((64, 64), "L"), tmp_path / "g.jpg", "JPEG"))).mode == "L"
    assert decode(prep(save(Image.new("L", (64, 64), 90), tmp_path / "g.png"))).mode == "L"


def test_embedded_colour_profile_is_applied_then_dropped(tmp_path: Path):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = save(Image.new("RGB", (30, 30), (10, 120, 200)), tmp_path / "tagged.png", icc_profile=icc)
    pic = prep(path)
    assert b"iCCP" not in pic.data and "icc_profile" not in decode(pic).info
    assert close(decode(pic).getpixel((15, 15)), (10, 120, 200), tol=4)


# ---------------------------------------------------------------------- size and dpi


def test_big_photo_is_downsampled_to_300_dpi(tmp_path: Path):
    path = save(noise((6000, 4000)), tmp_path / "big.jpg", "JPEG", quality=90)
    pic = prepare_picture(path, width_pt=6 * CM, height_pt=20 * CM)
    assert pic.pixel_width == 709  # 6 cm at 300 dpi
    assert pic.pixel_height == 473
    assert pic.draw_width_pt == pytest.approx(6 * CM)
    assert pic.draw_height_pt == pytest.approx(4 * CM)
    assert pic.dpi == pytest.approx(300, abs=1)
    assert decode(pic).size == (709, 473)
    assert len(pic.data) < 300_000


def test_big_png_photo_is_downsampled_and_becomes_jpeg(tmp_path: Path):
    path = save(noise((3000, 2000)), tmp_path / "big.png", compress_level=1)
    pic = prepare_picture(path, width_pt=4 * CM, height_pt=20 * CM)
    assert pic.format == "JPEG"
    assert pic.pixel_width == math.ceil(4 / 2.54 * 300)


def test_never_upsampled(tmp_path: Path):
    path = save(Image.new("RGB", (100, 50), "green"), tmp_path / "small.png")
    pic = prepare_picture(path, width_pt=10 * CM, height_pt=10 * CM)
    assert (pic.pixel_width, pic.pixel_height) == (100, 50)
    assert pic.draw_width_pt == pytest.approx(10 * CM)  # fills the box width
    assert pic.draw_height_pt == pytest.approx(5 * CM)


@pytest.mark.parametrize(
    "size, box, drawn",
    [
        ((400, 200), (100, 100), (100, 50)),
        ((200, 400), (100, 100), (50, 100)),
        ((300, 300), (90, 30), (30, 30)),
        ((400, 100), (100, math.inf), (100, 25)),
        ((400, 100), (math.inf, 50), (200, 50)),
    ],
)
def test_fits_the_box_keeping_proportions(tmp_path: Path, size, box, drawn):
    path = save(Image.new("RGB", size, "white"), tmp_path / "p.png")
    pic = prepare_picture(path, width_pt=box[0], height_pt=box[1])
    assert (pic.draw_width_pt, pic.draw_height_pt) == pytest.approx(drawn)
    assert pic.draw_width_pt <= box[0] + 1e-9 and pic.draw_height_pt <= box[1] + 1e-9


@pytest.mark.parametrize("box", [(0, 10), (10, -1), (math.nan, 10), (math.inf, math.inf)])
def test_nonsense_box_is_a_caller_bug(tmp_path: Path, box):
    path = save(Image.new("RGB", (10, 10)), tmp_path / "p.png")
    with pytest.raises(ValueError):
        prepare_picture(path, width_pt=box[0], height_pt=box[1])


# ----------------------------------------------------------------------------- encoding


def test_line_art_becomes_png_and_photos_jpeg(tmp_path: Path):
    art = Image.new("RGB", (800, 600), "white")
    for x in range(0, 800, 40):
        art.paste((0, 0, 0), (x, 0, x + 3, 600))
    art.paste((0, 90, 200), (100, 100, 300, 250))
    assert prep(save(art, tmp_path / "art.png")).format == "PNG"
    assert prep(save(noise((800, 600)), tmp_path / "photo.png")).format == "JPEG"
    assert prep(save(noise((800, 600)), tmp_path / "photo.jpg", "JPEG")).format == "JPEG"
    # A photo-like cut-out with a transparent background, mostly transparent: PNG.
    cut = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    cut.paste(noise((60, 60)).convert("RGBA"), (10, 10))
    assert prep(save(cut, tmp_path / "cut.png")).format == "PNG"
    # The same with a large photo part: JPEG (PNG would be several times bigger).
    cut.paste(noise((700, 500)).convert("RGBA"), (50, 50))
    assert prep(save(cut, tmp_path / "cut2.png")).format == "JPEG"


def test_jpeg_output_is_small(tmp_path: Path):
    pic = prep(save(noise((1500, 1000)), tmp_path / "p.png"))
    assert pic.format == "JPEG"
    raw = pic.pixel_width * pic.pixel_height * 3
    assert len(pic.data) < raw / 3


def _secret_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0110] = "Model " + SERIAL  # Model
    exif[0x0131] = "Editor " + SERIAL  # Software
    exif[0x013B] = "Artist " + SERIAL  # Artist
    ifd = exif.get_ifd(0x8769)  # Exif sub-IFD
    ifd[0xA431] = SERIAL  # BodySerialNumber
    ifd[0x9286] = "UserComment " + COMMENT
    gps = exif.get_ifd(0x8825)  # GPS
    gps[0x0001] = "N"
    gps[0x0002] = (51.0, 30.0, 12.5)
    gps[0x001B] = GPS_TEXT  # GPSProcessingMethod
    return exif


SECRETS = [SERIAL, COMMENT, GPS_TEXT, "SecretCam", "XMPSECRET"]


def _assert_clean(data: bytes, *, short_tags: bool = True):
    for secret in SECRETS:
        assert secret.encode() not in data, secret
        assert secret.encode("utf-16-le") not in data, secret
    # Three-letter tags such as b"GPS" turn up by chance in a PDF's encoded image
    # streams, so only the long secrets are looked for there.
    tags = (b"Exif", b"eXIf", b"GPS", b"<x:xmpmeta", b"ICC_PROFILE", b"Photoshop") if short_tags else (b"<x:xmpmeta", b"ICC_PROFILE", b"Photoshop")
    for tag in tags:
        assert tag not in data, tag


@pytest.mark.parametrize("kind", ["jpeg-photo", "jpeg-flat", "png-flat", "png-photo", "webp", "tiff"])
def test_metadata_is_stripped_from_bytes_and_pdf(tmp_path: Path, kind: str):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">XMPSECRET</x:xmpmeta>'
    photo = noise((400, 300))
    flat = Image.new("RGB", (400, 300), (240, 240, 240))
    if kind.startswith("jpeg"):
        im = photo if kind == "jpeg-photo" else flat
        path = save(im, tmp_path / "p.jpg", "JPEG", exif=_secret_exif(), comment=COMMENT,
                    icc_profile=icc, xmp=xmp)
        assert SERIAL.encode() in path.read_bytes() and COMMENT.encode() in path.read_bytes()
    elif kind.startswith("png"):
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", COMMENT)
        info.add_text("Serial", SERIAL, zip=True)
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        im = photo if kind == "png-photo" else flat
        path = save(im, tmp_path / "p.png", "PNG", pnginfo=info, exif=_secret_exif(), icc_profile=icc)
        assert SERIAL.encode() in path.read_bytes()
    elif kind == "webp":
        path = save(photo, tmp_path / "p.webp", "WEBP", exif=_secret_exif(), xmp=xmp, icc_profile=icc)
        assert SERIAL.encode() in path.read_bytes()
    else:
        path = save(photo, tmp_path / "p.tif", "TIFF", exif=_secret_exif())
        assert SERIAL.encode() in path.read_bytes()

    pic = prep(path)
    _assert_clean(pic.data)
    out = decode(pic)
    assert not out.getexif() and "comment" not in out.info and "icc_profile" not in out.info
    if pic.format == "JPEG":
        # Only quantisation/Huffman tables, frame header and JFIF APP0: no APP1-15, no COM.
        markers = jpeg_markers(pic.data)
        assert not [m for m in markers if 0xE1 <= m <= 0xEF or m == 0xFE], [hex(m) for m in markers]
    else:
        assert set(png_chunks(pic.data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}

    pdf = build_pdf(tmp_path / "out.pdf", pic.flowable())
    _assert_clean(pdf, short_tags=False)


# -------------------------------------------------------------------------------- cache


def test_prepared_once_per_run(tmp_path: Path, monkeypatch):
    path = save(noise((300, 200)), tmp_path / "p.jpg", "JPEG")
    opened = []
    real_open = Image.open

    def counting_open(*args, **kw):
        opened.append(args)
        return real_open(*args, **kw)

    monkeypatch.setattr(photo_pixels.Image, "open", counting_open)
    first = prep(path)
    second = prep(path)
    assert second is first and len(opened) == 1
    # via another spelling of the same file
    prep(tmp_path / "." / "p.jpg")
    assert len(opened) == 1
    # another size or greyscale is another preparation
    prep(path, width_pt=3 * CM)
    prep(path, greyscale=True)
    assert len(opened) == 3


def test_changed_file_is_prepared_again(tmp_path: Path):
    path = save(Image.new("RGB", (40, 40), "red"), tmp_path / "p.png")
    first = prep(path)
    save(Image.new("RGB", (40, 40), "blue"), path)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    second = prep(path)
    assert second is not first
    assert close(decode(second).convert("RGB").getpixel((5, 5)), (0, 0, 255))


def test_cache_is_bounded(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(pictures, "_CACHE_MAX_ENTRIES", 3)
    path = save(Image.new("RGB", (40, 40), "red"), tmp_path / "p.png")
    for i in range(10):
        prepare_picture(path, width_pt=10 + i, height_pt=100)
    assert len(pictures._cache) == 3
    monkeypatch.setattr(pictures, "_CACHE_MAX_BYTES", 1)  # keeps only the newest
    prepare_picture(path, width_pt=99, height_pt=99)
    assert len(pictures._cache) == 1


def test_errors_are_not_cached(tmp_path: Path):
    path = tmp_path / "late.png"
    path.write_bytes(b"not yet")
    refused(path, "text file")
    save(Image.new("RGB", (10, 10)), path)
    assert prep(path).pixel_width == 10


def test_prepared_picture_is_frozen(tmp_path: Path):
    pic = prep(save(Image.new("RGB", (10, 10)), tmp_path / "p.png"))
    with pytest.raises(AttributeError):
        pic.pixel_width = 3  # type: ignore[misc]
    assert "data=" not in repr(pic)


# ----------------------------------------------------------------------------- refusals


def test_decompression_bomb_header_only_is_refused_fast(tmp_path: Path):
    # 30000x30000 (900 megapixels) claimed in 60 bytes: Pillow's own bomb error.
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bytes_by_hand(30000, 30000, zlib.compress(b"\x00" * 30001)))
    start = time.perf_counter()
    text = refused(path, "too many pixels", "smaller copy")
    assert time.perf_counter() - start < 0.5, text


def test_real_decompression_bomb_over_our_limit_is_refused_before_decoding(tmp_path: Path):
    # A valid 9000x9000 PNG of zeros (81 MP, under Pillow's own limit, over ours): ~80 KB.
    side = 9000
    comp = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bytes_by_hand(side, side, idat))
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    text = refused(path, "9000x9000", "megapixel", "smaller copy")
    assert time.perf_counter() - start < 0.5, text


@pytest.mark.parametrize("fmt", ["GIF", "TIFF", "WEBP", "JPEG"])
def test_bomb_check_reads_only_the_header(tmp_path: Path, monkeypatch, fmt: str):
    # The same check on other formats: lower the limit instead of making huge files.
    monkeypatch.setattr(photo_pixels, "MAX_PIXELS", 100 * 100 - 1)
    path = save(Image.new("RGB", (100, 100), "red"), tmp_path / f"p.{fmt.lower()}", fmt)
    loads = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: loads.append(1) or real_load(self))
    refused(path, "100x100", "megapixel")
    assert not loads


def test_pillow_bomb_warning_becomes_a_picture_error(tmp_path: Path, monkeypatch):
    path = save(Image.new("RGB", (100, 100)), tmp_path / "p.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 6000)  # 10000 px: warning zone
    refused(path, "too many pixels")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 10x: Pillow's error
    refused(path, "too many pixels")


def _cut(data: bytes, keep: float) -> bytes:
    return data[: int(len(data) * keep)]


@pytest.mark.parametrize("fmt, suffix", [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"),
                                         ("TIFF", ".tif"), ("GIF", ".gif")])
def test_truncated_file_is_refused(tmp_path: Path, fmt: str, suffix: str, monkeypatch):
    im = noise((300, 200))
    if fmt == "GIF":
        im = im.convert("P")
    buf = io.BytesIO()
    im.save(buf, fmt)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(_cut(buf.getvalue(), 0.6))
    refused(path, "cut off or damaged", "save it again")
    # even if something in the process asked Pillow to be lenient
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    refused(path, "cut off or damaged")


def test_truncated_jpeg_passes_verify_but_is_refused(tmp_path: Path):
    buf = io.BytesIO()
    noise((400, 300)).save(buf, "JPEG")
    path = tmp_path / "start.jpg"
    path.write_bytes(_cut(buf.getvalue(), 0.5))
    Image.open(path).verify()  # Pillow's verify does not notice
    text = refused(path, "cut off or damaged")
    assert text == f"{path}: the picture is cut off or damaged (save it again from the original)"


def test_every_truncation_is_a_picture_error_never_a_traceback(tmp_path: Path):
    for fmt in ("PNG", "JPEG", "GIF", "WEBP", "TIFF"):
        buf = io.BytesIO()
        im = noise((40, 30))
        exif = Image.Exif()
        exif[0x0112] = 6
        im.save(buf, fmt, **({"exif": exif} if fmt in ("JPEG", "WEBP", "PNG") else {}))
        data = buf.getvalue()
        for n in sorted({*range(0, 80), *range(80, len(data), max(1, len(data) // 60))}):
            path = tmp_path / f"t{fmt}{n}"
            path.write_bytes(data[:n])
            try:
                prep(path)
            except PictureError as e:
                assert "\n" not in str(e)


def test_random_bytes_after_a_picture_signature_never_crash(tmp_path: Path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    signatures = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"II*\x00", b"MM\x00*",
                  b"RIFF\x00\x01\x00\x00WEBPVP8 "]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(signatures), st.binary(max_size=400))
    def check(sig: bytes, tail: bytes):
        path = tmp_path / "fuzz"
        path.write_bytes(sig + tail)
        pictures.clear_cache()
        try:
            prep(path)
        except PictureError as e:
            assert "\n" not in str(e)

    check()


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    refused(path, "empty")


def test_text_file(tmp_path: Path):
    path = tmp_path / "notes.jpg"
    path.write_text("Squat 3 x 10, keep knees over toes. Ünïcödé too.\n" * 50)
    refused(path, "text file, not a picture")


@pytest.mark.parametrize("name", ["figure.svg", "figure.png", "figure.svgz"])
def test_svg(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    text = refused(path)
    assert text == f"{path}: SVG is not supported: export it as PNG"


@pytest.mark.parametrize(
    "head, words",
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
        (b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00", "AVIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"8BPS\x00\x01\x00\x00", "Photoshop"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "not a picture Handouts can read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cut off or damaged"),
    ],
)
def test_other_files_say_what_they_are(tmp_path: Path, head: bytes, words: str):
    path = tmp_path / "thing.png"
    path.write_bytes(head + b"\x00" * 100)
    refused(path, words)


def test_missing_file(tmp_path: Path):
    refused(tmp_path / "nope.png", "file not found")


def test_directory(tmp_path: Path):
    (tmp_path / "photos.png").mkdir()
    refused(tmp_path / "photos.png", "folder, not a picture")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_does_not_hang(tmp_path: Path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(PictureError, match="not an ordinary file"):
        run_with_deadline(lambda: prep(fifo), 5)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_does_not_hang(tmp_path: Path):
    with pytest.raises(PictureError, match="not an ordinary file"):
        run_with_deadline(lambda: prep(Path("/dev/zero")), 5)
    link = tmp_path / "zero.png"
    link.symlink_to("/dev/zero")
    with pytest.raises(PictureError, match="not an ordinary file"):
        run_with_deadline(lambda: prep(link), 5)


def test_file_over_the_size_limit(tmp_path: Path):
    path = tmp_path / "huge.jpg"
    with open(path, "wb") as f:  # sparse: costs no disk
        f.truncate(pictures.MAX_FILE_BYTES + 1)
    start = time.perf_counter()
    refused(path, "over the 50 MB limit", "smaller copy")
    assert time.perf_counter() - start < 0.5


def test_file_growing_past_the_limit_while_read(tmp_path: Path, monkeypatch):
    path = save(noise((200, 200)), tmp_path / "p.png")
    real_stat = os.stat

    def shrunk_stat(p, *a, **kw):  # the stat saw it small; it is big by the time it is read
        st = real_stat(p, *a, **kw)
        return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))

    monkeypatch.setattr(photo_files.os, "stat", shrunk_stat)
    monkeypatch.setattr(photo_files, "MAX_FILE_BYTES", 1000)
    refused(path, "over the")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path):
    path = save(Image.new("RGB", (10, 10)), tmp_path / "locked.png")
    path.chmod(0)
    try:
        refused(path, "cannot be read", "permissions")
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------------- PDF and rendering


def test_big_photo_in_a_pdf_stays_small(tmp_path: Path):
    path = save(noise((6000, 4000)), tmp_path / "big.jpg", "JPEG", quality=92)
    assert path.stat().st_size > 1_000_000
    pic = prepare_picture(path, width_pt=6 * CM, height_pt=10 * CM)
    pdf = build_pdf(tmp_path / "big.pdf", pic.flowable())
    assert len(pdf) < 300_000


def test_rendered_page_is_upright_with_white_background(tmp_path: Path):
    from reportlab.platypus import Spacer

    # A "phone photo" stored sideways (orientation 6) with a red top band once upright,
    # and a cut-out on a transparent black background.
    upright = Image.new("RGB", (300, 400), (40, 90, 200))
    upright.paste((255, 0, 0), (0, 0, 300, 80))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # how the phone stores it
    exif = Image.Exif()
    exif[0x0112] = 6
    phone = save(stored, tmp_path / "phone.jpg", "JPEG", exif=exif, quality=95)
    cut = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    cut.paste((0, 160, 0, 255), (150, 50, 250, 150))
    cutout = save(cut, tmp_path / "cut.png")

    a = prepare_picture(phone, width_pt=6 * CM, height_pt=8 * CM)
    b = prepare_picture(cutout, width_pt=8 * CM, height_pt=4 * CM)
    assert a.draw_height_pt > a.draw_width_pt
    pdf_path = tmp_path / "page.pdf"
    build_pdf(pdf_path, a.flowable(), Spacer(1, 10), b.flowable())
    page = render_first_page(pdf_path)
    page.save(tmp_path / "page-view.png")

    # find the photo: the first non-white row from the top is the red band, blue below it
    px = page.load()
    xs = range(page.width)
    top = next(y for y in range(page.height) if any(px[x, y] != (255, 255, 255) for x in xs))
    row = [px[x, top + 3] for x in xs if px[x, top + 3] != (255, 255, 255)]
    assert row and all(close(p, (255, 0, 0), tol=40) for p in row[2:-2])
    lower = top + int(a.draw_height_pt * 70 / 72 * 0.8)
    row = [px[x, lower] for x in xs if px[x, lower] != (255, 255, 255)]
    assert row and all(close(p, (40, 90, 200), tol=40) for p in row[2:-2])
    # the cut-out: green square and no black anywhere on the page
    assert any(close(px[x, y], (0, 160, 0), tol=30) for x in xs for y in range(top, page.height, 4))
    assert not any(max(px[x, y]) < 40 for x in xs for y in range(0, page.height, 2))


# -------------------------------------------------------------------------- light import


def test_import_is_light():
    code = (
        "import sys, handouts; before = set(sys.modules); import handouts.pictures.photos; "
        "bad = [m for m in set(sys.modules) - before "
        "if m.startswith(('reportlab', 'PIL.ImageCms', 'numpy'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_real_photos_from_the_public_set():
    folder = Path("/work/shared/datasets/free-exercise-db/exercises")
    photos = sorted(folder.glob("*/0.jpg"))[:5]
    if not photos:
        pytest.skip("the public photo set is not here")
    for photo in photos:
        pic = prepare_picture(photo, width_pt=6 * CM, height_pt=6 * CM)
        assert pic.format == "JPEG" and max(pic.pixel_width, pic.pixel_height) == 709
        assert max(pic.draw_width_pt, pic.draw_height_pt) == pytest.approx(6 * CM)
