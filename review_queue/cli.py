"""``review-queue``: run the service and administer it from the shell.

Every subcommand takes ``--data DIR`` (also ``$REVIEW_QUEUE_DATA``), before or after its name;
``$REVIEW_QUEUE_DATABASE_URL`` points at PostgreSQL instead of the SQLite file in DIR. Exit
status: 0 done, 1 refused (the message says why), 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_queue.accounts import AccountError, add_user, disable_user, set_password
from review_queue.db import make_engine, session_factory, session_scope, upgrade
from review_queue.models import User
from review_queue.settings import DATA_ENV, Settings, settings_for

Handler = Callable[[argparse.Namespace, Settings], int]


def _data_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument("--data", metavar="DIR", default=None if top else argparse.SUPPRESS,
                        help=f"the service's data folder (also ${DATA_ENV})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="review-queue", description=__doc__.splitlines()[0])
    _data_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = _sub(sub, "serve", "run the HTTP service (uvicorn)", _serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="info")
    user = sub.add_parser("user", help="manage accounts").add_subparsers(dest="user_command",
                                                                         required=True)
    add = _sub(user, "add", "create an account", _user_add)
    add.add_argument("name")
    add.add_argument("--role", required=True)
    add.add_argument("--unit", required=True)
    add.add_argument("--categories", default="", help="comma-separated categories to approve")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    _sub(user, "list", "list accounts", _user_list).add_argument("--json", action="store_true")
    _sub(user, "disable", "disable an account and end its sessions", _user_disable).add_argument(
        "name")
    passwd = _sub(user, "passwd", "set an account's password", _user_passwd)
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true")
    profile = sub.add_parser("profile", help="the enforced portal profile").add_subparsers(
        dest="profile_command", required=True)
    _sub(profile, "set", "enforce a shipped profile id or a profile TOML file",
         _profile_set).add_argument("profile")
    _sub(profile, "show", "print the enforced profile's id", _profile_show)
    _sub(sub, "demo", "create the LOCAL demo units and accounts (fixed passwords)",
         _demo).add_argument("--json", action="store_true")
    _sub(sub, "cleanup", "delete unfinished uploads past their expiry", _cleanup)
    _sub(sub, "openapi", "print the OpenAPI document", _openapi).add_argument(
        "--output", metavar="FILE")
    return parser


def _sub(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str,
         handler: Handler) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = group.add_parser(name, help=text, description=text)
    _data_option(parser, top=False)
    parser.set_defaults(handler=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_for(args.data)
    try:
        return int(args.handler(args, settings))
    except AccountError as exc:
        print(f"review-queue: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


@contextmanager
def _db(settings: Settings) -> Iterator[Session]:
    """A committed-on-success session on an upgraded schema; the engine is closed after."""
    engine = make_engine(settings)
    try:
        upgrade(engine)
        with session_scope(session_factory(engine)) as db:
            yield db
    finally:
        engine.dispose()


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise AccountError("the passwords differ")
    return first


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from review_queue.app import create_app
    from review_queue.logs import setup_logging

    setup_logging(as_json=settings.log_json)
    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False,
                log_config=None)
    return 0


def _user_add(args: argparse.Namespace, settings: Settings) -> int:
    password = _password(args)
    with _db(settings) as db:
        add_user(db, args.name, password, args.role, args.unit, args.categories.split(","))
    print(f"user {args.name} added ({args.role}, {args.unit})")
    return 0


def _user_list(args: argparse.Namespace, settings: Settings) -> int:
    with _db(settings) as db:
        users = db.scalars(select(User).order_by(User.username)).all()
        rows = [{"username": u.username, "role": u.role, "unit": u.unit,
                 "categories": list(u.categories or []), "disabled": u.disabled} for u in users]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        flags = " (disabled)" if row["disabled"] else ""
        cats = ",".join(row["categories"]) or "-"  # type: ignore[arg-type]
        print(f"{row['username']:<20} {row['role']:<13} {row['unit']:<20} {cats}{flags}")
    return 0


def _user_disable(args: argparse.Namespace, settings: Settings) -> int:
    with _db(settings) as db:
        disable_user(db, args.name)
    print(f"user {args.name} disabled")
    return 0


def _user_passwd(args: argparse.Namespace, settings: Settings) -> int:
    password = _password(args)
    with _db(settings) as db:
        set_password(db, args.name, password)
    print(f"password of {args.name} changed")
    return 0


def _profile_set(args: argparse.Namespace, settings: Settings) -> int:
    from review_queue.profile import set_profile

    try:
        with _db(settings) as db:
            profile = set_profile(db, args.profile)
    except (LookupError, ValueError) as exc:
        print(f"review-queue: {exc}", file=sys.stderr)
        return 1
    print(f"enforcing profile {profile.id} ({profile.portal_name})")
    return 0


def _profile_show(_args: argparse.Namespace, settings: Settings) -> int:
    from review_queue.profile import current_profile

    with _db(settings) as db:
        profile = current_profile(db, settings.default_profile)
    print(profile.id)
    return 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from review_queue.demo import as_json, create_demo

    with _db(settings) as db:
        accounts = create_demo(db)
    if args.json:
        print(json.dumps({"accounts": as_json(accounts)}, ensure_ascii=False, indent=2))
        return 0
    print("Demo accounts (LOCAL demo only: these passwords are public):")
    for a in accounts:
        cats = f" categories={','.join(a.categories)}" if a.categories else ""
        print(f"  {a.username:<13} password {a.password:<19} {a.role} @ {a.unit}{cats}")
    return 0


def _cleanup(_args: argparse.Namespace, settings: Settings) -> int:
    from review_queue.filestore import LocalFileStore
    from review_queue.housekeeping import expire_uploads

    with _db(settings) as db:
        removed = expire_uploads(db, LocalFileStore(settings.files_root))
    print(f"{removed} expired upload(s) removed")
    return 0


def _openapi(args: argparse.Namespace, settings: Settings) -> int:
    from review_queue.openapi import openapi_text

    text = openapi_text()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
