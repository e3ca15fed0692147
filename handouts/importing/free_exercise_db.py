"""One free-exercise-db entry (its JSON) as this tool's exercise entry (plain data).

The database (yuhonas/free-exercise-db, public domain under the Unlicense) holds one
JSON file per exercise: name, level, equipment, main and other muscles, instructions,
category, force, mechanic, and start and end photos. Each field that means something on
a card is mapped; what the database lacks is a marked default (defaults.py); what needs
the clinician before a patient sees the card is flagged, with the reason. Pure: bytes
in, data out; the command reads and writes the files.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Iterable, Literal

import msgspec
from msgspec import Meta

from ..errors import InvalidInput, Problem
from .defaults import Defaults, filled
from .steps import CannotFit, fit, tidy
from .vocabulary import EQUIPMENT, LEVELS, NO_EQUIPMENT, REGIONS

DATABASE = "free-exercise-db"
LICENCE = "Unlicense, public domain"
PHOTO_RIGHTS = "rights not stated by the database"
TAG = DATABASE  # every imported entry carries it: `handouts list --tag free-exercise-db`
ID_SUFFIX = "-fedb"  # for an id the bundled library already has, which it would replace
MAX_BYTES = 1_000_000  # an entry is about 1 KB
NOT_STATED = "not stated"
# "Repeat for 10-20 repetitions", "hold for 30 seconds": a dose inside the words
_DOSE_IN_WORDS = re.compile(r"\b\d+(?:\s*(?:-|–|to)\s*\d+)?\s*(?:reps?|repetitions?|times|sets?|seconds?|secs?|minutes?|mins?)\b",
                            re.IGNORECASE)


class Record(msgspec.Struct, kw_only=True):
    """One entry as the database's schema has it (fields it may add later are ignored)."""

    id: Annotated[str, Meta(pattern="^[0-9a-zA-Z_-]+$", max_length=200)]
    name: Annotated[str, Meta(min_length=1, max_length=200)]
    level: Literal["beginner", "intermediate", "expert"]
    force: str | None = None
    mechanic: str | None = None
    equipment: str | None = None
    primaryMuscles: list[str] = []
    secondaryMuscles: list[str] = []
    instructions: list[str] = []
    category: str | None = None
    images: list[str] = []


@dataclass(frozen=True)
class Flag:
    """Why an entry needs the clinician before a patient sees it: the reason, the same
    for every entry it concerns (the summary counts them), and this entry's detail."""

    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


NO_MUSCLES = "no muscles named in the database: write them, and the region"
NO_STEPS = "no instructions in the database: write the steps"
FEW_STEPS = "fewer than 3 steps, with no full stop to split them at: rewrite them as 3 to 6 steps"
DOSE_IN_STEPS = "the steps give a dose of their own: set the dose box to agree, or rewrite the step"
NO_PHOTOS = "no photos of it in the database: add a picture or a pose"


@dataclass(frozen=True)
class Imported:
    """An entry made from one record: its data, and what the report says about it."""

    data: dict  # the exercise entry, fields in the order of the README's example
    defaulted: tuple[str, ...]  # fields holding a default, not the source's words
    changes: tuple[str, ...]  # what was adapted (steps split or joined)
    flags: tuple[Flag, ...]  # what the clinician must look at before use, and why
    photos: tuple[tuple[str, str], ...]  # (name in the database, name next to the entry)


def read_record(raw: bytes, name: str) -> Record:
    """One JSON file as a Record; InvalidInput naming the file, line and field."""
    if len(raw) > MAX_BYTES:
        raise InvalidInput([Problem(name, 1, 1, "", f"is larger than {MAX_BYTES // 1000} KB (an entry is about 1 KB)")])
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError as error:
        raise InvalidInput([Problem(name, 0, 0, "", f"is not UTF-8 text (byte {error.start})")]) from None
    except json.JSONDecodeError as error:
        raise InvalidInput([Problem(name, error.lineno, error.colno, "", f"is not valid JSON: {error.msg}")]) from None
    if not isinstance(data, dict):
        raise InvalidInput([Problem(name, 1, 1, "", "is not a free-exercise-db entry (its top level must be an object)")])
    try:
        record = msgspec.convert(data, Record)
    except msgspec.ValidationError as error:
        message, _, where = str(error).partition(" - at `")
        missing = re.match(r"Object missing required field `(\w+)`", message)
        field = missing.group(1) if missing else where.rstrip("`").removeprefix("$").lstrip(".")
        line, column = _place_of(text, re.match(r"\w*", field).group())
        raise InvalidInput([Problem(name, line, column, field, _plain(message))]) from None
    if not tidy(record.name):
        raise InvalidInput([Problem(name, *_place_of(text, "name"), "name", "has no letters to print (the entry needs a name)")])
    return record


def _place_of(text: str, key: str) -> tuple[int, int]:
    """The line and column of a key in a JSON text (its first use: the entry's own keys
    come first in every file of the database), or (0, 0)."""
    found = re.search(rf'"{re.escape(key)}"\s*:', text) if key else None
    if not found:
        return 0, 0
    return text.count("\n", 0, found.start()) + 1, found.start() - text.rfind("\n", 0, found.start())


