"""A handout's cards, its log and its key points as drawn blocks (drawn.py): each laid
out and drawn once, then reused wherever the same one comes again, in a batch (and a
card in a later run too).

A card's key is a digest of everything its drawing depends on: the card itself (the
entry's texts in the handout's language, the dose, its number, its references'
numbers, the note), the template, the language and audience, the frame it is laid out
in, the pose files its pictures are drawn from (their content), and what stays the
same within a run: the code that lays it out and draws it, ReportLab's version, the
body fonts' files and the language's catalogue and hyphenation dictionary (their
content). A card with photos is drawn as before: its images are objects of the
document that a form cannot bring along.

Between runs (the cache), only a card that says nothing about this patient is kept:
one without a clinician's note for the patient, a caution for the patient's
conditions, a dose or side or a video chosen for the patient. Its words and dose are
the library entry's, with a number.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

import msgspec
from reportlab.platypus import Flowable, KeepTogether

from ..errors import PictureError
from ..handout.assemble import Card, Handout
from .cards import ARRANGEMENTS, card_content, notes_blocks
from .drawn import reused
from .illustrations import frame_width, inner_width, pose_frame_width
from .log import log
from .sections import summary_box, summary_lines
from .styles import HYPHENATED, Styles

FORMAT = 1  # a new number when what a key holds changes


def card_blocks(card: Card, handout: Handout, s: Styles, width: float, frame_height: float, *, dense: bool = False) -> list[Flowable]:
    """The card as card_flowables makes it, its own block drawn once when it can be."""
    key = card_key(card, handout, width, frame_height, dense)
    content = reused(key, lambda: card_content(card, handout, s, width, frame_height, dense=dense), width, frame_height,
                     lambda names: _pictures(card, handout, names), persistent=says_nothing_of_the_patient(card))
    return [KeepTogether(content), *notes_blocks(card, handout, s, width)]


def says_nothing_of_the_patient(card: Card) -> bool:
    """Whether the card holds only the library entry's words, dose and picture, and a
    number: no note, caution, dose, side, video or picture set for this patient."""
    entry = card.exercise
    return (not card.note and not card.cautions and card.dosage == entry.dosage and card.video in (None, entry.video)
            and card.illustration_field == ("illustration",))  # the entry's own picture: its key names no program's file


def card_key(card: Card, handout: Handout, width: float, frame_height: float, dense: bool = False) -> str | None:
    """The digest of what the card's drawing depends on; None for a card that is drawn each time."""
    illustration = card.illustration
    if illustration is not None and illustration.pictures:
        return None
    poses: list[str | None] = []
    if illustration is not None and illustration.pose:
        from ..pictures.pose_pictures import pose_frames, pose_sources
        from ..reading.cache import file_digest

        try:  # drawn here first: the files a pose depends on are known once it is drawn
            pose_frames(illustration.pose, card.illustration_source, inner_width(frame_width(handout.template)), card.mirrored)
        except PictureError as error:  # as illustrations.py says it: which file and field named the pose
            raise error.named_in(card.illustration_source, (*card.illustration_field, "pose")) from None
        poses = [file_digest(path) for path in pose_sources(illustration.pose, card.illustration_source)]
    what = [FORMAT, _run_digest(handout.words.language), card, handout.template, handout.audience, width, frame_height, dense, poses]
    return hashlib.sha256(msgspec.json.encode(what, enc_hook=_plain)).hexdigest()


def log_blocks(handout: Handout, s: Styles, width: float, frame_height: float) -> list[Flowable]:
    """The week's log (log.log), drawn once for every handout of the same day, cards
    and language: what it prints is in its key, the patient's name never. Kept in memory
    for the run only."""
    what = [FORMAT, "log", _run_digest(handout.words.language), handout.words.language, handout.date, handout.review,
            handout.pain_call_at, handout.template, width, frame_height,
            # all log() reads of a card (the side's word and the shared stop rule come from these)
            [(c.number, c.exercise.name, c.dosage.side, c.dosage.days_per_week, c.exercise.stop_if) for c in handout.cards]]
    key = hashlib.sha256(msgspec.json.encode(what, enc_hook=_plain)).hexdigest()
    return [KeepTogether(reused(key, lambda: log(handout, s, width, frame_height)[0]._content, width, frame_height, lambda names: {}))]


def summary_blocks(handout: Handout, s: Styles, width: float, frame_height: float) -> list[Flowable]:
    """The key points (sections.summary), drawn once for every handout that says the same
    ones: its key holds the lines it prints. Kept in memory for the run only."""
    lines = summary_lines(handout)
    what = [FORMAT, "summary", _run_digest(handout.words.language), handout.words.language, handout.template, width, frame_height, lines]
    key = hashlib.sha256(msgspec.json.encode(what, enc_hook=_plain)).hexdigest()

    def make() -> list[Flowable]:
        return summary_box(handout, s, width, lines)[0]._content

    return [KeepTogether(reused(key, make, width, frame_height, lambda names: {}))]


def _plain(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    raise NotImplementedError(f"no key for {type(value).__name__}")  # a new kind of field: never guess


def _pictures(card: Card, handout: Handout, names: tuple[str, ...]) -> dict[str, Flowable]:
    """The card's pictograms with these form names, at the sizes its arrangements draw them."""
    from ..pictures.pose_pictures import pose_frames

    illustration, found = card.illustration, {}
    if illustration is None or not illustration.pose:
        return found
    for scale in sorted({scale for choices in ARRANGEMENTS.values() for each in choices for _, scale in each}, reverse=True):
        width = pose_frame_width(illustration.pose, card.illustration_source, card.mirrored, handout.template, scale)
        frames = pose_frames(illustration.pose, card.illustration_source, inner_width(width), card.mirrored)
        found.update((picture.form, picture) for picture in frames.pictures)
        if all(name in found for name in names):
            break
    return found


@cache
def _run_digest(language: str) -> str:
    """What stays the same within a run and a card's drawing depends on, as one digest."""
    import reportlab

    from .fonts import body_files

    digest = hashlib.sha256(f"{sys.version}\0{reportlab.Version}\0{_rl_accel_version()}\0{language}".encode())
    package = Path(__file__).resolve().parent.parent
    for folder in ("page", "handout", "pictures", "pictures/pictogram"):
        for file in sorted((package / folder).glob("*.py")):
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    for file in body_files():
        digest.update(Path(file).read_bytes())
    for file in _language_files(language):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _language_files(language: str) -> list[Path]:
    """The catalogue a card's fixed words come from, and the dictionary its words break by."""
    import importlib.util

    from ..reading.resources import bundled

    files = [p for p in [bundled("locale") / language / "LC_MESSAGES" / "handouts.mo"] if p.is_file()]
    if HYPHENATED.get(language):
        spec = importlib.util.find_spec("pyphen")  # (without importing it)
        if spec is not None and spec.submodule_search_locations:
            files += sorted(Path(next(iter(spec.submodule_search_locations))).glob(f"dictionaries/hyph_{HYPHENATED[language]}*.dic"))
    return files


def _rl_accel_version() -> str:
    try:
        import _rl_accel  # ReportLab's C helpers, which format every number a drawing writes
    except ImportError:
        return "none"
    return str(getattr(_rl_accel, "version", "unknown"))
