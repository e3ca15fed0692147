"""Where the bundled pose files are, by name."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import NotFound
from ...reading.resources import bundled


def bundled_pose_path(name: str) -> Path:
    """The bundled pose file `images/poses/<name>.yaml`; NotFound for a name that cannot be one."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name or "") or len(name) > 60:
        raise NotFound(f"{name!r} is not a pose name (pose names are lower-case words joined by dashes, like 'clamshell')")
    return bundled("images") / "poses" / f"{name}.yaml"


def bundled_pose_names() -> list[str]:
    return sorted(p.stem for p in (bundled("images") / "poses").glob("*.yaml"))


def base_candidates(pose_file: Path, name: str) -> list[Path]:
    """Where a pose file's base pose `name` is looked for, in order: a base/ folder beside it, then the bundled one."""
    return [pose_file.parent / "base" / f"{name}.yaml", bundled("images") / "poses" / "base" / f"{name}.yaml"]
