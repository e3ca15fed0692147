"""References files as pandoc and Zotero write them: dates, names, identifiers, and the AMA text."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.commands.check import check_paths
from handouts.errors import InvalidInput
from handouts.handout.citations import ama, author
from handouts.reading.csl import csl_date, read_references
from handouts.reading.library import load_library
from handouts.reading.reference_model import DateParts, Name, Reference
from handouts.reading.yamlio import parse_yaml

# Zotero's Better CSL YAML, as its exporter writes it: `---` ... `...`, dates as lists of
# {year, month}, numbers as text, an en dash in pages, variables this tool does not print
BETTER_CSL_YAML = """\
---
references:
- id: vandenberg2019
  abstract: Hip strength in 40 adults after an ankle sprain.
  accessed:
  - year: 2024
    month: 5
    day: 3
  author:
  - family: Berg
    given: Anna
    non-dropping-particle: van den
  - literal: Hip Study Group
  - family: Ruiz
    given: J. D.
    suffix: III
  citation-key: vandenberg2019
  container-title: Physical Therapy in Sport
  container-title-short: Phys Ther Sport
  DOI: https://doi.org/10.1016/j.ptsp.2019.01.001
  ISSN: 1466-853X
  issue: '2'
  issued:
  - year: 2019
    season: 2
  page: 12\u201319
  PMID: '31234567'
  title: Hip strength after <i>sprains</i>
  type: article-journal
  volume: '41'
