"""The bundled library: complete, linked, cited and readable."""

from __future__ import annotations

import pytest

from handouts.commands.check import check_paths
from handouts.handout.readability import (
    EASE_WARN_BELOW,
    FAIL_ABOVE,
    WARN_ABOVE,
    Grade,
    ease,
    grade,
    handout_text,
    patient_text,
)
from handouts.reading.library import load_library, load_program
from handouts.reading.models import Exercise
from handouts.reading.resources import bundled
from handouts.reading.translations import localized

LIBRARY = load_library()
EXERCISES = sorted(LIBRARY.exercises)
PROGRAMS = ("early-stage", "middle-stage", "return-to-running")
LANGUAGES = ("en", "es")  # every bundled entry and program is written in both
ISSUE_4_EXERCISES = {
    "clamshell", "clamshell-flexed", "clamshell-band", "side-lying-hip-abduction", "side-lying-abduction-hold",
    "pelvic-drop", "standing-band-abduction", "lateral-band-walk", "single-leg-deadlift", "sideways-hop",
    "hip-listing-wall", "wall-side-bend", "single-leg-reach-hip-shift", "single-leg-reach-step",
    "hip-abductor-machine", "barbell-hip-thrust",
}


def test_every_exercise_from_the_sources_is_in_the_library() -> None:
    assert ISSUE_4_EXERCISES <= set(LIBRARY.exercises)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_entry_is_complete_linked_and_cited(exercise_id: str) -> None:
    entry = LIBRARY.exercises[exercise_id]
    exercise = entry.exercise
    assert entry.path.stem == exercise.id
    assert 3 <= len(exercise.steps) <= 6
    assert 2 <= len(exercise.mistakes) <= 3
    assert exercise.illustration is not None and exercise.illustration.pose
    assert exercise.citations and all(c.note for c in exercise.citations)
    for target in exercise.progression + exercise.regression:
        assert target in LIBRARY.exercises
    for citation in exercise.citations:
        assert citation.id in LIBRARY.references
    dosage = exercise.dosage
    assert dosage.sets and dosage.reps and dosage.side and dosage.rest_seconds is not None
    assert dosage.times_per_day and dosage.days_per_week
    # "Weight or band" answers "same band for all?"; a hop takes none, and says nothing of it
    assert (dosage.load is None) == ("hopping" in exercise.tags), exercise.id


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_patient_text_reads_at_grade_6_or_below(exercise_id: str) -> None:
    score = grade(patient_text(LIBRARY.exercises[exercise_id].exercise, "en"))
    assert score.worst <= WARN_ABOVE, score


def in_language(exercise_id: str, language: str) -> Exercise:
    exercise = LIBRARY.exercises[exercise_id].exercise
    return localized(exercise, language, plain=exercise.language)[0]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_text_of_an_entry_is_in_spanish_too(exercise_id: str) -> None:
    """Name, purpose, steps, feel, mistakes, stop, caption, load, unit and the evidence notes."""
    exercise = LIBRARY.exercises[exercise_id].exercise
    assert localized(exercise, "es", plain=exercise.language)[1] == []
    spanish, english = in_language(exercise_id, "es"), in_language(exercise_id, "en")
    assert spanish.steps != english.steps and spanish.name != english.name
    assert all(c.note for c in spanish.citations) and [c.note for c in spanish.citations] != [c.note for c in english.citations]


@pytest.mark.parametrize("name", PROGRAMS)
def test_every_text_of_a_program_is_in_spanish_too(name: str) -> None:
    program, _, _ = load_program(name)
    assert localized(program, "es", plain=program.language)[1] == []
    assert localized(program.clinic, "es", plain=program.clinic.language)[1] == []


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_spanish_patient_text_reads_as_everyday_spanish(exercise_id: str) -> None:
    """At least 80 (Fernández-Huerta) and 65 (Szigriszt-Pazos): text for the general public."""
    score = ease(patient_text(LIBRARY.exercises[exercise_id].exercise, "es"))
    assert score.fernandez_huerta >= EASE_WARN_BELOW[0] and score.szigriszt_pazos >= EASE_WARN_BELOW[1], score


@pytest.mark.parametrize("name", PROGRAMS)
def test_spanish_handout_text_reads_as_everyday_spanish(name: str) -> None:
    program, _, _ = load_program(name)
    exercises = [LIBRARY.exercises[item.id].exercise for item in program.exercises]
    score = ease(handout_text(program, exercises, "es"))
    assert score.fernandez_huerta >= EASE_WARN_BELOW[0] and score.szigriszt_pazos >= EASE_WARN_BELOW[1], score


