"""The OpenAPI document as committed in docs/openapi.json (a test fails when it is stale)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from review_queue.app import create_app
from review_queue.settings import Settings


def openapi_text() -> str:
    """The document of a throwaway instance (the schema does not depend on data)."""
    with tempfile.TemporaryDirectory(prefix="rq-openapi-") as folder:
        app = create_app(Settings(data_dir=Path(folder)))
        document = app.openapi()
        app.state.services.engine.dispose()
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
