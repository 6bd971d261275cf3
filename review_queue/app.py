"""``create_app(settings)``: the FastAPI application of one service instance.

Creating the app upgrades the database schema and opens the file store; everything else is
per request. Run it with ``review-queue serve`` (uvicorn) or any ASGI server.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from editor_app.core import wire
from review_queue import __version__
from review_queue.api import auth, notifications, reports, submissions, uploads, workflow
from review_queue.db import make_engine, session_factory, upgrade
from review_queue.deps import Services
from review_queue.errors import install_handlers
from review_queue.filestore import FileStore, LocalFileStore
from review_queue.middleware import LimitsAndAccessLog
from review_queue.settings import Settings, settings_for

DESCRIPTION = (
    "The portal-side review queue: collaborators' submissions in, the editorial board's "
    "workflow (claim, forward, approve, publish, return, reject, resubmit) on top. "
    "See docs/protocol.md."
)


def create_app(settings: Settings | None = None, store: FileStore | None = None) -> FastAPI:
    settings = settings or settings_for()
    engine = make_engine(settings)
    upgrade(engine)
    app = FastAPI(
        title="Review queue", version=__version__, description=DESCRIPTION,
        openapi_url=f"{wire.API_PREFIX}/openapi.json", docs_url=f"{wire.API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.services = Services(
        settings=settings, engine=engine, sessions=session_factory(engine),
        store=store or LocalFileStore(settings.files_root),
    )
    install_handlers(app)
    for module in (auth, submissions, workflow, uploads, reports, notifications):
        app.include_router(module.router)
    app.add_middleware(LimitsAndAccessLog, max_body=settings.max_json_bytes)
    app.openapi = lambda: _documented(app)  # type: ignore[method-assign]
    return app


def _documented(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema plus what every request with a body may get: 400 unreadable, 413 too big."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        error = {"$ref": "#/components/schemas/ErrorBody"}
        for path in schema["paths"].values():
            for operation in path.values():
                if "requestBody" not in operation:
                    continue
                for status, text in (("400", "unreadable body"), ("413", "request too large")):
                    operation["responses"].setdefault(status, {
                        "description": text,
                        "content": {"application/json": {"schema": error}}})
        app.openapi_schema = schema
    return app.openapi_schema
