from __future__ import annotations

from pathlib import Path

import pytest

EXERCISE = """\
id: {id}
name: {name}
purpose: Makes the muscle on the side of your hip stronger.
region: hip
muscles: [gluteus medius]
position: side-lying
equipment: [mat]
level: beginner
tags: [early stage]
steps:
  - Lie on your side with your knees bent.
  - Lift your top knee. Keep your feet together.
  - Lower the knee slowly.
dosage:
  sets: 3
  reps: 12
  hold_seconds: 2
  rest_seconds: 60
  times_per_day: 1
  days_per_week: 5
  side: each
  load: no weight
feel_it: In the side of your top hip.
mistakes:
  - Rolling your hips back.
  - Lifting your feet apart.
stop_if: Stop and call us if you feel sharp pain.
citations:
  - id: burnet2009
    note: Side-lying strength did not predict pelvic drop in running.
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-references", action="store_true", help="rewrite the reference renders in tests/page/references")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-references"))


@pytest.fixture
def write(tmp_path: Path):
    """write('name.yaml', text) -> path, with the text dedented."""

    from .helpers import write_file

    return lambda name, text: write_file(tmp_path, name, text)


@pytest.fixture
def exercise_text():
    def _text(id: str = "test-clam", name: str = "Test clam") -> str:
        return EXERCISE.format(id=id, name=name)

    return _text


@pytest.fixture
def library_dir(tmp_path: Path, exercise_text) -> Path:
    """A clinic library folder with two valid exercises."""
    folder = tmp_path / "clinic-library"
    folder.mkdir()
    (folder / "test-clam.yaml").write_text(exercise_text(), encoding="utf-8")
    (folder / "test-lift.yaml").write_text(exercise_text("test-lift", "Test lift"), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every test, and every tool process a test starts, uses a cache folder of its own."""
    import os

    os.environ["HANDOUTS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
