"""The embedded fonts are found without asking fontpkg to scan every installed package."""

from __future__ import annotations

import subprocess
import sys

import fontpkg
import pytest

from handouts.page.fonts import _face


@pytest.mark.parametrize("weight", [400, 700])
def test_the_manifest_names_the_same_face_fontpkg_finds(weight: int) -> None:
    assert _face("fontpkg_atkinson_hyperlegible", weight) == str(fontpkg.path("Atkinson Hyperlegible", weight=weight))


def test_a_missing_weight_is_a_clear_lookup_error() -> None:
    with pytest.raises(LookupError, match="no upright face of weight 900"):
        _face("fontpkg_atkinson_hyperlegible", 900)


def test_registering_the_body_fonts_does_not_import_fontpkg() -> None:
    code = "import sys; from handouts.page.fonts import fonts; fonts(); print('fontpkg' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
