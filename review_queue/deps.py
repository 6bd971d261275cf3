"""Request-scoped dependencies: the session of this request, the caller, the shared services.

Everything a request needs comes from ``app.state.services`` (built once by ``create_app``) or
the database; no request leaves anything behind in the process, so instances are interchangeable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from review_queue import security
from review_queue.errors import unauthorized
from review_queue.filestore import FileStore
from review_queue.models import User
from review_queue.settings import Settings


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    store: FileStore


def services(request: Request) -> Services:
    result: Services = request.app.state.services
    return result


def db_session(request: Request) -> Iterator[Session]:
    """One session per request; handlers commit their work, anything uncommitted is rolled back."""
    session = services(request).sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def current_user(request: Request, db: Annotated[Session, Depends(db_session)]) -> User:
    token = bearer_token(request)
    user = security.user_for_token(db, token) if token else None
    if user is None:
        raise unauthorized()
    request.state.username = user.username  # for the access log
    return user


DB = Annotated[Session, Depends(db_session)]
CurrentUser = Annotated[User, Depends(current_user)]
Svc = Annotated[Services, Depends(services)]
