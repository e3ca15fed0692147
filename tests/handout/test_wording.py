"""Dose wording: one way to write each thing, everywhere it prints (issue 12, section 2)."""

from __future__ import annotations

import pytest

from handouts.handout import wording
from handouts.handout.words import words_for
from handouts.reading.models import Dosage

EN = words_for("en")


def test_every_field_in_plain_words() -> None:
    dose = Dosage(sets=2, reps=10, reps_unit="steps each way", hold_seconds=90, rest_seconds=0,
                  times_per_day=2, days_per_week=7, side="left", load="green band")
    assert wording.rows(EN, dose, "standing-leg") == [
        ("How many", "10 steps each way in a row, 2 sets"),
        ("Hold", "1 minute 30 seconds each time"),
        ("Rest", "No rest needed between sets"),
        ("How often", "twice a day, every day"),
        ("Which leg", "Your left leg. Stand on it."),
        ("Weight or band", "green band"),
    ]


@pytest.mark.parametrize("seconds, words", [(1, "1 second"), (30, "30 seconds"), (60, "1 minute"), (90, "1 minute 30 seconds"),
                                            (120, "2 minutes"), (61, "1 minute 1 second"), (300, "5 minutes")])
def test_durations_have_one_form(seconds: int, words: str) -> None:
    assert wording.duration(EN, seconds) == words


def test_no_rest_between_sets_when_there_is_one_set() -> None:
    labels = [label for label, _ in wording.rows(EN, Dosage(sets=1, reps=3, hold_seconds=20, rest_seconds=30), None)]
    assert "Rest" not in labels
    assert wording.amount(EN, Dosage(sets=1, reps=3)) == "3 times"
    assert wording.amount(EN, Dosage(sets=3, reps=1)) == "1 time in a row, 3 sets"


def test_times_not_reps() -> None:
    assert wording.amount(EN, Dosage(sets=3, reps=12)) == "12 times in a row, 3 sets"
    assert "rep" not in " ".join(words for _, words in wording.rows(EN, Dosage(sets=3, reps=12, hold_seconds=2), None))


@pytest.mark.parametrize("works, side, words", [
    ("top-leg", "left", "Your left leg. Lie on your right side."),
    ("top-leg", "right", "Your right leg. Lie on your left side."),
    ("standing-leg", "right", "Your right leg. Stand on it."),
    ("moving-leg", "left", "Your left leg moves. Stand on your right."),
    ("top-leg", "each", "Each leg does them all."),
    ("legs-in-turn", "both", "Both legs, taking turns."),
    ("both-legs", "both", "Both legs at the same time."),
])
def test_the_side_says_which_leg_works_and_where_to_lie_or_stand(works: str, side: str, words: str) -> None:
    assert wording.side(EN, side, works) == words


@pytest.mark.parametrize("works, side, words", [
    ("standing-leg", "right", "stand on right leg"),  # "Hip drop (right leg)" read as the hip to drop
    ("top-leg", "left", "left leg"),
    ("moving-leg", "right", "right leg"),
    ("standing-leg", "each", None),
])
def test_the_log_s_side_note_names_the_leg_stood_on(works: str, side: str, words: str | None) -> None:
    assert wording.leg(EN, side, works) == words
    if words:  # and the Spanish one too
        assert wording.leg(words_for("es"), side, works) != words


def test_a_dose_without_sets_does_not_speak_of_sets() -> None:
    # side-lying-abduction-hold: "How many: 3 times", each leg
    assert dict(wording.rows(EN, Dosage(reps=3, hold_seconds=20, side="each"), "top-leg"))["Which leg"] == "Each leg does them all."
    assert dict(wording.rows(EN, Dosage(sets=2, reps=3, side="each"), "top-leg"))["Which leg"] == "2 sets on one side, then 2 on the other."
    assert "sets with" not in wording.one_line(EN, Dosage(reps=3, side="each"), "top-leg")


def test_a_side_label_does_not_repeat_itself() -> None:
    label, words = wording.rows(EN, Dosage(side="each"), "top-leg")[0]
    assert label == "Which leg" and not words.lower().startswith(("side", "each side"))


def test_only_movements_that_use_both_legs_at_once_say_at_the_same_time() -> None:
    assert "same time" not in wording.side(EN, "both", "legs-in-turn")


def test_the_whole_dose_in_one_line() -> None:
    line = wording.one_line(EN, Dosage(sets=3, reps=12, rest_seconds=60, times_per_day=1, days_per_week=5, side="right"), "top-leg")
    assert line == ("12 times in a row, 3 sets  ·  Rest 1 minute between sets  ·  Once a day, 5 days a week  ·  "
                    "Your right leg. Lie on your left side")


def test_the_one_line_dose_says_the_sets_with_each_leg_once() -> None:
    # "12 times in a row, 3 sets ... 3 sets with each leg" was read as 3 in all, or 6
    dose = Dosage(sets=3, reps=12, rest_seconds=60, side="each")
    assert wording.one_line(EN, dose, "top-leg") == "12 times in a row, 3 sets with each leg  ·  Rest 1 minute between sets"
    es = wording.one_line(words_for("es"), dose, "top-leg")
    assert es.startswith("3 series de 12 veces con cada pierna") and es.count("3 series") == 1 and es.count("pierna") == 1


@pytest.mark.parametrize("side, words", [("left", "your left leg only"), ("right", "your right leg only"),
                                         ("each", "each leg"), ("both", "both legs"), (None, None)])
def test_the_short_side_fits_inside_a_sentence(side, words) -> None:
    assert wording.side_short(EN, side) == words


def test_hold_and_rest_are_the_dose_box_words() -> None:
    dose = Dosage(sets=2, hold_seconds=90, rest_seconds=0)
    assert (wording.hold(EN, dose), wording.rest(EN, dose)) == ("1 minute 30 seconds each time", "No rest needed between sets")
    assert wording.rest(EN, Dosage(sets=1, rest_seconds=30)) is None and wording.hold(EN, Dosage()) is None


@pytest.mark.parametrize(("works", "en", "es"), [
    ("top-leg", "3 sets on one side, then 3 on the other.", "3 series de un lado y 3 del otro."),
    ("standing-leg", "3 sets with one leg, then 3 with the other.", "3 series con una pierna y 3 con la otra."),
    ("moving-leg", "3 sets with one leg, then 3 with the other.", "3 series con una pierna y 3 con la otra."),
    (None, "3 sets with each leg.", "3 series con cada pierna."),
])
def test_a_dose_for_each_leg_says_when_to_change_legs(works, en: str, es: str) -> None:
    # PEMAT reviewers in both languages found no step that said to turn over or change legs
    # after "3 sets with each leg"; "3 sets on one side, then the other" beside "How many: 12
    # times in a row, 3 sets" read as two counts that disagree: the number is said for each leg
    dose = Dosage(sets=3, reps=10, side="each")
    assert dict(wording.rows(EN, dose, works))["Which leg"] == en
    assert dict(wording.rows(words_for("es"), dose, works))["Lado"] == es
