"""The easier and harder versions a card names: a patient is sent to a card the handout has,
and told to ask about one it has not (a name alone does not teach a movement)."""

from __future__ import annotations

import datetime as dt

from handouts.commands.build import Builder, Request
from handouts.page.card_parts import version_text

DAY = dt.date(2026, 12, 7)


def test_a_version_on_the_handout_is_its_card_number_and_one_off_it_has_none() -> None:
    # clamshell: easier is clamshell-flexed, harder clamshell-band
    cards = Builder().handout(Request(exercises=("clamshell-band", "clamshell"), date=DAY)).cards
    band, clamshell = cards
    assert [(v.id, v.card) for v in clamshell.harder] == [("clamshell-band", 1)]
    assert [(v.id, v.card) for v in clamshell.easier] == [("clamshell-flexed", None)]
    assert [(v.id, v.card) for v in band.easier] == [("clamshell", 2)]


def test_the_words_send_the_patient_to_the_card_or_to_the_clinician() -> None:
    handout = Builder().handout(Request(exercises=("clamshell-band", "clamshell"), date=DAY))
    clamshell = handout.cards[1]
    assert version_text(clamshell.harder[0], handout.words) == "Try exercise\u00a01."  # the number never alone on a line
    assert version_text(clamshell.easier[0], handout.words) == "Ask us about Clamshell with knees drawn up."
    spanish = Builder().handout(Request(exercises=("clamshell-band", "clamshell"), date=DAY, language="es"))
    assert version_text(spanish.cards[1].harder[0], spanish.words) == "el ejercicio\u00a01."
    assert version_text(spanish.cards[1].easier[0], spanish.words).startswith("Pregunte por ")


def test_each_of_two_cards_sends_to_the_other() -> None:
    cards = Builder().handout(Request(exercises=("clamshell", "clamshell-flexed"), date=DAY)).cards
    assert cards[0].easier[0].card == 2
    assert cards[1].harder[0].card == 1
