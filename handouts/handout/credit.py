"""The clinician's credit line for an imported entry: where its words and photos came from."""

from __future__ import annotations

from .assemble import Card
from .words import Words


def credit(words: Words, card: Card) -> str | None:
    """'Imported from free-exercise-db, entry Dead_Bug (Unlicense).', with the photos'
    rights when the card shows the source's photos; None for an entry of the clinic's own."""
    source = card.exercise.source
    if source is None:
        return None
    text = words._("Imported from {database}, entry {id} ({licence}).", database=source.database, id=source.id,
                   licence=source.licence)
    # the entry's own pictures, not ones the program gives this patient
    own_photos = card.illustration is card.exercise.illustration and card.illustration and card.illustration.pictures
    if own_photos and source.photos:
        text += " " + words._("Photos from {database}: {rights}.", database=source.database, rights=source.photos)
    return text
