"""Health, login and logout, who am I, the enforced profile, units and (for admins) users."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from editor_app.core import wire
from review_queue import __version__, security
from review_queue.api.common import errors
from review_queue.db import session_scope
from review_queue.deps import DB, CurrentUser, Services, Svc, bearer_token
from review_queue.errors import forbidden, unauthorized
from review_queue.models import Unit, User
from review_queue.profile import current_profile, profile_json
from review_queue.serialize import user_out

router = APIRouter(prefix=wire.API_PREFIX)


@router.get("/health", response_model=wire.Health, tags=["service"])
def health() -> wire.Health:
    """Liveness for load balancers and the app's "is the portal there" probe (no auth)."""
    return wire.Health(status="ok", version=__version__)


@router.post("/auth/login", response_model=wire.LoginResponse, tags=["auth"],
             responses=errors(401, 422))
async def login(body: wire.LoginRequest, svc: Svc) -> wire.LoginResponse:
    """A bearer token for a user name and password; every refusal is the same 401."""
    # The checking (database, argon2) runs on the thread pool; the refusal's delay is slept on
    # the event loop, so clients being slowed down hold no worker thread.
    answer, delay = await run_in_threadpool(_attempt, svc, body)
    if answer is None:
        await security.pause(delay)
        raise unauthorized()
    return answer


def _attempt(svc: Services, body: wire.LoginRequest) -> tuple[wire.LoginResponse | None, float]:
    """One login in its own transaction, committed whether it succeeds or not."""
    with session_scope(svc.sessions) as db:
        outcome = security.attempt_login(db, body.username, body.password, svc.settings)
        user = outcome.user
        if user is None:
            return None, outcome.delay
        token, expires = security.issue_token(db, user, svc.settings)
        return wire.LoginResponse(token=token, role=wire.Role(user.role), unit=user.unit,
                                  expires_at=expires, username=user.username,
                                  categories=list(user.categories or [])), 0.0


@router.post("/auth/logout", status_code=204, tags=["auth"], responses=errors(401))
def logout(request: Request, db: DB, _user: CurrentUser) -> None:
    token = bearer_token(request)
    if token:
        security.revoke_token(db, token)
        db.commit()


@router.get("/me", response_model=wire.Me, tags=["auth"], responses=errors(401))
def me(user: CurrentUser) -> wire.Me:
    return wire.Me(username=user.username, role=wire.Role(user.role), unit=user.unit,
                   categories=list(user.categories or []))


@router.get("/profile", tags=["service"], responses=errors(401))
def profile(db: DB, svc: Svc, _user: CurrentUser) -> dict[str, Any]:
    """The enforced portal profile, so clients check offline by the same rules."""
    return profile_json(current_profile(db, svc.settings.default_profile))


@router.get("/units", response_model=list[dict[str, str]], tags=["service"],
            responses=errors(401))
def units(db: DB, _user: CurrentUser) -> list[dict[str, str]]:
    return [{"code": u.code, "name": u.name} for u in db.scalars(select(Unit).order_by(Unit.code))]


def admin_user(user: CurrentUser) -> User:
    if user.role != wire.Role.ADMIN:
        raise forbidden("only administrators manage accounts")
    return user


@router.get("/users", response_model=list[wire.UserInfo], tags=["admin"],
            responses=errors(401, 403))
def users(db: DB, _admin: Annotated[User, Depends(admin_user)]) -> list[wire.UserInfo]:
    return [user_out(u) for u in db.scalars(select(User).order_by(User.username))]
