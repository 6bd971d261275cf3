"""Fixtures for these tests live in queue_support.py, importable by its unique name
(``from conftest import`` would pick whichever conftest pytest loaded last)."""

from queue_support import api, client, live, live_api, settings

__all__ = ["api", "client", "live", "live_api", "settings"]
