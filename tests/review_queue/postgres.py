"""A throwaway PostgreSQL server for the tests, or a skip when none can run here.

``REVIEW_QUEUE_TEST_POSTGRES_URL`` (a SQLAlchemy URL of a server the tests may create databases
on) wins; otherwise Debian's PostgreSQL binaries (package ``postgresql``) start a private cluster
in a temporary folder on 127.0.0.1, as the ``postgres`` user when the tests run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from review_queue.testing import free_port

URL_ENV = "REVIEW_QUEUE_TEST_POSTGRES_URL"


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_postgres() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    try:
        subprocess.run(["id", "postgres"], check=True, capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("running as root and there is no postgres user to start PostgreSQL as")
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def postgres_server() -> Iterator[str]:
    """The URL of a database on a private PostgreSQL cluster (or on REVIEW_QUEUE_TEST_...)."""
    pytest.importorskip("psycopg")
    if os.environ.get(URL_ENV):
        yield _fresh_database(os.environ[URL_ENV])
        return
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL is not installed (Debian package: postgresql)")
    prefix = _as_postgres()
    # Not under pytest's folders: those are private to root, and the server runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="rq-postgres-"))
    if prefix:
        shutil.chown(folder, "postgres")
    data, port = folder / "cluster", free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync"], check=True, capture_output=True)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -F"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", options, "-w", "-l",
                    str(folder / "log"), "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _fresh_database(url: str) -> str:
    import sqlalchemy

    name = f"rq_test_{uuid.uuid4().hex[:8]}"
    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return str(sqlalchemy.engine.make_url(url).set(database=name))
