"""Fixtures for these tests live in metadata_support.py, importable by its unique name
(``from conftest import`` would pick whichever conftest pytest loaded last)."""

from metadata_support import legal, qa

__all__ = ["legal", "qa"]
