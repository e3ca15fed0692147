"""Reading YAML: the exact one-line error for each kind of broken file."""

from __future__ import annotations

import pytest

from handouts.errors import InvalidInput
from handouts.reading.yamlio import parse_yaml, read_yaml


def error_of(source: bytes) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(source, "f.yaml")
    return str(caught.value)


@pytest.mark.parametrize(
    "source, expected",
    [
        (b"", "f.yaml:1:1: file is empty (write the fields as `key: value` lines)"),
        (b"# only a comment\n\n", "f.yaml:1:1: file is empty (write the fields as `key: value` lines)"),
        (b"- a\n- b\n", "f.yaml:1:1: the top level is a list, not a mapping (write `key: value` lines)"),
        (b"just text\n", "f.yaml:1:1: the top level is a single value, not a mapping (write `key: value` lines)"),
        (b"name: caf\xe9\n", "f.yaml:1:10: is not UTF-8 text (byte 0xe9; save the file as UTF-8)"),
        (b"a: 1\nb: 2\na: 3\n", "f.yaml:3:1: a: duplicate key (already set on line 1; keep one)"),
        (b"rest_seconds: 1:30\n", "f.yaml:1:15: rest_seconds: '1:30' is read by YAML as 90 (base 60); write seconds as one number, such as 90, or put text in quotes"),
        (b"reps: 010\n", "f.yaml:1:7: reps: '010' is read by YAML as 8 (octal); write the number without a leading 0, or put text in quotes"),
        (b"note: Do set #2 now\n", "f.yaml:1:7: note: the text stops before '#2 now' because ' #' starts a comment in YAML (put the whole text in quotes)"),
        (b"a: &x [1]\nb: *x\n", "f.yaml:1:4: a: anchors and aliases (& and *) are not allowed (write the value out in full)"),
        (b"a: &x [1]\nb: 2\n", "f.yaml:1:4: a: anchors and aliases (& and *) are not allowed (write the value out in full)"),
        (b"a: 0x1F\n", "f.yaml:1:4: a: '0x1F' is read by YAML as 31 (hexadecimal); write the number in ordinary digits, or put text in quotes"),
        (b"a: -0b1010\n", "f.yaml:1:4: a: '-0b1010' is read by YAML as -10 (binary); write the number in ordinary digits, or put text in quotes"),
        (b"a: 1_2\n", "f.yaml:1:4: a: '1_2' is read by YAML as 12 (YAML drops the _); write the number without _, or put text in quotes"),
        (b"a: 1_000.5\n", "f.yaml:1:4: a: '1_000.5' is read by YAML as 1000.5 (YAML drops the _); write the number without _, or put text in quotes"),
        (b"a: !!python/object/apply:os.system [ls]\n", "f.yaml:1:4: a: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (remove it)"),
        (b"date: 2026-02-30\n", "f.yaml:1:7: date: cannot read '2026-02-30' as a date (check the value, or put text in quotes)"),
        (b"a: !!int abc\n", "f.yaml:1:4: a: cannot read 'abc' as a whole number (check the value, or put text in quotes)"),
        (b"a:\n\t- b\n", "f.yaml:2:1: is not valid YAML: found character that cannot start any token (use spaces, not tabs, to indent)"),
        (b"a: [1, 2\n", "f.yaml:2:1: is not valid YAML: did not find expected ',' or ']' (check the indentation and quotes here)"),
        (b"a: " + b"[" * 3000, "f.yaml:1:44: a" + "[0]" * 40 + ": is nested too deeply to be a handout file"),
    ],
)
def test_broken_file_gives_exact_one_line_error(source: bytes, expected: str) -> None:
    assert error_of(source) == expected


def test_a_bom_is_accepted_and_positions_are_kept() -> None:
    document = parse_yaml("\ufeffname: Clam\nsteps:\n  - one\n  - two\n".encode(), "f.yaml")
    assert document.data == {"name": "Clam", "steps": ["one", "two"]}
    assert document.where(("steps", 1)) == (4, 5)
    assert document.where(("steps", 9, "deeper")) == (3, 3)  # falls back to the nearest parent (the list)


def test_plain_scalars_that_are_not_text_remember_what_was_written() -> None:
    document = parse_yaml(b"side: no\nversion: 3.10\nwhen: 2026-01-02\nquoted: 'no'\n", "f.yaml")
    assert document.data["side"] is False
    assert document.plain_text == {("side",): "no", ("version",): "3.10", ("when",): "2026-01-02"}


def test_several_problems_in_one_file_are_all_reported() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(b"a: 1\na: 2\nb: 1:30\n", "f.yaml")
    assert caught.value.lines() == [
        "f.yaml:2:1: a: duplicate key (already set on line 1; keep one)",
        "f.yaml:3:4: b: '1:30' is read by YAML as 90 (base 60); write seconds as one number, such as 90, or put text in quotes",
    ]


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(InvalidInput, match=r"nope.yaml: file not found$"):
        read_yaml(tmp_path / "nope.yaml")
    with pytest.raises(InvalidInput, match=r": is a folder, not a YAML file$"):
        read_yaml(tmp_path)


def test_one_cause_is_one_line_at_its_first_place() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(b"a: 1\n" + b"a: 2\n" * 5 + b"b: &x 1\nc: *x\nd: *x\n", "f.yaml")
    assert caught.value.lines() == [
        "f.yaml:2:1: a: duplicate key (already set on line 1; keep one); 5 times in this file, the first shown",
        "f.yaml:7:4: b: anchors and aliases (& and *) are not allowed (write the value out in full)",
    ]
