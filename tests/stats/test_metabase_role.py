"""``manage.py metabase_role``: Metabase's role reads the stats views and summaries over TCP with its
password, and nothing else, even when it asks for a read-write transaction."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import errors

from stats.metabase_sync import load_spec, question_sql
from stats.schema import RELATIONS, SCHEMA
from tests import factories
from tests.stats.tcp_postgres import copy_database, tcp_server

# pytest-django creates the test database only for a session that has tests marked so.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
COPY = "lesbases_copy"
ROLE = "metabase"
PASSWORD = "mot-de-passe-de-metabase"

FORBIDDEN = [
    "SELECT email FROM public.accounts_user",
    "SELECT 1 FROM public.resources_rating",
    "SELECT 1 FROM public.wagtailcore_page",
    "INSERT INTO stats.users (user_id, date_joined, is_active, is_public) VALUES (0, now(), true, true)",
    "UPDATE stats.users SET is_active = false",
    "DELETE FROM stats.ratings",
    "UPDATE public.accounts_user SET first_name = 'X'",
    "DELETE FROM public.accounts_user",
    "CREATE TABLE public.intrusion (id int)",
    "CREATE TABLE stats.intrusion (id int)",
    "CREATE VIEW stats.intrusion AS SELECT 1 AS one",
    "DROP VIEW stats.users",
    "REFRESH MATERIALIZED VIEW stats.activity_daily",
    "REFRESH MATERIALIZED VIEW CONCURRENTLY stats.taxonomy_daily",
    "DROP MATERIALIZED VIEW stats.summaries_refreshed",
    "TRUNCATE public.accounts_user",
]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """A copy of the test database, with a user and a published resource, on a server listening on
    127.0.0.1. They are committed for the copy, then removed from the test database."""
    with django_db_blocker.unblock():
        source = {**connection.get_connection_params(), "dbname": connection.settings_dict["NAME"]}
        author = factories.contributor()
        resource = factories.resource(owner=author)
    try:
        with tcp_server("mot-de-passe-du-superutilisateur") as target:
            copy_database(source, target, COPY)
            yield target
    finally:
        with django_db_blocker.unblock():
            resource.delete()
            author.delete()


def metabase_role(server, *args, password=PASSWORD) -> subprocess.CompletedProcess:
    """``manage.py metabase_role`` as the release phase runs it, connected over TCP."""
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("METABASE_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"postgres://{server['user']}:{server['password']}@127.0.0.1:{server['port']}/{COPY}",
    }
    if password is not None:
        environment["METABASE_DB_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "manage.py", "metabase_role", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def connect(server, password=PASSWORD, user=ROLE) -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1", port=server["port"], dbname=COPY, user=user, password=password, connect_timeout=10
    )


@pytest.fixture(scope="module")
def role(server):
    result = metabase_role(server)
    assert result.returncode == 0, result.stderr
    assert f"Rôle « {ROLE} » prêt" in result.stdout
    return server


def test_without_a_password_the_command_says_what_is_missing(server):
    result = metabase_role(server, password=None)
    assert result.returncode != 0
    assert "METABASE_DB_PASSWORD n'est pas défini" in result.stderr

    release = metabase_role(server, "--if-configured", password=None)
    assert release.returncode == 0, release.stderr
    assert "pas de rôle Metabase" in release.stdout


def test_the_role_reads_every_view_over_tcp(role):
    with connect(role) as metabase:
        for view in RELATIONS:
            metabase.execute(f"SELECT * FROM {SCHEMA}.{view}").fetchall()
        assert metabase.execute("SELECT count(*) FROM resources WHERE live").fetchone()[0] > 0
        assert metabase.execute("SHOW default_transaction_read_only").fetchone()[0] == "on"
        assert metabase.execute("SHOW statement_timeout").fetchone()[0] == "1min"


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_the_role_may_not_read_tables_nor_write_even_in_a_read_write_transaction(role, statement):
    with connect(role) as metabase:
        with pytest.raises((errors.InsufficientPrivilege, errors.ReadOnlySqlTransaction)):
            metabase.execute(statement)
        metabase.rollback()
        # The read-only default is a default: privileges are what actually stop a determined client.
        metabase.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
        metabase.commit()
        with pytest.raises(errors.InsufficientPrivilege):
            metabase.execute(statement)


def test_the_role_has_no_privilege_on_any_table_of_public(role):
    with connect(role, user="postgres", password=role["password"]) as admin:
        granted = admin.execute(
            "SELECT relname, privilege FROM pg_class, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', "
            "'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS privilege "
            "WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm', 'p', 'S') "
            "AND has_table_privilege(%s, oid, privilege)",
            [ROLE],
        ).fetchall()
        schemas = admin.execute(
            "SELECT has_schema_privilege(%s, 'public', 'CREATE'), has_schema_privilege(%s, 'stats', 'CREATE')",
            [ROLE, ROLE],
        ).fetchone()
    assert granted == []
    assert schemas == (False, False)


def test_the_role_may_select_the_views_and_summaries_of_stats_and_nothing_else_there(role):
    with connect(role, user="postgres", password=role["password"]) as admin:
        readable = admin.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace "
            "AND has_table_privilege(%s, oid, 'SELECT')",
            [SCHEMA, ROLE],
        ).fetchall()
        writable = admin.execute(
            "SELECT relname FROM pg_class, unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', "
            "'REFERENCES', 'TRIGGER']) AS privilege WHERE relnamespace = %s::regnamespace "
            "AND has_table_privilege(%s, oid, privilege)",
            [SCHEMA, ROLE],
        ).fetchall()
    assert sorted(name for (name,) in readable) == sorted(RELATIONS)
    assert writable == []


def test_a_wrong_password_is_refused(role):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        connect(role, password="pas-le-bon-mot-de-passe")


def test_running_again_keeps_the_role_and_changes_its_password(role):
    again = metabase_role(role, password="nouveau-mot-de-passe")
    assert again.returncode == 0, again.stderr
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        connect(role)
    with connect(role, password="nouveau-mot-de-passe") as metabase:
        assert metabase.execute("SELECT count(*) FROM stats.users").fetchone()[0] > 0

    # The other tests of the file connect with the first password.
    with connect(role, user="postgres", password=role["password"]) as admin:
        admin.execute(f"ALTER ROLE {ROLE} PASSWORD '{PASSWORD}'")


def test_a_view_created_later_by_a_migration_is_readable(role):
    with connect(role, user="postgres", password=role["password"]) as admin:
        admin.execute(
            "CREATE VIEW stats.later AS SELECT count(*) AS resources FROM public.resources_resourcepage"
        )
    try:
        with connect(role) as metabase:
            assert metabase.execute("SELECT resources FROM stats.later").fetchone()[0] > 0
    finally:
        with connect(role, user="postgres", password=role["password"]) as admin:
            admin.execute("DROP VIEW stats.later")


def test_the_role_runs_every_question_of_the_dashboard(role):
    with connect(role) as metabase:
        for question in load_spec()["questions"]:
            metabase.execute(question_sql(question)).fetchall()
