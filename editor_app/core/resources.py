"""Find shipped resources (profiles, translations, icons) the same way everywhere.

Three layouts exist: a source checkout (``resources/`` beside the package), an installed wheel
(the same folder packaged as ``editor_app/_resources``) and a PyInstaller build (``resources/``
under the bundle's root). Code asks for a name and never cares which one it runs from.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    """The folder holding profiles/, translations/, icons/ and styles/."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent.parent
    candidates += [package_dir.parent / "resources", package_dir / "_resources"]
    for candidate in candidates:
        if (candidate / "profiles").is_dir():
            return candidate
    raise FileNotFoundError(
        "resources not found; looked in: " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("profiles", "national.toml")``."""
    return resources_root().joinpath(*parts)
