"""Passwords, tokens and login throttling.

Passwords are argon2id hashes (argon2-cffi defaults, rehashed when those change). Tokens are 256
random bits handed out once; only their SHA-256 is stored, so a copy of the database logs no one
in. Failed logins slow down (a growing delay) and then lock the account for a while; every refusal
is the same 401, whether the name, the password or the lock was the reason.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from review_queue.models import Token, User, utcnow
from review_queue.settings import Settings

_hasher = PasswordHasher()
# Verified against when the user name is unknown, so both refusals take the same time.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(db: Session, user: User, settings: Settings) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    expires = utcnow() + settings.token_ttl
    db.add(Token(token_hash=token_digest(token), user_id=user.id, expires_at=expires))
    return token, expires


def user_for_token(db: Session, token: str) -> User | None:
    """The enabled user a live token belongs to, else None."""
    row = db.scalar(select(Token).where(Token.token_hash == token_digest(token)))
    if row is None or row.revoked or row.expires_at <= utcnow() or row.user.disabled:
        return None
    return row.user


def revoke_token(db: Session, token: str) -> None:
    row = db.scalar(select(Token).where(Token.token_hash == token_digest(token)))
    if row is not None:
        row.revoked = True


def authenticate(db: Session, username: str, password: str, settings: Settings) -> User | None:
    """The user if name and password match and the account is usable; counts failures.

    The caller commits in both cases (failures must be remembered) and, on None, should wait
    :func:`failure_delay` before answering.
    """
    user = db.scalar(select(User).where(User.username == username).with_for_update())
    if user is None:
        verify_password(_DUMMY_HASH, password)
        return None
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        return None
    if user.disabled or not verify_password(user.password_hash, password):
        _count_failure(user, settings)
        return None
    user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def _count_failure(user: User, settings: Settings) -> None:
    user.failed_logins += 1
    if user.failed_logins >= settings.lockout_after:
        user.locked_until = utcnow() + settings.lockout_for
        user.failed_logins = 0


def failure_delay(db: Session, username: str, settings: Settings) -> float:
    """Seconds to wait before refusing: grows with the account's recent failures."""
    failures = db.scalar(select(User.failed_logins).where(User.username == username)) or 1
    return min(settings.failure_delay_s * 2 ** (max(failures, 1) - 1), settings.failure_delay_max_s)


def sleep_failure(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)
