"""Secrets only in the OS keyring; without a usable keyring, kept for the session only.

The OS keyring (Secret Service, Keychain, Credential Manager) cannot run in CI, so the persistent
case uses a small in-memory backend configured here: only the OS keyring is stood in for.
"""

from __future__ import annotations

import logging

import pytest
from keyring.backends import fail
from portal_fixtures import MemoryKeyring

from editor_app.sync.credentials import CredentialStore, keyring_usable

PORTAL = "https://congthongtin.example.gov.vn/"


def test_token_goes_to_the_keyring_and_outlives_the_session() -> None:
    backend = MemoryKeyring()
    assert CredentialStore(backend).set(PORTAL, "ctv.vanphong", "tok-123") is True
    assert backend.saved == {("editor-app:https://congthongtin.example.gov.vn",
                              "ctv.vanphong/token"): "tok-123"}
    later = CredentialStore(backend)  # a new session of the app
    assert later.persistent
    assert later.get(PORTAL, "ctv.vanphong") == "tok-123"
    later.delete(PORTAL, "ctv.vanphong")
    assert later.get(PORTAL, "ctv.vanphong") is None
    later.delete(PORTAL, "ctv.vanphong")  # deleting twice is fine


def test_without_a_usable_keyring_the_secret_lives_for_this_session_only(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="editor_app.sync.credentials"):
        store = CredentialStore(fail.Keyring())
    assert not store.persistent
    assert "session only" in caplog.text
    assert store.set(PORTAL, "ctv", "secret-pw", kind="password") is False
    assert store.get(PORTAL, "ctv", kind="password") == "secret-pw"
    assert "secret-pw" not in caplog.text
    assert CredentialStore(fail.Keyring()).get(PORTAL, "ctv", kind="password") is None


def test_usable_backends_are_told_from_placeholders() -> None:
    assert keyring_usable(MemoryKeyring()) is True
    assert keyring_usable(fail.Keyring()) is False