def _plain(message: str) -> str:
    if message.startswith("Invalid enum value"):  # the level is the one field with a fixed set of values
        return f"must be one of beginner, intermediate, expert (not {message.removeprefix('Invalid enum value ')})"
    message = re.sub(r"Object missing required field `\w+`", "is missing (the entry needs it)", message)
    return message.replace("Expected", "must be").replace("`", "")


def entry_ids(upstream: Iterable[str], taken: Iterable[str]) -> dict[str, str]:
    """This tool's id for each database id: lower-case words and dashes ("Dead_Bug" is
    "dead-bug"); "-fedb" added to an id in `taken` (the bundled library), so that an
    import never replaces a bundled entry; "-2", "-3" for ids the lower case makes equal."""
    taken, out, used = set(taken), {}, set()
    for original in sorted(set(upstream)):
        base = re.sub(r"[^a-z0-9]+", "-", original.lower()).strip("-")[:60].rstrip("-") or "exercise"
        if base in taken:
            base = base[:60 - len(ID_SUFFIX)].rstrip("-") + ID_SUFFIX
        candidate, n = base, 1
        while candidate in used or candidate in taken:
            n += 1
            candidate = f"{base[:60 - len(str(n)) - 1].rstrip('-')}-{n}"
        used.add(candidate)
        out[original] = candidate
    return out


def convert(record: Record, defaults: Defaults, entry_id: str, *, with_photos: bool) -> Imported:
    """The entry for `record` under `entry_id`; CannotFit when its instructions cannot be steps."""
    defaulted = ["purpose", "position", "dosage", "feel_it", "mistakes", "stop_if"]
    flags: list[Flag] = []
    main = _unique(record.primaryMuscles) or _unique(record.secondaryMuscles)
    muscles = _unique(record.primaryMuscles + record.secondaryMuscles)
    if not muscles:
        defaulted += ["muscles", "region"]
        flags.append(Flag(NO_MUSCLES))
    fitted = fit(record.instructions)
    steps = list(fitted.steps)
    if not steps:
        defaulted.append("steps")
        steps = ["Ask us to show you this exercise before you do it at home."]
        flags.append(Flag(NO_STEPS))
    elif len(steps) < 3:
        flags.append(Flag(FEW_STEPS, f"{len(steps)} step(s)"))
    dose = next((m.group() for text in steps for m in [_DOSE_IN_WORDS.search(text)] if m), None)
    if dose:
        flags.append(Flag(DOSE_IN_STEPS, repr(dose)))
    equipment = tidy(record.equipment or "")
    data: dict = {
        "id": entry_id,
        "name": tidy(record.name),
        "purpose": filled(defaults.purpose_for(record.category), main),
        "region": REGIONS.get(main[0], main[0]) if main else NOT_STATED,
        "muscles": muscles or [NOT_STATED],
        "position": NOT_STATED,
        "equipment": [EQUIPMENT.get(equipment, equipment)] if equipment and equipment != NO_EQUIPMENT else [],
        "level": LEVELS[record.level],
        "tags": _unique([t for t in (record.category, record.force, record.mechanic) if t] + [TAG]
                        + (["no equipment"] if equipment == NO_EQUIPMENT else [])),
        "steps": steps,
        "dosage": {k: v for k, v in msgspec.to_builtins(defaults.dosage).items() if v is not None},
        "feel_it": filled(defaults.feel_it, main),
        "mistakes": [filled(text, main) for text in defaults.mistakes],
        "stop_if": filled(defaults.stop_if, main),
    }
    photos: tuple[tuple[str, str], ...] = ()
    if with_photos:
        photos = tuple((name, f"{entry_id}/{i}{_suffix(name)}") for i, name in enumerate(record.images[:2]))
        if photos:
            data["illustration"] = {"pictures": [target for _, target in photos]}
        else:
            flags.append(Flag(NO_PHOTOS))
    data["source"] = {"database": DATABASE, "id": record.id, "licence": LICENCE}
    if photos:
        data["source"]["photos"] = PHOTO_RIGHTS
    data["source"]["defaulted"] = defaulted
    return Imported(data, tuple(defaulted), fitted.changes, tuple(flags), photos)


def without_photos(imported: Imported, flag: Flag) -> Imported:
    """`imported` with no photos, flagged: one of them cannot be used."""
    data = {key: value for key, value in imported.data.items() if key != "illustration"}
    data["source"] = {key: value for key, value in data["source"].items() if key != "photos"}
    return dataclasses.replace(imported, data=data, photos=(), flags=imported.flags + (flag,))


def flagged(imported: Imported, flag: Flag) -> Imported:
    return dataclasses.replace(imported, flags=imported.flags + (flag,))


def _suffix(name: str) -> str:
    """'.jpg' of 'Dead_Bug/0.JPG'; nothing for a name without a plain one."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""


def _unique(words: list[str]) -> list[str]:
    """`words` tidied, without repeats, in their order."""
    return list(dict.fromkeys(word for word in map(tidy, words) if word))


__all__ = ["CannotFit", "DATABASE", "Flag", "Imported", "Record", "convert", "entry_ids", "flagged", "read_record", "without_photos"]
