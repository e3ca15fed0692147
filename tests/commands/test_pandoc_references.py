"""A references file made by a real pandoc from BibTeX builds, with the DOIs on the clinician's copy.

pandoc comes from the `pypandoc-binary` test package; without it these tests are skipped.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from handouts.commands.build import Request

from ..helpers import DAY, pdf_bytes, pdf_text, squash

pypandoc = pytest.importorskip("pypandoc")

# particles (van der, {de la}, a von part, d'), a suffix, a group; EDTF dates (a month, a
# day, a range of years); DOIs written bare and as a link; keys in capitals and with : and _
BIBTEX = r"""
@article{vanderBerg2020,
  author = {van der Berg, Anna and {de la Cruz}, Maria and Ludwig van Beethoven and Smith, Jr., John and d'Artagnan, Charles},
  title = {Hip abductor strength and pelvic drop in runners},
  journal = {Journal of Orthopaedic \& Sports Physical Therapy},
  shortjournal = {J Orthop Sports Phys Ther},
  volume = {50}, number = {3}, pages = {120--128},
  date = {2020-03},
  doi = {10.2519/jospt.2020.9999},
  pmid = {12345678},
}
@article{dupont_2021:hips,
  author = {Dupont, Jean-Luc and {World Health Organization}},
  title = {Exercise for hip pain: what works?},
  journaltitle = {Physiotherapy},
  volume = {7}, pages = {1--9},
  date = {2020/2021},
  doi = {https://doi.org/10.1016/j.physio.2021.01.001},
}
@book{day2019,
  author = {Day, Sam},
  title = {Rehab at home},
  publisher = {Clinic Press},
  date = {2019-03-15},
}
"""

EXPECTED = [  # as AMA prints them, in the order the entry cites them
    "van der Berg A, de la Cruz M, van Beethoven L, Smith J Jr, d{apostrophe}Artagnan C. Hip abductor strength and pelvic "
    "drop in runners. J Orthop Sports Phys Ther. 2020;50(3):120-128.",
    "Dupont JL, World Health Organization. Exercise for hip pain: What works? Physiotherapy. 2020-2021;7:1-9.",
    "Day S. Rehab at home. Clinic Press; 2019.",
]
PATIENT = [  # the patient's copy: an article its journal, volume and pages find leaves its title out; a book keeps it
    "van der Berg A, de la Cruz M, van Beethoven L, Smith J Jr, d{apostrophe}Artagnan C. J Orthop Sports Phys Ther. "
    "2020;50(3):120-128.",
    "Dupont JL, World Health Organization. Physiotherapy. 2020-2021;7:1-9.",
    "Day S. Rehab at home. Clinic Press; 2019.",
]
DOIS = ["doi:10.2519/jospt.2020.9999", "doi:10.1016/j.physio.2021.01.001"]


def pandoc(*args: str, source: Path) -> str:
    try:
        executable = pypandoc.get_pandoc_path()
    except OSError:
        pytest.skip("pypandoc has no pandoc binary here")
    result = subprocess.run([executable, str(source), *args], capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def library(tmp_path: Path, exercise_text):
    """A library folder with an entry citing the three references, and a BibTeX file beside it."""
    def make(references: str, name: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        entry = exercise_text().replace("  - id: burnet2009\n    note: Side-lying strength did not predict pelvic drop in running.\n",
                                        "  - id: vanderBerg2020\n  - id: dupont_2021:hips\n  - id: day2019\n")
        (folder / "entry.yaml").write_text(entry, encoding="utf-8")
        (folder / "refs.yaml").write_text(references, encoding="utf-8")
        return folder

    bib = tmp_path / "refs.bib"
    bib.write_text(BIBTEX, encoding="utf-8")
    return make, bib


def built(folder: Path, audience: str) -> str:
    return squash(pdf_text(pdf_bytes(Request(exercises=("test-clam",), date=DAY, audience=audience), (folder,))))


def test_pandoc_markdown_front_matter_builds_with_the_dois_on_the_clinician_copy(library) -> None:
    make, bib = library
    written = pandoc("-s", "-t", "markdown", source=bib)
    assert written.startswith("---\nnocite:") and "  issued: 2020-03\n" in written and "  doi: " in written  # as it comes
    folder = make(written, "markdown")
    clinician, patient = built(folder, "clinician"), built(folder, "patient")
    for text, short, doi in zip(EXPECTED, PATIENT, DOIS + [None]):
        ama = text.format(apostrophe="'")
        assert squash(ama + (f" {doi}" if doi else "")) in clinician
        assert squash(short.format(apostrophe="'")) in patient
    assert "doi:" not in patient


def test_pandoc_csl_json_converted_to_yaml_builds_the_same_references(library) -> None:
    make, bib = library
    items = json.loads(pandoc("-t", "csljson", source=bib))
    assert items[0]["issued"] == {"date-parts": [[2020, 3]]} and items[0]["author"][1]["non-dropping-particle"] == "de la"
    folder = make(yaml.safe_dump({"references": items}, allow_unicode=True, sort_keys=False), "csljson")
    clinician = built(folder, "clinician")
    for text, doi in zip(EXPECTED, DOIS + [None]):
        assert squash(text.format(apostrophe="\u2019") + (f" {doi}" if doi else "")) in clinician
