"""ReportLab's settings, fixed by the tool itself.

ReportLab reads its settings from a `reportlab_settings.py` anywhere on `sys.path`
(the working folder, under `python -m`), from `~/.reportlab_settings` and from `RL_*`
environment variables. Any of them could change the output, or switch colour parsing
back to the evaluator behind CVE-2023-33733. `guard()` keeps those files from being
read at all and drops the variables; `apply()` puts back ReportLab's shipped defaults and then our own.
"""

from __future__ import annotations

import os
import sys
import types

_OURS = {
    "invariant": 1,  # no timestamps or random ids: same inputs, same bytes
    "toColorCanUse": "rl_extended_literal_eval",  # literal colours only, never eval
    "trustedHosts": None,
    "trustedSchemes": [],  # no file:, data: or http(s): fetching from markup
    "hyphenationLang": "",  # the styles say which languages break long words (styles.HYPHENATED)
    "embeddedHyphenation": 0,
    "pageCompression": 1,
    "warnOnMissingFontGlyphs": 0,
    "allowTableBoundsErrors": 1,
    "shapeChecking": 1,
    "canvas_basefontname": "Body",  # registered by fonts.fonts() before any canvas exists
}


def guard() -> None:
    """Stop ReportLab from reading settings files or RL_* variables.

    Must run before ReportLab is first imported: several of its modules copy settings
    into their own names at import time, where `apply()` cannot reach them.
    """
    for name in ("reportlab_settings", "reportlab.local_rl_settings"):
        sys.modules.setdefault(name, types.ModuleType(name))
    for name in [name for name in os.environ if name.startswith("RL_")]:
        del os.environ[name]


def apply() -> None:
    """Reset every ReportLab setting to its shipped default, then to what we rely on."""
    from reportlab import rl_config

    # rl_config's own start-up sets each setting from its shipped default, converted as
    # ReportLab expects (the *Glob settings become lists, a page size a tuple), so that a
    # module first imported after this still gets settings it can use. guard() has
    # already removed the RL_* variables and settings files it would otherwise read.
    rl_config._startUp()
    for name, value in _OURS.items():
        setattr(rl_config, name, value)
