"""library.yaml_files finds what `rglob("*")` would, in the order sorted paths have."""

from __future__ import annotations

import os
from pathlib import Path

from handouts.reading.library import YAML_SUFFIXES, yaml_files


def _as_rglob_finds(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def test_the_files_found_are_rglobs_in_its_order(tmp_path) -> None:
    lib = tmp_path / "lib"
    for name in ["a/x.yaml", "a-b/x.yaml", "a.b/y.yml", "b/c/d/deep.yaml", "top.yaml", ".hidden.yaml", ".yaml",
                 "x.YAML", "notes.txt", "x.yaml.", "b/c/z.yaml", "Z.yaml"]:
        path = lib / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("id: x\n", encoding="utf-8")
    (lib / "folder.yaml").mkdir()  # a folder with a YAML name is no file
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "inside.yaml").write_text("id: y\n", encoding="utf-8")
    os.symlink(elsewhere, lib / "linked-folder")  # never walked into
    os.symlink(elsewhere / "inside.yaml", lib / "linked-file.yaml")  # a link to a file is a file
    os.symlink(tmp_path / "missing.yaml", lib / "broken.yaml")
    os.mkfifo(lib / "pipe.yaml")
    found = yaml_files(lib)
    assert found == _as_rglob_finds(lib)
    names = [p.relative_to(lib).as_posix() for p in found]
    assert names.index("a/x.yaml") < names.index("a-b/x.yaml")  # part by part, not as text
    assert "linked-file.yaml" in names and ".hidden.yaml" in names
    assert not {"linked-folder/inside.yaml", "broken.yaml", "pipe.yaml", ".yaml", "x.YAML", "folder.yaml"} & set(names)


def test_a_folder_it_may_not_read_is_passed_over(tmp_path) -> None:
    lib = tmp_path / "lib"
    (lib / "shut").mkdir(parents=True)
    (lib / "shut" / "hidden.yaml").write_text("id: x\n", encoding="utf-8")
    (lib / "open.yaml").write_text("id: y\n", encoding="utf-8")
    (lib / "shut").chmod(0)
    try:
        if os.access(lib / "shut", os.R_OK):  # (as root, nothing is shut)
            assert yaml_files(lib) == _as_rglob_finds(lib)
        else:
            assert yaml_files(lib) == _as_rglob_finds(lib) == [lib / "open.yaml"]
    finally:
        (lib / "shut").chmod(0o755)