...
"""


def references(text: str) -> list[Reference]:
    return read_references(parse_yaml(text.encode("utf-8"), "refs.yaml"))[0].references


def refused(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_references(parse_yaml(text.encode("utf-8"), "refs.yaml"))
    return caught.value.lines()


def test_better_csl_yaml_is_read_as_it_comes_and_prints_in_ama_style() -> None:
    [reference] = references(BETTER_CSL_YAML)
    assert reference.issued == DateParts(date_parts=[[2019]], season=2)
    assert ama(reference) == ("van den Berg A, Hip Study Group, Ruiz JD III. Hip strength after sprains. "
                              "Phys Ther Sport. 2019;41(2):12-19. doi:10.1016/j.ptsp.2019.01.001")
    assert ama(reference, with_doi=False).endswith("Phys Ther Sport. 2019;41(2):12-19.")


@pytest.mark.parametrize("written, date", [
    ("2020", DateParts(date_parts=[[2020]])),
    ("2020-03", DateParts(date_parts=[[2020, 3]])),
    ("2020-03-15", DateParts(date_parts=[[2020, 3, 15]])),  # YAML reads this one as a date
    ("'2020-03-15'", DateParts(date_parts=[[2020, 3, 15]])),
    ("2020/2021", DateParts(date_parts=[[2020], [2021]])),
    ("2020-03/2020-05", DateParts(date_parts=[[2020, 3], [2020, 5]])),
    ("2020/..", DateParts(date_parts=[[2020]])),
    ("2020-22", DateParts(date_parts=[[2020]], season=2)),
    ("2020?", DateParts(date_parts=[[2020]])),
    ("in press", DateParts(literal="in press")),
    ("{date-parts: [[2009, 6]]}", DateParts(date_parts=[[2009, 6]])),
    ("{date-parts: [['2009', '6']], season: 3}", DateParts(date_parts=[[2009, 6]], season=3)),
    ("{date-parts: [[2009, 14]]}", DateParts(date_parts=[[2009]], season=2)),
    ("{literal: Summer 1950}", DateParts(literal="Summer 1950")),
    ("{raw: 2020-2-11}", DateParts(date_parts=[[2020, 2, 11]])),
    ("[{year: 2015, season: 2}, {year: 2016, season: 4}]", DateParts(date_parts=[[2015], [2016]], season=2)),
    ("[[2020, 2, 11]]", DateParts(date_parts=[[2020, 2, 11]])),
    ("{year: 2020, month: 3}", DateParts(date_parts=[[2020, 3]])),
])
def test_every_form_of_a_date_becomes_date_parts(written: str, date: DateParts) -> None:
    [reference] = references(f"references:\n- id: x\n  title: A study\n  issued: {written}\n")
    assert reference.issued == date


@pytest.mark.parametrize("written, message", [
    ("2020-13", "13 in '2020-13' is not a month (write 1 to 12, or 21 to 24 for a season)"),
    ("'2020-02-30'", "'2020-02-30' is not a day of the calendar (check the day and month)"),
    ("2020-02-30", "cannot read '2020-02-30' as a date (check the value, or put text in quotes)"),  # YAML's own reading
    ("2020/2021/2022", "'2020/2021/2022' is not a date (write it as 2020, 2020-03, 2020-03-15 or 2020/2021)"),
    ("{date-parts: [[twenty]]}", "'twenty' in date-parts is not a number (write the year, month and day as numbers: [2020, 3, 15])"),
])
def test_a_date_that_is_not_one_is_one_line_at_its_place(written: str, message: str) -> None:
    text = f"references:\n- id: x\n  title: A study\n- id: y\n  title: Another\n  issued: {written}\n"
    assert refused(text) == [f"refs.yaml:6:11: references[1].issued: {message}"]


def test_pandoc_names_identifiers_and_unknown_variables() -> None:
    [reference] = references(
        "---\nnocite: '[@*]'\nreferences:\n- id: Smith_2020:hip\n  author:\n  - family: Berg\n    given: Anna\n"
        "    dropping-particle: van der\n  - family: Smith\n    given: John\n    suffix: Jr.\n    parse-names: false\n"
        "  title: A study\n  publisher: Clinic Press\n  issued: 2019-03-15\n  doi: 10.1000/x1\n  pmid: 12345678\n"
        "  url: https://example.org/a\n  title-short: A\n  keyword: hips\n---\n")
    assert (reference.id, reference.doi, reference.pmid, reference.url) == ("Smith_2020:hip", "10.1000/x1", 12345678, "https://example.org/a")
    assert ama(reference) == "van der Berg A, Smith J Jr. A study. Clinic Press; 2019. doi:10.1000/x1"


def test_a_misspelt_key_in_a_name_or_a_date_is_refused_not_lost() -> None:
    text = "references:\n- id: x\n  title: A study\n  author:\n  - famly: Berg\n  issued: {date-part: [[2020]]}\n"
    assert refused(text) == [
        "refs.yaml:5:5: references[0].author[0].famly: unknown field (did you mean 'family'?)",
        "refs.yaml:6:12: references[0].issued.date-part: unknown field (did you mean 'date-parts'?)",
    ]


def test_a_url_is_given_to_the_clinician_when_there_is_no_doi() -> None:
    [reference] = references("references:\n- id: x\n  title: Hip pain\n  URL: https://example.org/hips\n  issued: 2021\n")
    assert ama(reference) == "Hip pain. 2021. https://example.org/hips"
    assert ama(reference, with_doi=False) == "Hip pain. 2021."


@pytest.mark.parametrize("name, printed", [
    (Name(family="Berg", given="Anna", dropping_particle="van der"), "van der Berg A"),
    (Name(family="Cruz", given="María José", non_dropping_particle="de la"), "de la Cruz MJ"),
    (Name(family="Fontaine", given="Jean", dropping_particle="de", non_dropping_particle="La"), "de La Fontaine J"),
    (Name(family="Artagnan", given="Charles", non_dropping_particle="d\u2019"), "d\u2019Artagnan C"),
    (Name(family="Rashid", given="Omar", non_dropping_particle="al-"), "al-Rashid O"),
    (Name(family="DeVita", given="Vincent T.", suffix="Jr."), "DeVita VT Jr"),
    (Name(family="Earl-Boehm", given="J. E."), "Earl-Boehm JE"),
    (Name(given="Plato"), "Plato"),
    (Name(literal="World Health Organization"), "World Health Organization"),
])
def test_author_names_keep_their_particles_as_ama_does(name: Name, printed: str) -> None:
    assert author(name) == printed


def test_the_bundled_references_print_exactly_as_before() -> None:
    library = load_library()
    assert ama(library.references["mcbeth2012"]) == (
        "McBeth JM, Earl-Boehm JE, Cobb SC, Huddleston WE. Hip muscle activity during 3 side-lying hip-strengthening "
        "exercises in distance runners. J Athl Train. 2012;47(1):15-23. doi:10.4085/1062-6050-47.1.15")
    assert ama(library.references["burnet2009"], with_doi=False) == (
        "Burnet EN, Pidcoe PE. Isometric gluteus medius muscle torque and frontal plane pelvic motion during running. "
        "J Sports Sci Med. 2009;8(2):284-288.")
    assert ama(library.references["selkowitz2013"]) == (
        "Selkowitz DM, Beneck GJ, Powers CM. Which exercises target the gluteal muscles while minimizing activation of the "
        "tensor fascia lata? Electromyographic assessment using fine-wire electrodes. J Orthop Sports Phys Ther. "
        "2013;43(2):54-64. doi:10.2519/jospt.2013.4116")


def test_a_second_document_after_the_front_matter_is_still_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(b"---\nreferences: []\n---\nid: x\n", "refs.yaml")
    assert caught.value.lines() == ["refs.yaml:3:1: is not valid YAML: but found another document (check the indentation and quotes here)"]


def test_a_references_file_with_yaml_dates_is_cached_and_read_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "refs.yaml").write_text("---\nreferences:\n- id: a\n  title: A study\n  issued: 2019-03-15\n---\n")
    first = load_library([folder]).references["a"]
    again = load_library([folder]).references["a"]
    assert first == again and first.issued == DateParts(date_parts=[[2019, 3, 15]])
    assert check_paths((folder / "refs.yaml",))[-1] == f"{folder / 'refs.yaml'}: ok"


def test_dates_made_in_code_read_the_same_as_written() -> None:
    assert csl_date([DateParts(year="2020", month="3")]) == DateParts(date_parts=[[2020, 3]])
    assert csl_date(2009) == DateParts(date_parts=[[2009]])
    assert csl_date(None) is None


def test_the_patients_copy_leaves_out_an_articles_title_only_where_the_rest_finds_it() -> None:
    library = load_library()
    assert ama(library.references["selkowitz2013"], with_doi=False, with_title=False) == (
        "Selkowitz DM, Beneck GJ, Powers CM. J Orthop Sports Phys Ther. 2013;43(2):54-64.")
    # a book, or an article without its pages, cannot be found without its title
    [book] = references("references:\n- id: x\n  title: A study\n  publisher: Clinic Press\n  issued: 2019\n")
    assert ama(book, with_doi=False, with_title=False) == "A study. Clinic Press; 2019."
    [pageless] = references("references:\n- id: x\n  title: Hips\n  container-title: Phys Ther\n  volume: 9\n  issued: 2019\n")
    assert ama(pageless, with_doi=False, with_title=False) == "Hips. Phys Ther. 2019;9."
