"""The package's folders are the pipeline's stages, and imports only point down them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "handouts"

# Each stage, and the stages below it that it may import. The package's own top-level
# modules (errors, the version) sit below everything.
MAY_IMPORT = {
    "reading": set(),
    "handout": {"reading"},
    "pictures": {"reading"},
    "page": {"reading", "handout", "pictures"},
    "importing": {"reading"},  # another database's entries in, entry data out; the command writes them
    "commands": {"reading", "handout", "pictures", "page", "importing"},
}
LONGEST = 320  # "no module over about 300 lines": split along nouns well before this


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def stage_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def imported_stages(path: Path) -> set[str]:
    """The stages that `path` imports from, by absolute or relative import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = ["handouts", *path.relative_to(PACKAGE).parts[:-1]]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = base + (node.module.split(".") if node.module else [])
            else:
                target = (node.module or "").split(".")
            names = [target + [alias.name] for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        else:
            continue
        for name in names:
            if name[0] == "handouts" and len(name) > 1 and name[1] in MAY_IMPORT:
                found.add(name[1])
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_only_down_the_pipeline(path: Path) -> None:
    stage = stage_of(path)
    if stage is None:
        # the package's face and errors: errors imports no stage; __init__ only guards ReportLab
        allowed = {"page"} if path.name == "__init__.py" else ({"commands"} if path.name == "__main__.py" else set())
    else:
        allowed = MAY_IMPORT[stage] | {stage}
    assert imported_stages(path) <= allowed, f"{path.relative_to(PACKAGE)} imports {sorted(imported_stages(path) - allowed)}"


def test_the_import_check_sees_a_wrong_way_import(tmp_path: Path, monkeypatch) -> None:
    """The check itself: a reading module that imports the page is caught."""
    fake = tmp_path / "handouts" / "reading" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..page.fonts import fonts\nfrom handouts.commands import cli\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "handouts")
    assert imported_stages(fake) == {"page", "commands"}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_too_long_to_read(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= LONGEST, f"{path.relative_to(PACKAGE)} has {lines} lines: split it along the nouns it holds"


@pytest.mark.parametrize("init", sorted(PACKAGE.rglob("__init__.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_subpackage_face_only_says_what_it_holds(init: Path) -> None:
    if init.parent == PACKAGE:
        return  # the package's own face guards ReportLab's settings and gives the version
    tree = ast.parse(init.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{init} says nothing about what it holds"
    assert len(tree.body) == 1, f"{init} holds code; it should only say what the package holds"
