"""Helpers of the packaging tests: load the installer's scripts by path (they are not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INSTALLER = PROJECT_ROOT / "installer"


def load_installer_module(name: str) -> ModuleType:
    """installer/<name>.py as a module, without putting installer/ on sys.path (its build.py
    would shadow the ``build`` distribution)."""
    spec = importlib.util.spec_from_file_location(f"_installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
