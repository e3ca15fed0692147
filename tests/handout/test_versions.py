"""The easier and harder versions a card names: the patient is told to ask about one the
handout has not (a name alone does not teach a movement), and is not sent to one it has
(the patient does it already: "Try exercise 3" read as add or swap?)."""

from __future__ import annotations

import datetime as dt

from handouts.commands.build import Builder, Request
from handouts.page.card_parts import to_ask_about

DAY = dt.date(2026, 12, 7)


def test_a_version_on_the_handout_is_its_card_number_and_one_off_it_has_none() -> None:
    # clamshell: easier is clamshell-flexed, harder clamshell-band
    band, clamshell = Builder().handout(Request(exercises=("clamshell-band", "clamshell"), date=DAY)).cards
    assert [(v.id, v.card) for v in clamshell.harder] == [("clamshell-band", 1)]
    assert [(v.id, v.card) for v in clamshell.easier] == [("clamshell-flexed", None)]
    assert [(v.id, v.card) for v in band.easier] == [("clamshell", 2)]


def test_only_a_nearest_version_off_the_handout_is_asked_about() -> None:
    band, clamshell = Builder().handout(Request(exercises=("clamshell-band", "clamshell"), date=DAY)).cards
    easier, harder = to_ask_about(clamshell)
    assert easier is not None and easier.name == "Clamshell with knees drawn up" and harder is None
    easier, harder = to_ask_about(band)  # its easier version is card 2; its harder, the standing band lift, is not here
    assert easier is None and harder is not None and harder.id == "standing-band-abduction"


def test_each_of_two_cards_knows_the_other() -> None:
    cards = Builder().handout(Request(exercises=("clamshell", "clamshell-flexed"), date=DAY)).cards
    assert cards[0].easier[0].card == 2 and cards[1].harder[0].card == 1
    assert to_ask_about(cards[0])[0] is None and to_ask_about(cards[1])[1] is None
