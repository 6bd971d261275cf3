"""docs/openapi.json is the service's real schema, and the service keeps to it (schemathesis)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from queue_support import PASSWORD, make_settings, seed_accounts
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from review_queue.openapi import openapi_text
from review_queue.testing import serve_in_thread

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
schema = schemathesis.openapi.from_path(DOCUMENT)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_committed_document_is_current() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == openapi_text(), (
        "docs/openapi.json is stale: run `review-queue openapi --output docs/openapi.json`")


# Three roles x 12 examples per operation: about 30 s here (was one role x 5, 8 s).
ROLES = ("collab", "secretary", "admin")
EXAMPLES = 12


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """One live service for all generated cases, with a token per role tried below."""
    service_settings = make_settings(tmp_path_factory.mktemp("schemathesis"))
    seed_accounts(service_settings)
    with serve_in_thread(service_settings) as url:
        tokens = {}
        for user in ROLES:
            reply = requests.post(f"{url}/api/v1/auth/login", timeout=30,
                                  json={"username": user, "password": PASSWORD})
            assert reply.status_code == 200, reply.text
            tokens[user] = reply.json()["token"]
        yield url, tokens


@pytest.mark.parametrize("role", ROLES)
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_service_keeps_to_its_schema(case: schemathesis.Case, role: str,
                                     service: tuple[str, dict[str, str]]) -> None:
    """Every operation as a collaborator (own unit only), a secretary (every item) and an
    administrator (accounts, no items): each role's answers keep to the document."""
    url, tokens = service
    case.call_and_validate(base_url=url, headers={"Authorization": f"Bearer {tokens[role]}"},
                           checks=CHECKS, timeout=30)
