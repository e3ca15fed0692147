"""The PDF names of a roster's handouts: readable, safe on every file system, one per handout.

`Ana María Núñez - early-stage.pdf`: the patient's name and the program's, as a clinician
looks for them in a folder. Letters are kept as written, accents and all (in Unicode's
composed form, NFC): NTFS, APFS, ext4 and exFAT all store such names, and "Nunez" for
Núñez would be another person's name. What is kept is letters, marks and digits in any
script, spaces and `-_.,'()&+`; everything else (`/\\:*?"<>|`, controls, emoji) becomes
a space, runs of spaces one, and the name never starts with a dot or a dash (a hidden
file, an option to a shell command) or ends with a dot or space (which Windows drops).
A name Windows keeps for a device (CON, NUL, COM1, LPT1..., with any extension) gets a
`_` before it. Each part is cut to fit, so that a name stays well under the 255 bytes a
file system allows, with room for the temporary name it is first written under.

Two rows that give the same name (the same patient and program, or names that differ
only in case, which Windows and macOS take for one file) never share a file: the first
keeps the name, each later one has its row added, `... (row 7).pdf`, and says so.
"""

from __future__ import annotations

import unicodedata

KEPT_MARKS = set(" -_.,'()&+")
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
PART_BYTES = 100  # the patient's part at most; the program's at most half that (UTF-8 bytes)


def safe_part(text: str, limit: int = PART_BYTES) -> str:
    """`text` as part of a file name: letters and digits of any script kept, the rest spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in KEPT_MARKS else " " for c in text)
    kept = " ".join(kept.split()).lstrip(".- ")
    while len(kept.encode("utf-8")) > limit:
        kept = kept[:-1]
    return kept.rstrip(". ")


def handout_stem(patient: str, program: str, row: int) -> str:
    """'Ana María Núñez - early-stage'; a part with nothing left is named by the row."""
    stem = f"{safe_part(patient) or f'row {row}'} - {safe_part(program, PART_BYTES // 2) or 'program'}"
    if stem.split(".")[0].strip().upper() in WINDOWS_DEVICES:
        stem = "_" + stem
    return stem


def unique_stems(wanted: list[tuple[int, str]]) -> list[tuple[str, int | None]]:
    """For each (row, stem), the stem it is written under, and the row that has its stem
    already when the row was added to it (else None)."""
    taken: dict[str, int] = {}
    out = []
    for row, stem in wanted:
        chosen, count = stem, 1
        while chosen.casefold() in taken:
            chosen = f"{stem} (row {row})" if count == 1 else f"{stem} (row {row}, {count})"
            count += 1
        out.append((chosen, taken.get(stem.casefold()) if chosen != stem else None))
        taken[chosen.casefold()] = row
    return out
