"""Wheel builds copy resources/ into the package as ``editor_app/_resources``.

Everything else about the package is declared in pyproject.toml; this file only adds that step,
because setuptools cannot map a folder outside the package tree into it as plain data (the
``package-dir`` mapping tried before was never picked up by ``packages.find``, so an installed
wheel had no profiles, catalogs or icons). Translations are compiled to .qm when an lrelease is
at hand (installer/catalogs.py says where it looks), else shipped as .ts for the app to compile.
Editable installs skip the step: they read resources/ from the checkout.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _catalogs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_editor_app_catalogs",
                                                  ROOT / "installer" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithResources(build_py):
    """build_py, then resources/ staged into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        catalogs = _catalogs()
        target = Path(self.build_lib) / "editor_app" / "_resources"
        shipped = catalogs.stage_resources(ROOT / "resources", target, catalogs.find_lrelease())
        print(f"editor_app/_resources: catalogs {', '.join(shipped)}")


setup(cmdclass={"build_py": BuildPyWithResources})
