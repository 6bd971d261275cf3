"""Fixtures for these tests live in review_support.py, importable by its unique name
(``from conftest import`` would pick whichever conftest pytest loaded last)."""

from review_support import board_url, clients, submit

__all__ = ["board_url", "clients", "submit"]
