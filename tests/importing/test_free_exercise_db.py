"""One free-exercise-db entry as an exercise entry: what is mapped, what is defaulted and
marked so, what is flagged, and that no word is invented or lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handouts.errors import InvalidInput
from handouts.importing import free_exercise_db as fedb
from handouts.importing.defaults import BUILT_IN, clinic_defaults
from handouts.importing.steps import CannotFit, fit, sentences, tidy
from handouts.reading.models import Dosage, Exercise
from handouts.reading.validate import validate
from handouts.reading.yamlio import parse_yaml

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "free-exercise-db" / "exercises"
needs_sample = pytest.mark.skipif(not SAMPLE.is_dir(), reason=f"no free-exercise-db sample in {SAMPLE}")


def record(**fields) -> fedb.Record:
    data = {"id": "Test_Move", "name": "Test Move", "level": "beginner", "force": "push", "mechanic": "compound",
            "equipment": "body only", "primaryMuscles": ["glutes"], "secondaryMuscles": ["hamstrings"],
            "instructions": ["Lie on your back.", "Lift your hips.", "Lower them slowly."], "category": "strength",
            "images": ["Test_Move/0.jpg", "Test_Move/1.jpg"]} | fields
    return fedb.read_record(json.dumps(data).encode(), "Test_Move.json")


def sample(name: str) -> fedb.Record:
    path = SAMPLE / f"{name}.json"
    return fedb.read_record(path.read_bytes(), str(path))


def words(texts) -> list[str]:
    return " ".join(texts).replace(".", " ").split()


@needs_sample
def test_every_field_with_a_meaning_here_is_mapped() -> None:
    entry = fedb.convert(sample("Dead_Bug"), BUILT_IN, "dead-bug", with_photos=False).data
    assert (entry["id"], entry["name"], entry["level"], entry["region"]) == ("dead-bug", "Dead Bug", "beginner", "trunk")
    assert entry["muscles"] == ["abdominals"]
    assert entry["equipment"] == [] and "no equipment" in entry["tags"]
    assert entry["tags"] == ["strength", "pull", "compound", "free-exercise-db", "no equipment"]
    assert entry["source"] == {"database": "free-exercise-db", "id": "Dead_Bug", "licence": "Unlicense, public domain",
                               "defaulted": ["purpose", "position", "dosage", "feel_it", "mistakes", "stop_if"]}
    assert "illustration" not in entry  # photos only when asked
    triceps = fedb.convert(sample("Overhead_Triceps"), BUILT_IN, "overhead-triceps", with_photos=False).data
    assert triceps["level"] == "advanced"  # the database's "expert"
    bands = fedb.convert(sample("Calf_Raises_-_With_Bands"), BUILT_IN, "calf-raises", with_photos=False).data
    assert bands["equipment"] == ["resistance band"] and bands["muscles"] == ["calves"]
    unknown = fedb.convert(record(equipment=None), BUILT_IN, "x", with_photos=False).data
    assert unknown["equipment"] == [] and "no equipment" not in unknown["tags"]  # unknown is not "none"


def test_what_the_database_lacks_is_a_marked_default_and_nothing_more() -> None:
    imported = fedb.convert(record(), BUILT_IN, "test-move", with_photos=False)
    entry = imported.data
    assert entry["purpose"] == "An exercise for the glutes."
    assert entry["feel_it"] == "In the glutes."
    assert entry["mistakes"] == ["Holding your breath.", "Going on through sharp pain."]
    assert entry["stop_if"].startswith("Stop and call us if you feel sharp pain")
    assert entry["dosage"] == {"basis": "default"}  # no number the source does not give
    assert entry["position"] == "not stated"
    assert set(imported.defaulted) == {"purpose", "position", "dosage", "feel_it", "mistakes", "stop_if"}
    assert imported.defaulted == tuple(entry["source"]["defaulted"])
    # every other text is the database's own
    assert entry["steps"] == ["Lie on your back.", "Lift your hips.", "Lower them slowly."]
    assert entry["name"] == "Test Move" and entry["muscles"] == ["glutes", "hamstrings"]
    stretch = fedb.convert(record(category="stretching"), BUILT_IN, "x", with_photos=False).data
    assert stretch["purpose"] == "A stretch for the glutes."


def test_no_muscles_no_steps_are_flagged_and_defaulted_never_invented() -> None:
    imported = fedb.convert(record(primaryMuscles=[], secondaryMuscles=[], instructions=[]), BUILT_IN, "x", with_photos=False)
    assert {"muscles", "region", "steps"} <= set(imported.defaulted)
    assert imported.data["muscles"] == ["not stated"] and imported.data["region"] == "not stated"
    assert imported.data["steps"] == ["Ask us to show you this exercise before you do it at home."]
    assert imported.data["feel_it"] == "In the muscles your clinician shows you."
    assert {flag.reason for flag in imported.flags} == {fedb.NO_MUSCLES, fedb.NO_STEPS}


def test_a_dose_inside_the_steps_is_flagged_so_the_dose_box_can_agree() -> None:
    imported = fedb.convert(record(instructions=["Lie down.", "Lift.", "Repeat for 10-20 repetitions."]), BUILT_IN, "x",
                            with_photos=False)
    assert [str(flag) for flag in imported.flags] == [f"{fedb.DOSE_IN_STEPS} ('10-20 repetitions')"]
    degrees = fedb.convert(record(instructions=["Bend to 90 degrees.", "Lift.", "Lower."]), BUILT_IN, "x", with_photos=False)
    assert degrees.flags == ()


def test_photos_are_named_next_to_the_entry_and_credited_only_when_asked() -> None:
    imported = fedb.convert(record(images=["Test_Move/0.jpg", "Test_Move/1.JPG", "Test_Move/2.jpg"]), BUILT_IN, "test-move",
                            with_photos=True)
    assert imported.photos == (("Test_Move/0.jpg", "test-move/0.jpg"), ("Test_Move/1.JPG", "test-move/1.jpg"))
    assert imported.data["illustration"] == {"pictures": ["test-move/0.jpg", "test-move/1.jpg"]}
    assert imported.data["source"]["photos"] == "rights not stated by the database"
    none = fedb.convert(record(images=[]), BUILT_IN, "x", with_photos=True)
    assert "illustration" not in none.data and [f.reason for f in none.flags] == [fedb.NO_PHOTOS]
    dropped = fedb.without_photos(imported, fedb.Flag("a photo cannot be used", "damaged"))
    assert "illustration" not in dropped.data and "photos" not in dropped.data["source"] and dropped.photos == ()


@needs_sample
def test_every_sample_entry_converts_to_an_entry_the_library_accepts() -> None:
    files = sorted(SAMPLE.glob("*.json"))
    records = [fedb.read_record(path.read_bytes(), str(path)) for path in files]
    ids = fedb.entry_ids([r.id for r in records], {"barbell-hip-thrust"})
    for r in records:
        imported = fedb.convert(r, BUILT_IN, ids[r.id], with_photos=True)
        from handouts.importing.entry_yaml import entry_text

        text = entry_text(imported.data, ["a comment"])
        exercise = validate(parse_yaml(text.encode(), f"{ids[r.id]}.yaml"), Exercise)
        assert exercise.source.id == r.id
        # the steps are the instructions, word for word and in order
        assert words(exercise.steps) == words(map(tidy, r.instructions)) or "steps" in imported.defaulted


# ---- steps ------------------------------------------------------------------------------


def test_seven_instructions_are_joined_into_six_and_two_split_into_three() -> None:
    seven = [f"Step {n} of the move." for n in range(1, 8)]
    fitted = fit(seven)
    assert len(fitted.steps) == 6 and words(fitted.steps) == words(seven)
    assert fitted.changes == ("joined 7 instructions into 6 steps",)
    two = ["Lie on your back. Bend your knees. Put your feet flat.", "Lift your hips."]
    fitted = fit(two)
    # at the full stop nearest the middle of the longest
    assert fitted.steps == ("Lie on your back. Bend your knees.", "Put your feet flat.", "Lift your hips.")
    assert fitted.changes == ("split 2 instruction(s) into 3 steps at full stops",)


def test_one_sentence_is_kept_as_it_is_and_flagged() -> None:
    imported = fedb.convert(record(instructions=["Pull the rope to your face, hands apart."]), BUILT_IN, "x", with_photos=False)
    assert imported.data["steps"] == ["Pull the rope to your face, hands apart."]
    assert [str(f) for f in imported.flags] == [f"{fedb.FEW_STEPS} (1 step(s))"]


def test_an_instruction_longer_than_a_step_is_cut_at_full_stops_and_a_longer_sentence_refused() -> None:
    long = " ".join(f"Sentence number {n} says what to do next with some care." for n in range(60))
    fitted = fit(["Lie down.", long, "Rest."])
    assert all(len(step) <= 2000 for step in fitted.steps) and words(fitted.steps) == words(["Lie down.", long, "Rest."])
    with pytest.raises(CannotFit, match="a sentence of 2101 characters"):
        fit(["Lie down.", "A" + "a" * 2099 + ".", "Rest."])


def test_spaces_line_breaks_and_invisible_characters_are_tidied_not_the_words() -> None:
    assert tidy("  Lie\tdown\n on the\u200b mat.\x07 ") == "Lie down on the mat."
    assert tidy("The <<hollow>> hold, <<<b>x</b>") == "The «hollow» hold, «<b>x</b>"  # never a placeholder's marks
    assert fit(["", "   ", "Lie down.", "Lift.", "Lower."]).changes == ("left out 2 empty instruction(s)",)


WORDS = ["lie", "on", "your", "back", "lift", "the", "hips", "slowly", "hold", "for", "a", "second", "then", "lower", "them"]
sentence = st.builds(lambda first, rest: " ".join([first.capitalize(), *rest]) + ".", st.sampled_from(WORDS),
                     st.lists(st.sampled_from(WORDS), max_size=12))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=12))
def test_fitting_keeps_every_word_in_order_and_fits_whenever_the_full_stops_allow(instructions) -> None:
    fitted = fit(instructions)
    assert words(fitted.steps) == words(instructions)
    available = sum(len(sentences(text)) for text in instructions)
    assert len(fitted.steps) <= 6
    assert len(fitted.steps) >= min(3, available)


# ---- ids ----------------------------------------------------------------------------------


def test_ids_are_lower_case_words_and_never_take_a_bundled_entrys_place() -> None:
    ids = fedb.entry_ids(["Dead_Bug", "Calf_Raises_-_With_Bands", "90_90_Hamstring", "Hip_Circles_prone", "Hip_Circles_Prone",
                          "Clamshell", "A" * 80], {"clamshell"})
    assert ids["Dead_Bug"] == "dead-bug" and ids["Calf_Raises_-_With_Bands"] == "calf-raises-with-bands"
    assert ids["90_90_Hamstring"] == "90-90-hamstring"
    assert ids["Clamshell"] == "clamshell-fedb"
    assert {ids["Hip_Circles_Prone"], ids["Hip_Circles_prone"]} == {"hip-circles-prone", "hip-circles-prone-2"}
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) and len(i) <= 60 for i in ids.values())


# ---- reading the database's JSON -----------------------------------------------------------


@pytest.mark.parametrize("raw, line", [
    (b'{"id": "X",\n "name": 12,\n "level": "beginner"}', "x.json:2:2: name: must be str, got int"),
    (b'{"id": "X",\n "level": "beginner"}', "x.json: name: is missing (the entry needs it)"),
    (b'{"id": "X",\n "name": "A",\n "level": "pro"}', "x.json:3:2: level: must be one of beginner, intermediate, expert (not 'pro')"),
    (b'{"id": "X",\n "name": "A",\n "level": "beginner",\n "instructions": ["a", 2]}', "x.json:4:2: instructions[1]: must be str, got int"),
    (b'{"id": "../x",\n "name": "A",\n "level": "beginner"}', "x.json:1:2: id: must be str matching regex '^[0-9a-zA-Z_-]+$'"),
    (b'{"id": "X",\n  name', "x.json:2:3: is not valid JSON: Expecting property name enclosed in double quotes"),
    (b'["a list"]', "x.json:1:1: is not a free-exercise-db entry (its top level must be an object)"),
    (b'\xff\xfe{}', "x.json: is not UTF-8 text (byte 0)"),
    (b" " * 1_000_001, "x.json:1:1: is larger than 1000 KB (an entry is about 1 KB)"),
])
def test_a_broken_entry_is_one_line_naming_the_file_line_and_field(raw, line) -> None:
    with pytest.raises(InvalidInput) as caught:
        fedb.read_record(raw, "x.json")
    assert caught.value.lines() == [line]


# ---- the clinic's own defaults ---------------------------------------------------------------


def clinic(text: str):
    from handouts.reading.models import Clinic

    document = parse_yaml(text.encode(), "clinic.yaml")
    return validate(document, Clinic), document


def test_the_clinics_import_defaults_replace_the_built_in_ones() -> None:
    defaults = clinic_defaults(*clinic("""\
