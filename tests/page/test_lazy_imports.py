"""A build imports only what it uses (page.rlimports, handout.dates): structural checks,
never timings. Each reliance on ReportLab's internals has a test here that fails when an
upgrade changes what it relies on."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import handouts  # noqa: F401  (installs the lazy imports, as the tool does)
from handouts.page import rlimports

ROOT = Path(__file__).resolve().parents[2]
SIX = ("clamshell", "pelvic-drop", "clamshell-band", "lateral-band-walk", "side-lying-hip-abduction", "wall-side-bend")

# what a warm build of bundled exercises with pictograms must not import
NOT_IMPORTED = (
    "PIL._imaging",  # Pillow itself: only for photos and logos
    "babel.dates", "babel.localedata",  # dates come from the cache's names
    "yaml",  # every file it reads comes from the cache
    "reportlab.graphics.barcode",  # QR codes: only for a video
    "textstat",  # reading levels come from the cache
    "fontpkg",  # the body font's files are found without it; it finds Noto, for letters Atkinson lacks
    "click.shell_completion",  # only when the shell asks to complete
    "fontTools",  # the body font with a plain zero comes from the cache
)

# what a warm build imports by name but never uses: never run (rlimports.LAZY_MODULES, LAZY_NAMES)
NEVER_RUN = ("tempfile", "pickle", "logging", "reportlab.lib.rl_safe_eval")

PROBE = """
import atexit, json, runpy, sys
LAZY = %r
where = sys.argv[1]
def report():
    import reportlab.platypus.paragraph as paragraph, reportlab.lib.textsplit as textsplit
    with open(where, "w") as out:
        json.dump({"modules": sorted(sys.modules), "uri_pat": type(paragraph.uri_pat).__name__,
                   "rx": type(textsplit.rx).__name__, "pil": type(sys.modules.get("PIL.Image")).__name__,
                   "pyphen": type(sys.modules.get("pyphen")).__name__,
                   "lazy": {name: type(sys.modules.get(name)).__name__ for name in LAZY}}, out)
atexit.register(report)
sys.argv = ["handouts"] + sys.argv[2:]
runpy.run_module("handouts", run_name="__main__")
""" % (NEVER_RUN,)


def build_and_report(tmp_path: Path, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDOUTS_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", PROBE, str(tmp_path / "report.json"), "build", *args, "--date", "2026-11-21",
               "-o", str(tmp_path / "out.pdf")]
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)  # fills the cache
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads((tmp_path / "report.json").read_text())


def test_a_warm_build_imports_none_of_what_it_does_not_use(tmp_path: Path) -> None:
    report = build_and_report(tmp_path, *[a for i in SIX for a in ("-e", i)])
    imported = set(report["modules"])
    assert [name for name in NOT_IMPORTED if name in imported] == []
    assert (report["uri_pat"], report["rx"]) == ("DeferredPattern", "DeferredPattern")  # never compiled
    # never run: LazyLoader gives a module the ordinary class when it runs it
    assert (report["pil"], report["pyphen"]) == ("_LazyModule", "_LazyModule")  # English is not hyphenated
    assert report["lazy"] == {name: "_LazyModule" for name in NEVER_RUN}
    # and what these would have brought with them
    assert [name for name in ("shutil", "random", "bz2", "lzma", "_pickle", "traceback") if name in imported] == []
    # its records are msgspec Structs (made in C), not dataclasses (methods compiled at import)
    assert "dataclasses" not in imported


# The modules of the Structs a warm build decodes: msgspec compiles every annotation it finds
# written as a string (what `from __future__ import annotations` makes), once per process.
DECODED = ("handouts.reading.models", "handouts.reading.reference_model", "handouts.reading.template_model",
           "handouts.reading.cache", "handouts.page.drawn", "handouts.handout.dates", "handouts.handout.readability",
           "handouts.page.plain_zero")


@pytest.mark.parametrize("module", DECODED)
def test_the_structs_a_build_decodes_have_no_annotations_written_as_text(module: str) -> None:
    import importlib

    import msgspec

    found = importlib.import_module(module)
    structs = [v for v in vars(found).values() if isinstance(v, type) and issubclass(v, msgspec.Struct) and v.__module__ == module]
    assert structs, module
    assert {s.__name__: [n for n, a in s.__annotations__.items() if isinstance(a, str)] for s in structs} == {s.__name__: [] for s in structs}


def test_a_note_of_several_lines_loads_no_fallback_font(tmp_path: Path) -> None:
    """middle-stage's note is two lines: a line break is no letter the body font lacks."""
    assert "fontpkg" not in build_and_report(tmp_path, "middle-stage")["modules"]


def test_a_spanish_handout_loads_the_hyphenation_dictionary(tmp_path: Path) -> None:
    report = build_and_report(tmp_path, "early-stage", "--language", "es")
    assert report["pyphen"] == "module"


