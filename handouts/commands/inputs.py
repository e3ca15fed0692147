"""Every file a run reads, so that no output of the run ever lands on one of them.

A handout is made from its program, the template, the clinic file, the library (every
exercise entry and references file in it), the clinic's logo, the clinic's own photos
and the pose files of its pictograms, with each base pose file they were drawn on or
looked for. Each is known by what the file system says it is (device and inode, through
any path or link) and by its real path, for one that does not exist yet.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from ..handout.assemble import Handout
from ..reading.library import Library


class Input(NamedTuple):
    path: Path
    kind: str  # what it is to the handout, for the message: "the program", "a picture"

    def __str__(self) -> str:
        return f"{self.kind} {self.path}"


class Inputs:
    """Files read (or looked for) by a run, by identity and by real path."""

    def __init__(self) -> None:
        self.by_identity: dict[tuple[int, int], Input] = {}
        self.by_path: dict[str, Input] = {}

    def add(self, path: Path | str | None, kind: str) -> None:
        if path is None:
            return
        found = Input(Path(path), kind)
        try:
            info = os.stat(path)
        except (OSError, ValueError):  # looked for and not there: a file put there later would be read
            real = _real(path)
            if real is not None:
                self.by_path.setdefault(real, found)
            return
        # (an existing file is known by its identity alone: a destination that resolves to
        # it exists, and is found by its own identity)
        self.by_identity.setdefault((info.st_dev, info.st_ino), found)

    def add_library(self, library: Library) -> None:
        for identity, path in library.files.items():
            self.by_identity.setdefault(identity, Input(path, "the library file"))

    def update(self, other: Inputs) -> None:
        for identity, found in other.by_identity.items():
            self.by_identity.setdefault(identity, found)
        for real, found in other.by_path.items():
            self.by_path.setdefault(real, found)

    def clash(self, destination: Path) -> Input | None:
        """The input that `destination` is, through any path or link, if it is one."""
        try:
            info = os.stat(destination)
            return self.by_identity.get((info.st_dev, info.st_ino))
        except (OSError, ValueError):
            pass
        real = _real(destination)
        return self.by_path.get(real) if real is not None else None


def _real(path: Path | str) -> str | None:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return None


def drawn_inputs(handout: Handout) -> Inputs:
    """The files a rendered handout's pictures came from: the logo, photos and pose files.

    Found again as the layout found them (the same functions, on the same names), after
    rendering, when each of them is known to exist.
    """
    from ..pictures.pose_pictures import pose_sources

    found = Inputs()
    clinic, source = handout.clinic, handout.clinic_source
    if clinic is not None and clinic.logo and source is not None:
        from ..pictures.paths import resolve_picture_path

        found.add(resolve_picture_path(clinic.logo, source, [source.parent]), "the clinic's logo")
    for card in handout.cards:
        illustration, source = card.illustration, card.illustration_source
        if illustration is None or source is None:
            continue
        for name in illustration.pictures or ():
            from ..pictures.paths import resolve_picture_path

            found.add(resolve_picture_path(name, source, [source.parent]), "a picture")
        if illustration.pose:
            for path in pose_sources(illustration.pose, source):
                found.add(path, "a pose file")
    return found
