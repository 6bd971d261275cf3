"""Passwords, tokens and login throttling.

Passwords are argon2id hashes (argon2-cffi defaults, rehashed when those change). Tokens are 256
random bits handed out once; only their SHA-256 is stored, so a copy of the database logs no one
in. Failed logins slow down (a growing delay) and then lock the name for a while; every refusal
is the same 401 after the same steps and the same delay, whether the name, the password, a
disabled account or the lock was the reason, so neither the answer nor its timing tells which
names have accounts. Failures are counted per name as typed, for unknown names too, in a table
bounded by ``Settings.login_names_kept``. Each argon2 computation takes 64 MiB for a moment,
so at most :data:`HASHING_AT_ONCE` run at a time: a flood of logins waits in line instead of
taking the server's memory (40 pool threads would need 2.5 GB).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from review_queue.models import LoginFailure, Token, User, utcnow
from review_queue.settings import Settings

_hasher = PasswordHasher()
HASHING_AT_ONCE = max(2, min(8, os.cpu_count() or 2))
_hashing = threading.BoundedSemaphore(HASHING_AT_ONCE)
# Verified against when the user name is unknown, so both refusals take the same time.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    with _hashing:
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


@dataclass(frozen=True)
class LoginOutcome:
    """The user on success; else None and the seconds to wait before answering 401."""

    user: User | None
    delay: float = 0.0


def attempt_login(db: Session, username: str, password: str, settings: Settings) -> LoginOutcome:
    """Check a login so that refusals are alike whatever their reason.

    Unknown names, wrong passwords, disabled and locked accounts take the same steps: one
    password hash verification (against a dummy hash when there is no account), one failure
    counted for the name as typed, and the delay that count gives. The caller commits in both
    cases (failures must be remembered) and waits :attr:`LoginOutcome.delay` off the thread
    pool (:func:`pause`).
    """
    now = utcnow()
    key = name_digest(username)
    record = _record_for(db, key, now, settings)
    user = db.scalar(select(User).where(User.username == username))
    matches = verify_password(user.password_hash if user is not None else _DUMMY_HASH, password)
    locked = record is not None and _locked(record, now)
    if matches and user is not None and not user.disabled and not locked:
        if record is not None:
            db.delete(record)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        return LoginOutcome(user)
    failures = _count_failure(db, record, key, now, settings)
    return LoginOutcome(None, failure_delay(failures, settings))


def name_digest(username: str) -> str:
    return hashlib.sha256(username.encode("utf-8")).hexdigest()


def failure_delay(failures: int, settings: Settings) -> float:
    """Seconds to wait before refusing: doubles with each recent failure of the name, capped."""
    return min(settings.failure_delay_s * 2 ** (max(failures, 1) - 1), settings.failure_delay_max_s)


async def pause(seconds: float) -> None:
    """The refusal's delay, slept on the event loop: a waiting refusal holds no worker thread."""
    if seconds > 0:
        await asyncio.sleep(seconds)


def forget_failures(db: Session, username: str) -> None:
    """Clear a name's failures and lock (an administrator set a new password)."""
    db.execute(delete(LoginFailure).where(LoginFailure.name_hash == name_digest(username)))


def _record_for(db: Session, key: str, now: datetime, settings: Settings) -> LoginFailure | None:
    """The name's failure record, locked for this transaction; a quiet window starts afresh."""
    record = db.scalar(select(LoginFailure).where(LoginFailure.name_hash == key)
                       .with_for_update())
    if record is not None and record.last_failure_at <= now - settings.lockout_for:
        record.failures, record.locked_until = 0, None
    return record


def _locked(record: LoginFailure, now: datetime) -> bool:
    return record.locked_until is not None and record.locked_until > now


def _count_failure(db: Session, record: LoginFailure | None, key: str, now: datetime,
                   settings: Settings) -> int:
    if record is None:
        record = _new_record(db, key, now)
    record.failures += 1
    record.last_failure_at = now
    if record.failures >= settings.lockout_after and not _locked(record, now):
        record.locked_until = now + settings.lockout_for
    failures = record.failures
    _prune(db, now, settings)
    return failures


def _new_record(db: Session, key: str, now: datetime) -> LoginFailure:
    """A fresh record; if a concurrent refusal of the same name made one first, that one."""
    try:
        with db.begin_nested():
            record = LoginFailure(name_hash=key, failures=0, last_failure_at=now)
            db.add(record)
        return record
    except IntegrityError:
        found = db.scalar(select(LoginFailure).where(LoginFailure.name_hash == key)
                          .with_for_update())
        if found is None:
            raise
        return found


def _prune(db: Session, now: datetime, settings: Settings) -> None:
    """Forget closed windows, then the oldest names beyond ``login_names_kept``.

    Bounded whatever a name-spraying client sends; rows another transaction holds are skipped
    (PostgreSQL), the next refusal removes them.
    """
    stale = (select(LoginFailure.name_hash)
             .where(LoginFailure.last_failure_at <= now - settings.lockout_for)
             .with_for_update(skip_locked=True))
    db.execute(delete(LoginFailure).where(LoginFailure.name_hash.in_(stale)))
    excess = (db.scalar(select(func.count()).select_from(LoginFailure)) or 0) \
        - settings.login_names_kept
    if excess > 0:
        oldest = (select(LoginFailure.name_hash).order_by(LoginFailure.last_failure_at)
                  .limit(excess).with_for_update(skip_locked=True))
        db.execute(delete(LoginFailure).where(LoginFailure.name_hash.in_(oldest)))
