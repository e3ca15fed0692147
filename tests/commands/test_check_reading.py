"""`handouts check` scores each language of entries and programs written in several, by its own formulas."""

from __future__ import annotations

from pathlib import Path

from handouts.commands.check import check_paths

from .test_json_output import BILINGUAL


def test_an_entry_in_two_languages_is_scored_by_its_english_text(library_dir: Path) -> None:
    (library_dir / "bilingual.yaml").write_text(BILINGUAL, encoding="utf-8")
    report = check_paths((), (library_dir,))
    line = next(line for line in report if line.startswith("test-bilingual: "))
    assert line.startswith("test-bilingual: grade ") and line.endswith(": ok")


def test_an_entry_or_program_in_spanish_only_is_scored_by_spanish_formulas(library_dir: Path, write) -> None:
    spanish = (library_dir / "test-clam.yaml").read_text().replace("id: test-clam", "id: spanish")
    (library_dir / "spanish.yaml").write_text("language: es\n" + spanish)
    program = write("p.yaml", "title: Cadera\nlanguage: es\nexercises: [spanish]\n")
    report = check_paths((program,), (library_dir,))
    assert any(line.startswith("spanish (es): ease ") and "(Fernández-Huerta)" in line for line in report), report
    assert not any(line.startswith("spanish: grade") for line in report), "no English formula on Spanish text"
    assert any(line.startswith(f"{program}: handout (es) ease ") for line in report), report
