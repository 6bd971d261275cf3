"""The LOCAL demo portal's units and accounts: one account per role, fixed passwords.

The passwords are deterministic on purpose, so the app's demo mode and a newcomer can log in
without setup. They are for a demo on 127.0.0.1 only; never run ``review-queue demo`` on a
service other people can reach.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_queue.accounts import add_user, ensure_unit
from review_queue.models import User

DEMO_UNITS: tuple[tuple[str, str], ...] = (
    ("so-tttt", "Sở Thông tin và Truyền thông"),
    ("so-tu-phap", "Sở Tư pháp"),
    ("ban-bien-tap", "Ban Biên tập Cổng Thông tin điện tử"),
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    unit: str
    categories: tuple[str, ...] = ()


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("collaborator", "demo-collaborator", "collaborator", "so-tttt"),
    DemoAccount("secretary", "demo-secretary", "secretary", "ban-bien-tap"),
    DemoAccount("deputy", "demo-deputy", "deputy", "ban-bien-tap", ("news", "legal-guidance")),
    DemoAccount("chief", "demo-chief", "chief", "ban-bien-tap"),
    DemoAccount("admin", "demo-admin", "admin", "ban-bien-tap"),
)


def create_demo(db: Session) -> list[DemoAccount]:
    """Create the demo units and accounts that are missing (running it twice changes nothing)."""
    for code, name in DEMO_UNITS:
        ensure_unit(db, code, name)
    db.flush()
    for account in DEMO_ACCOUNTS:
        if db.scalar(select(User).where(User.username == account.username)) is None:
            add_user(db, account.username, account.password, account.role, account.unit,
                     account.categories)
    return list(DEMO_ACCOUNTS)


def as_json(accounts: list[DemoAccount]) -> list[dict[str, object]]:
    return [{**asdict(a), "categories": list(a.categories)} for a in accounts]
