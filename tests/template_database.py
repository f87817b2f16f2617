"""One migrated database that every test database is copied from.

Migrating an empty database runs some 320 migrations (about 40 s of a core); each pytest worker did it
for its own database, and every run did it again. Instead, the first worker to start migrates a
template database once for a given set of migrations, and Django creates each test database from it
(PostgreSQL's ``CREATE DATABASE … TEMPLATE``, Django's ``TEST["TEMPLATE"]`` setting). Django still
emits ``post_migrate`` on the copy, so the groups and permissions our receivers keep follow the code
even when the migrations did not change. (What a migration calls outside its file is kept as it was
when the template was built: delete the ``lesbases_template_…`` database to build it again.)
"""

import hashlib
from pathlib import Path

import fasteners
import psycopg
from django.apps import apps
from django.conf import settings
from django.db import connection
from psycopg import sql

from cms.embedded_db import DATA_DIR

PREFIX = "lesbases_template_"


def use_template(keepdb: bool) -> None:
    """Make the test database a copy of the template of the current migrations, migrated first if
    missing. Safe to call from several pytest workers at once. A test database kept from an earlier
    run (``--reuse-db``) is migrated as usual: it may be older than the migrations."""
    name = PREFIX + _migrations_digest()
    lock = fasteners.InterProcessLock(DATA_DIR.parent / "test-template.lock")
    with lock:
        if not _exists(name):
            _build(name)
    # The copy has every table: Django's test-database creation then applies no migration (loading the
    # 320 of them took ~7 s per worker) and runs ``post_migrate`` as always.
    settings.DATABASES["default"]["TEST"].update(TEMPLATE=name, MIGRATE=keepdb)


def _migrations_digest() -> str:
    """A digest of every installed app's migration files: the template's schema is theirs."""
    digest = hashlib.sha256()
    for app_config in apps.get_app_configs():
        for path in sorted(Path(app_config.path).glob("migrations/*.py")):
            digest.update(f"{app_config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def maintenance_connection():
    """A connection to the server's maintenance database, where databases are created and renamed."""
    params = connection.get_connection_params()
    for django_only in ("cursor_factory", "context"):
        params.pop(django_only, None)
    return psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True)


def _exists(name: str) -> bool:
    with maintenance_connection() as server:
        return server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _build(name: str) -> None:
    """Migrate a new database with Django's own test-database creation, then give it the template's
    name: a build that fails half-way leaves no template behind. Templates of other migrations go."""
    database = settings.DATABASES["default"]
    original_name, test_settings = database["NAME"], database["TEST"]
    building = f"{name}_building"
    database["TEST"] = {**test_settings, "NAME": building, "MIGRATE": True}
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        database["TEST"] = test_settings
        database["NAME"] = connection.settings_dict["NAME"] = original_name
        connection.close()
    with maintenance_connection() as server:
        databases = server.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX + "%"])
        for (stale,) in databases.fetchall():
            if stale != building:
                server.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(stale)))
        server.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(building), sql.Identifier(name))
        )
