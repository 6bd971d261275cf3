"""Account and unit administration shared by the CLI, the demo setup and tests."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.wire import Role
from review_queue.models import Token, Unit, User
from review_queue.security import forget_failures, hash_password

MIN_PASSWORD = 8


class AccountError(ValueError):
    """A refused account change; the message says why (shown by the CLI as is)."""


def ensure_unit(db: Session, code: str, name: str = "") -> Unit:
    unit = db.get(Unit, code)
    if unit is None:
        unit = Unit(code=code, name=name or code)
        db.add(unit)
    elif name:
        unit.name = name
    return unit


def add_user(db: Session, username: str, password: str, role: str, unit: str,
             categories: Sequence[str] = ()) -> User:
    if role not in {r.value for r in Role}:
        raise AccountError(f"unknown role {role!r}; choose from {', '.join(r.value for r in Role)}")
    if not username.strip() or len(username) > 100:
        raise AccountError("user names are 1-100 characters")
    if db.scalar(select(User).where(User.username == username)) is not None:
        raise AccountError(f"user {username!r} exists")
    _check_password(password)
    ensure_unit(db, unit)
    user = User(username=username, password_hash=hash_password(password), role=role, unit=unit,
                categories=[c.strip() for c in categories if c.strip()])
    db.add(user)
    return user


def get_user(db: Session, username: str) -> User:
    user = db.scalar(select(User).where(User.username == username))
    if user is None:
        raise AccountError(f"no user {username!r}")
    return user


def disable_user(db: Session, username: str) -> None:
    """Disable the account and end its sessions at once."""
    user = get_user(db, username)
    user.disabled = True
    for token in db.scalars(select(Token).where(Token.user_id == user.id)):
        token.revoked = True


def set_password(db: Session, username: str, password: str) -> None:
    _check_password(password)
    user = get_user(db, username)
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    forget_failures(db, username)  # a new password also unlocks the name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"passwords need at least {MIN_PASSWORD} characters")
