"""What reading a library makes is left where no young collection scans it (library.settled)."""

from __future__ import annotations

import gc

from handouts.commands.listing import Filters, find, in_language
from handouts.reading.library import load_library


def _young() -> int:
    return len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))


def test_a_library_read_is_in_the_oldest_generation_and_the_collector_on_again(library_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):  # the first run fills the cache, the second reads from it
        gc.collect()
        library = load_library([library_dir])
        assert gc.isenabled()
        # the first collection after reading would otherwise scan all of it (tens of
        # thousands of objects here, 400,000 for 1,000 entries)
        assert _young() < 200
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        entry = library.exercises["test-lift"]
        assert {id(entry), id(entry.document.data), id(library.exercises)} <= oldest
        assert gc.get_freeze_count() == 0  # none of it kept from the collector for good


def test_the_copies_a_listing_prints_are_in_the_oldest_generation(library_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "cache"))
    library = load_library([library_dir])
    found = in_language(find(library, Filters()))
    assert gc.isenabled() and _young() < 200 and gc.get_freeze_count() == 0
    assert id(found[0]) in {id(o) for o in gc.get_objects(generation=2)} or not gc.is_tracked(found[0])