def source_literal(module: str, name: str) -> tuple[str, int]:
    """The pattern and flags that `module` compiles into `name` at import, read from its source."""
    path = Path(__import__(module, fromlist=["_"]).__file__)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [name]:
            call = node.value
            flags = 0
            for arg in call.args[1:]:
                flags |= int(getattr(__import__("re"), arg.attr))
            return ast.literal_eval(call.args[0]), flags
    raise AssertionError(f"{module} no longer compiles {name} at import")


@pytest.mark.parametrize("module, name", [("reportlab.platypus.paragraph", "uri_pat"), ("reportlab.lib.textsplit", "rx")])
def test_reportlabs_patterns_are_still_the_ones_deferred(module: str, name: str) -> None:
    """The reliance: ReportLab compiles these exact patterns at import, under these names."""
    assert source_literal(module, name) in rlimports.DEFERRED[module]
    assert isinstance(getattr(sys.modules[module], name), rlimports.DeferredPattern)


def test_a_deferred_pattern_matches_as_the_compiled_one() -> None:
    import re

    from reportlab.platypus.paragraph import _uri_split_pairs

    deferred = rlimports.DeferredPattern(rlimports.URI_PATTERN, re.I)
    real = re.compile(rlimports.URI_PATTERN, re.I)
    for text in ("https://example.com/a/b", "HTTP://Example.COM", "ftp://10.0.0.1:21/x", "not an address", "www.example.org/x"):
        assert bool(deferred.match(text)) == bool(real.match(text))
        assert (deferred.match(text) or real.match(text) or None) is None or deferred.match(text).groups() == real.match(text).groups()
    assert _uri_split_pairs("https://example.com/a/b") == [("https://example.com/a/", "b"), ("https://example.com/", "a/b"),
                                                             ("https://", "example.com/a/b")]
    cjk = rlimports.DeferredPattern(rlimports.CJK_PATTERN, re.UNICODE)
    assert cjk.sub(r"\1\0 ", "ab漢字") == re.compile(rlimports.CJK_PATTERN).sub(r"\1\0 ", "ab漢字")


def test_pillow_loads_when_a_picture_needs_it(tmp_path: Path) -> None:
    probe = ("import handouts, sys; from reportlab.lib import utils; from PIL import Image;"
             "assert 'PIL._imaging' not in sys.modules; im = Image.new('RGB', (4, 4));"
             "assert 'PIL._imaging' in sys.modules and utils._isPILImage(im); print('ok')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.strip() == "ok"


def test_reportlab_imports_by_name_only_the_names_that_stand_in() -> None:
    """The reliance: ReportLab takes from rl_safe_eval and logging, at import, only the names
    of rlimports.LAZY_NAMES (`from M import ...` in reportlab.lib.utils, `logging.getLogger`
    in the page layout), and the modules define them."""
    import importlib.util

    wanted: dict[str, set[str]] = {}
    root = Path(importlib.util.find_spec("reportlab").origin).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in tree.body:  # the module's own top level: what runs at import
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1] in ("rl_safe_eval", "logging"):
                name = "logging" if node.module == "logging" else "reportlab.lib.rl_safe_eval"
                wanted.setdefault(name, set()).update(alias.name for alias in node.names)
            for call in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else ():
                if isinstance(call, ast.Attribute) and isinstance(call.value, ast.Name) and call.value.id == "logging":
                    wanted.setdefault("logging", set()).add(call.attr)
    assert wanted["reportlab.lib.rl_safe_eval"] <= set(rlimports.LAZY_NAMES["reportlab.lib.rl_safe_eval"])
    assert wanted.get("logging", set()) <= set(rlimports.LAZY_NAMES["logging"])
    source = (root / "lib" / "rl_safe_eval.py").read_text(encoding="utf-8")
    for name in rlimports.LAZY_NAMES["reportlab.lib.rl_safe_eval"]:
        assert f"def {name}(" in source or f"\n{name} = " in source


STAND_INS = """
import sys, handouts
from reportlab.lib import utils, colors
from reportlab.platypus import frames, doctemplate
import tempfile, pickle
lazy = lambda name: type(sys.modules[name]).__name__
assert [lazy(n) for n in ("reportlab.lib.rl_safe_eval", "logging", "tempfile", "pickle")] == ["_LazyModule"] * 4
assert utils.rl_safe_eval("[1, 2][1] + 3", g={}, l={}) == 5  # a stand-in: loads the module and calls the real one
assert lazy("reportlab.lib.rl_safe_eval") == "module"
assert utils.rl_extended_literal_eval("(1, 2.5)") == (1, 2.5) and colors.toColor("(0.5, 0.25, 0)") == colors.Color(0.5, 0.25, 0)
assert frames.logger.name == "reportlab.platypus" and doctemplate.logger.isEnabledFor(10) is False  # loads logging
import logging
assert lazy("logging") == "module" and logging.getLogger("reportlab.platypus") is logging.getLogger("reportlab.platypus")
fd, name = tempfile.mkstemp(prefix=".", suffix=".part")
import os; os.close(fd); os.unlink(name)
assert pickle.loads(pickle.dumps({"a": 1})) == {"a": 1}
print("ok")
"""


def test_what_stands_in_for_a_module_works_as_the_module_when_used() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", STAND_INS], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr
