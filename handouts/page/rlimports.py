"""ReportLab's imports, made to cost only what a build uses.

Importing ReportLab's page layout (platypus) costs a whole process more than it needs:
- `reportlab.platypus.paragraph` compiles, at import, a regular expression for web
  addresses (`uri_pat`, used only to break a long address across lines when a style
  asks for it, which ours never do) whose Unicode ranges and IGNORECASE take about 20 ms
  to compile: half of ReportLab's whole import. `reportlab.lib.textsplit` does the same,
  on a smaller scale (3 ms), for `rx`, used only by its CJK line wrapper.
- `reportlab.lib.utils` imports Pillow's `Image` (5 ms with its plug-ins' registry) for
  the rare handout with a photo or a logo, and `reportlab.platypus.paragraph` imports
  pyphen (2 ms), whose dictionaries only a Spanish handout uses (styles.HYPHENATED).

`lighten()`, run once before ReportLab is first imported (handouts/__init__.py), makes
them all lazy without changing a line of ReportLab: the two patterns are handed over
uncompiled and compile on first use, and `PIL.Image` and `pyphen` are modules that
load when a name in them is first used (ReportLab only tests `pyphen` for truth before
using it, which uses none). Everything behaves as before, only later. This relies on
ReportLab's internals: the patterns' exact text (a changed pattern is simply compiled
at import, as before) and that nothing uses them, Pillow or pyphen at import;
tests/page/test_lazy_imports.py fails when an upgrade changes that.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import sys
import types
from typing import Any

# ReportLab's patterns, as its source spells them (reportlab 4.2 to 5.x), by module.
URI_PATTERN = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}"
    "|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}"
    "(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)
CJK_PATTERN = "([\u2e80-\uffff])"
# (the flags as plain numbers: a RegexFlag hashes by its name, so a set of them would not find 2)
DEFERRED = {
    "reportlab.platypus.paragraph": {(URI_PATTERN, int(re.I))},
    "reportlab.lib.textsplit": {(CJK_PATTERN, int(re.UNICODE))},
}


LAZY_MODULES = ("PIL.Image", "pyphen", "tempfile", "pickle")

# Modules ReportLab imports names from, `from M import a, b`, which looks the names up at
# once: each stands in for its real self (a function that loads the module when first
# called, as ReportLab calls them), and the module's body replaces them when it runs.
LAZY_NAMES = {
    "reportlab.lib.rl_safe_eval": ("rl_safe_exec", "rl_safe_eval", "safer_globals", "rl_extended_literal_eval"),
    "logging": ("getLogger",),  # a logger of its own kind: see _Logger
}


class DeferredPattern:
    """A compiled pattern that compiles when first used: `match`, `sub` and the rest."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, pattern: str, flags: int):
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = _compile(*self._source)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for what the slots lack: the Pattern's own methods
        return getattr(self.compiled, name)


_compile = re.compile


def _deferring(patterns: set[tuple[str, int]]):
    def compile_(pattern, flags=0):
        if isinstance(pattern, str) and (pattern, int(flags)) in patterns:
            return DeferredPattern(pattern, int(flags))
        return _compile(pattern, flags)

    return compile_


class _Deferring:  # a loader (importlib.abc.Loader's two methods: importing importlib.abc costs 6 ms)
    """Runs a module with the patterns it compiles at import, named in DEFERRED, left to compile on first use."""

    def __init__(self, loader, patterns: set[tuple[str, int]]):
        self.loader, self.patterns = loader, patterns

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        # only while this module's body runs; it may import another of DEFERRED, which puts
        # back this one's on its way out
        outer = re.compile
        re.compile = _deferring(self.patterns)
        try:
            self.loader.exec_module(module)
        finally:
            re.compile = outer


class _Standing:  # a loader
    """Makes a module of LAZY_NAMES: its names stand-ins, its body run when one is first used."""

    def __init__(self, loader, names: tuple[str, ...]):
        self.loader, self.names = loader, names

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        module.__spec__.loader = self.loader  # what _LazyModule runs the body with
        for name in self.names:
            setattr(module, name, _Logger.named if name == "getLogger" else _stand_in(module, name))
        module.__class__ = _LazyModule


def _stand_in(module: types.ModuleType, name: str):
    def stand_in(*args, **kwargs):
        return getattr(_loaded(module), name)(*args, **kwargs)

    stand_in.__name__ = name
    return stand_in


def _loaded(module: types.ModuleType) -> types.ModuleType:
    """`module` with its body run (once), whatever names it already has."""
    if isinstance(module, _LazyModule):
        module.__class__ = types.ModuleType
        module.__spec__.loader.exec_module(module)
    return module


class _Logger:
    """What `logging.getLogger(name)` gives before `logging` has loaded: the real logger of
    that name, got when one of its attributes is first used. ReportLab's page layout gets
    its logger at import, and uses it only when a document is built with `_debug` set."""

    __slots__ = ("_name",)

    def __init__(self, name: str | None = None):
        self._name = name

    @classmethod
    def named(cls, name: str | None = None) -> Any:
        logging = sys.modules["logging"]
        return cls(name) if isinstance(logging, _LazyModule) else logging.getLogger(name)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(_loaded(sys.modules["logging"]).getLogger(self._name), attribute)


class _Finder:  # a meta path finder (importlib.abc.MetaPathFinder's one method)
    """Finds the modules named in DEFERRED and LAZY_NAMES as Python would, and loads them
    through _Deferring and _Standing."""

    def find_spec(self, fullname, path, target=None):
        if fullname not in DEFERRED and fullname not in LAZY_NAMES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Deferring(spec.loader, DEFERRED[fullname]) if fullname in DEFERRED else _Standing(spec.loader, LAZY_NAMES[fullname])
        return spec


def lighten() -> None:
    """Make ReportLab's costly start-up work lazy; harmless to call again, and nothing
    for a module already imported."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    for name in LAZY_MODULES:
        if name not in sys.modules:
            _lazy_module(name)


def _lazy_module(name: str) -> None:
    """`name` imported now, but run only when one of its names is first looked up."""
    spec = importlib.util.find_spec(name)  # (imports its package: PIL's own __init__ is small)
    if spec is None or spec.loader is None:
        return  # not installed: whoever imports it says so
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyModule
    sys.modules[name] = module
    package, _, child = name.rpartition(".")
    if package:
        setattr(sys.modules[package], child, module)


class _LazyModule(types.ModuleType):
    """A module whose body runs when a name it defines is first looked up.

    Not the standard library's LazyLoader: that one runs the module on any attribute at
    all, and Python 3.11's import statement itself looks at `__spec__` of a module it
    finds in sys.modules, so `import pyphen` would run it at once. Here the module's own
    attributes (`__spec__`, `__name__`...) are ordinary ones, and only a name they lack
    runs the body."""

    def __getattr__(self, name: str) -> Any:
        if name == "__path__" and self.__spec__.submodule_search_locations is None:
            # what `from module import name` asks first, to know a package: a module has none
            raise AttributeError(name)
        return getattr(_loaded(self), name)  # (an ordinary module from then on, whatever happens)