name: Riverside Physiotherapy
phone: 555-0142
import_defaults:
  stop_if: Stop and call Riverside on 555-0142 if it hurts more than a little.
  feel_it: "Mostly in the {muscles}."
  dosage: {sets: 2, reps: 10, days_per_week: 3}
"""))
    imported = fedb.convert(record(), defaults, "test-move", with_photos=False)
    assert imported.data["stop_if"] == "Stop and call Riverside on 555-0142 if it hurts more than a little."
    assert imported.data["feel_it"] == "Mostly in the glutes."
    assert imported.data["dosage"] == {"sets": 2, "reps": 10, "days_per_week": 3, "basis": "default"}
    assert imported.data["mistakes"] == list(BUILT_IN.mistakes)  # not set: the built-in ones
    assert "stop_if" in imported.defaulted and "dosage" in imported.defaulted  # still the clinic's words, not the source's
    assert defaults.dosage == Dosage(sets=2, reps=10, days_per_week=3, basis="default")


def test_texts_in_several_languages_give_the_english_one() -> None:
    defaults = clinic_defaults(*clinic("""\
name: {en: Riverside Physiotherapy, es: Fisioterapia Riverside}
phone: 555-0142
import_defaults:
  stop_if: {en: Stop and call us if it hurts., es: Pare y llámenos si le duele.}
"""))
    assert defaults.stop_if == "Stop and call us if it hurts."


def test_import_defaults_without_english_or_with_a_side_are_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        clinic_defaults(*clinic("""\
name: Clínica del Río
language: es
phone: 555-0142
import_defaults:
  stop_if: Pare y llámenos si siente un dolor agudo.
  dosage: {sets: 2, side: each}
"""))
    assert caught.value.lines() == [
        "clinic.yaml:5:12: import_defaults.stop_if: has no English text (the imported entries are in English, as the "
        "database is: write it as en: ...)",
        "clinic.yaml:6:27: import_defaults.dosage.side: leave the side out (not every imported exercise is for the legs: "
        "give a side per exercise in the program)",
    ]


# ---- any entry the database's schema allows becomes a file the library reads -------------------

from handouts.importing.entry_yaml import entry_text  # noqa: E402

TRICKY = ["no", "yes", "1:30", "010", "3.10", "2026-01-01", "null", "~", "a #b", "- x", "[x]", "{a: b}", "&a", "*a", "!x",
          "'", '"', "é", "Łódź", "→", "😀", "\u200b", "\x07", "\ud800", "<b>x</b>", "%", "@", "\n", "\t", " "]
tricky_text = st.lists(st.sampled_from(TRICKY) | st.text(max_size=8), max_size=12).map("".join)
enum = lambda *values: st.sampled_from([None, *values])  # noqa: E731


@settings(max_examples=150, deadline=None)
@given(name=tricky_text.filter(lambda t: 0 < len(t) <= 200), instructions=st.lists(tricky_text, max_size=14),
       primary=st.lists(st.sampled_from(["glutes", "lower back", "neck", "Other Muscle"]), max_size=3),
       equipment=enum("body only", "bands", "other", "e-z curl bar"), category=enum("stretching", "strength"),
       force=enum("push", "static"), mechanic=enum("compound"), level=st.sampled_from(["beginner", "intermediate", "expert"]))
def test_any_entry_the_schema_allows_becomes_an_entry_the_library_reads(name, instructions, primary, equipment, category,
                                                                         force, mechanic, level) -> None:
    raw = json.dumps({"id": "Any_Entry", "name": name, "level": level, "force": force, "mechanic": mechanic,
                      "equipment": equipment, "primaryMuscles": primary, "secondaryMuscles": [], "instructions": instructions,
                      "category": category, "images": ["Any_Entry/0.jpg"]}).encode()
    try:
        record = fedb.read_record(raw, "Any_Entry.json")
    except InvalidInput as error:  # refused with a reason, never a traceback
        assert error.lines() == ["Any_Entry.json:1:21: name: has no letters to print (the entry needs a name)"]
        return
    imported = fedb.convert(record, BUILT_IN, "any-entry", with_photos=True)
    exercise = validate(parse_yaml(entry_text(imported.data, ["x"]).encode(), "any-entry.yaml"), Exercise)
    assert exercise.name == tidy(name) and exercise.source.id == "Any_Entry"
    assert words(exercise.steps) == words(map(tidy, instructions)) or "steps" in imported.defaulted
