"""What an imported entry holds where its source says nothing: conservative defaults.

The free-exercise-db has no purpose line, no "where you feel it", no mistakes to avoid,
no stop rule and no dose, which every card needs. These built-in texts say only what is
true of any exercise; a clinic sets its own once, in its clinic file's `import_defaults:`
(models.ImportDefaults). Every entry lists the fields that hold a default
(`source.defaulted`), so they are reviewed, never mistaken for the source's words. They
are written in English, the language of the database's own text.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from ..errors import InvalidInput, Problem
from ..reading.models import Clinic, Dosage
from ..reading.translations import text_in
from ..reading.yamlio import Document
from .vocabulary import listed

LANGUAGE = "en"  # the database's language, and so of the defaults written beside its words
MUSCLES = "{muscles}"  # replaced by the entry's main muscles
NO_MUSCLES = "muscles your clinician shows you"  # in place of MUSCLES when the source names none


@dataclass(frozen=True)
class Defaults:
    purpose: str | None  # None: the built-in line for the entry's category
    feel_it: str
    mistakes: tuple[str, ...]
    stop_if: str
    dosage: Dosage

    def purpose_for(self, category: str | None) -> str:
        if self.purpose is not None:
            return self.purpose
        return "A stretch for the {muscles}." if category == "stretching" else "An exercise for the {muscles}."


BUILT_IN = Defaults(
    purpose=None,
    feel_it="In the {muscles}.",
    mistakes=("Holding your breath.", "Going on through sharp pain."),
    stop_if="Stop and call us if you feel sharp pain, dizziness or chest pain. Call us too if pain lasts more than an hour after.",
    # no numbers: the card says "as shown by your clinician" until the clinician sets a dose
    dosage=Dosage(basis="default"),
)


def filled(text: str, muscles: list[str]) -> str:
    return text.replace(MUSCLES, listed(muscles) if muscles else NO_MUSCLES)


def clinic_defaults(clinic: Clinic | None, document: Document | None) -> Defaults:
    """The clinic's `import_defaults:` over the built-in ones; InvalidInput names what cannot be used."""
    given = clinic.import_defaults if clinic else None
    if given is None or clinic is None or document is None:
        return BUILT_IN
    problems: list[Problem] = []

    def english(path: tuple, value: str | dict | None) -> str | None:
        if value is None:
            return None
        text = text_in(value, LANGUAGE, plain=clinic.language)
        if text is None:
            problems.append(document.problem(("import_defaults", *path), "has no English text (the imported entries are "
                                             "in English, as the database is: write it as en: ...)"))
        return text

    dosage = given.dosage
    if dosage:
        if dosage.side:
            problems.append(document.problem(("import_defaults", "dosage", "side"), "leave the side out (not every imported "
                                             "exercise is for the legs: give a side per exercise in the program)"))
        dosage = msgspec.structs.replace(dosage, load=english(("dosage", "load"), dosage.load),
                                         reps_unit=english(("dosage", "reps_unit"), dosage.reps_unit))
    mistakes = [english(("mistakes", i), text) for i, text in enumerate(given.mistakes or [])]
    result = Defaults(
        purpose=english(("purpose",), given.purpose),
        feel_it=english(("feel_it",), given.feel_it) or BUILT_IN.feel_it,
        mistakes=tuple(m for m in mistakes if m) or BUILT_IN.mistakes,
        stop_if=english(("stop_if",), given.stop_if) or BUILT_IN.stop_if,
        # a default dose is marked as one, whatever the clinic file says
        dosage=msgspec.structs.replace(dosage, basis="default") if dosage else BUILT_IN.dosage,
    )
    if problems:
        raise InvalidInput(problems)
    return result