def test_ease_bar_fails_hard_spanish() -> None:
    """The Spanish bar is not met by anything: a sentence of clinical Spanish falls well below it."""
    hard = ["La electromiografía intramuscular evidenció una activación significativamente superior del glúteo medio "
            "durante la abducción isométrica en decúbito lateral, comparada con las variantes dinámicas evaluadas."]
    score = ease(hard)
    assert score.fernandez_huerta < EASE_WARN_BELOW[0] and score.szigriszt_pazos < EASE_WARN_BELOW[1]


def test_ladders_go_from_easy_to_hard() -> None:
    """A progression is never easier than where it starts, and links are two-way."""
    order = {"beginner": 0, "intermediate": 1, "advanced": 2}
    for entry in LIBRARY.exercises.values():
        exercise = entry.exercise
        for harder in exercise.progression:
            assert order[LIBRARY.exercises[harder].exercise.level] >= order[exercise.level], (exercise.id, harder)
        for easier in exercise.regression:
            assert order[LIBRARY.exercises[easier].exercise.level] <= order[exercise.level], (exercise.id, easier)


def test_grade_verdicts() -> None:
    assert Grade(5.0, 6.0).verdict == "ok"
    assert Grade(6.5, 5.0).verdict == "warning"
    assert Grade(4.0, FAIL_ABOVE + 0.1).verdict == "too hard"
    hard = ["Individuals experiencing considerable musculoskeletal discomfort should immediately discontinue "
            "the prescribed therapeutic intervention and consult their physiotherapist regarding appropriate modifications."]
    assert grade(hard).verdict == "too hard"


def test_check_passes_on_the_whole_bundled_library_and_programs() -> None:
    report = check_paths((bundled("programs"),))
    assert report[0] == f"library: {len(LIBRARY.exercises)} exercises, {len(LIBRARY.references)} references"
    assert sum(line.endswith(": ok") for line in report) == len(report) - 1
    assert sum("handout grade" in line for line in report) == 3


def test_example_programs_have_four_exercises_at_most() -> None:
    from handouts.reading.library import load_program

    for name in ("early-stage", "middle-stage", "return-to-running"):
        program, _, _ = load_program(name)
        assert 1 <= len(program.exercises) <= 4


def unbroken(text: str) -> str:
    """Text with its line breaks and hyphens taken out: a Spanish word may be broken at a line's end."""
    return "".join(text.split()).replace("-", "").replace("\u00ad", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_bundled_exercise_renders_with_its_pictogram(language: str) -> None:
    """All sixteen in one handout: each card drawn, bookmarked, with its vector picture."""
    import io

    from pypdf import PdfReader

    from handouts.commands.build import Builder, Request

    from ..helpers import DAY, pdf_text

    data = Builder().pdf(Request(exercises=tuple(EXERCISES), date=DAY, language=language))
    reader = PdfReader(io.BytesIO(data))
    assert [item.title for item in reader.outline] == [
        f"{n}. {in_language(i, language).name}" for n, i in enumerate(EXERCISES, start=1)
    ]
    text = unbroken(pdf_text(data))
    for exercise_id in EXERCISES:
        exercise = in_language(exercise_id, language)
        assert unbroken(exercise.steps[0]) in text
    # the pictures' caption prints in large print (the standard card's frames have their labels instead)
    large = unbroken(pdf_text(Builder().pdf(Request(exercises=tuple(EXERCISES), date=DAY, language=language, template="large-print"))))
    for exercise_id in EXERCISES:
        assert unbroken(in_language(exercise_id, language).illustration.caption) in large


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper, template", [("a4", "standard"), ("letter", "standard"), ("a4", "large-print"),
                                             ("letter", "large-print"), ("a4", "compact")])
def test_no_card_is_split_by_a_page_break(paper: str, template: str, language: str) -> None:
    """Each card, its name, its last step, its stop rule and its last mistake, is on one page,
    in Spanish (which runs longer) as in English."""
    import io

    from pypdf import PdfReader

    from handouts.commands.build import Builder, Request

    from ..helpers import DAY

    data = Builder().pdf(Request(exercises=tuple(EXERCISES), date=DAY, paper=paper, template=template, language=language))
    reader = PdfReader(io.BytesIO(data))
    pages = [unbroken(page.extract_text()) for page in reader.pages]
    starts = [reader.get_destination_page_number(item) for item in reader.outline]  # each card's bookmark
    for number, exercise_id in enumerate(EXERCISES, start=1):
        exercise = in_language(exercise_id, language)
        page = pages[starts[number - 1]]
        assert unbroken(f"{number}. {exercise.name}") in page
        for text in (exercise.steps[-1], exercise.stop_if, exercise.mistakes[-1].rstrip(".")):
            assert unbroken(text) in page, (paper, template, exercise_id, text)
