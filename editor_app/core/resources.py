"""Find shipped resources (profiles, translations, icons, styles) the same way everywhere.

Three layouts exist: a PyInstaller build (``resources/`` under the bundle's root,
``sys._MEIPASS``), an installed wheel (resources/ copied into the package as
``editor_app/_resources`` by setup.py) and a source checkout or editable install (``resources/``
beside the package). Code asks for a name and never cares which one it runs from.

The checkout's folder is recognised by its national profile, not just by a ``profiles/`` folder:
an installed package's parent is site-packages, where some other distribution could have left a
``resources/`` folder of its own.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

MARKER = Path("profiles") / "national.toml"


def candidate_roots() -> list[Path]:
    """Where resources may be, in the order they are tried (frozen, wheel, checkout)."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent.parent
    candidates += [package_dir / "_resources", package_dir.parent / "resources"]
    return candidates


@cache
def resources_root() -> Path:
    """The folder holding profiles/, translations/, icons/ and styles/."""
    candidates = candidate_roots()
    for candidate in candidates:
        if (candidate / MARKER).is_file():
            return candidate
    raise FileNotFoundError(
        "resources not found; looked in: " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("profiles", "national.toml")``."""
    return resources_root().joinpath(*parts)
