"""Where a picture or pose file named in a YAML file really is, if it may be used.

A name is relative to the folder of the YAML file that names it. Names that leave the
allowed folders (``../../x.png``, absolute paths elsewhere, symlinks pointing
elsewhere) are refused, so that a shared exercise file cannot make a handout read a
file from anywhere on the clinic's computer.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import PictureError


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
