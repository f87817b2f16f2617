"""The PostgreSQL role Metabase connects with: it reads the views of the stats schema and their
materialized summaries (stats/schema.py), nothing else.

A view runs with its owner's rights, so the role needs no privilege on the tables behind the views.
Default privileges make the views that the same database user creates later (new stats migrations)
readable too; running ``manage.py metabase_role`` again (the release phase does) re-applies it all.
Refreshing a summary needs its ownership, which the role never has.
"""

import re

from django.db import connections, transaction

from stats.schema import SCHEMA

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Metabase's heaviest question should not hold the application's database for long.
STATEMENT_TIMEOUT = "60s"


class RoleError(Exception):
    """Why the role cannot be set up, in French, for the operator."""


def ensure_read_only_role(role: str, password: str, using: str = "default") -> list[str]:
    """Create or update ``role`` with this password and read-only access to the stats views; return
    the views it may read. Safe to run again: the result is the same, with the new password."""
    if not ROLE_NAME.match(role):
        raise RoleError(f"Nom de rôle invalide : « {role} » (lettres minuscules, chiffres et _).")
    if not password:
        raise RoleError("Le mot de passe du rôle Metabase est vide.")
    connection = connections[using]
    quoted = connection.ops.quote_name(role)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_database(), EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)", [role]
        )
        database, exists = cursor.fetchone()
        verb = "ALTER" if exists else "CREATE"
        cursor.execute(
            f"{verb} ROLE {quoted} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT "
            "NOREPLICATION NOBYPASSRLS PASSWORD %s",
            [_scram_verifier(connection, role, password)],
        )
        for statement in _privileges(quoted, connection.ops.quote_name(database)):
            cursor.execute(statement)
        views = _views(cursor)
        for view in views:
            cursor.execute(f"GRANT SELECT ON {SCHEMA}.{connection.ops.quote_name(view)} TO {quoted}")
    return views


def _scram_verifier(connection, role: str, password: str) -> str:
    """The password as PostgreSQL stores it, computed here so that it never travels in clear text
    (nor lands in a server log of statements)."""
    connection.ensure_connection()
    pgconn = connection.connection.pgconn
    return pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


def _privileges(role: str, database: str) -> list[str]:
    return [
        f"ALTER ROLE {role} SET default_transaction_read_only = on",
        f"ALTER ROLE {role} SET search_path = {SCHEMA}",
        f"ALTER ROLE {role} SET statement_timeout = '{STATEMENT_TIMEOUT}'",
        f"GRANT CONNECT ON DATABASE {database} TO {role}",
        # Nothing in public: the application's tables, personal data included, live there.
        f"REVOKE ALL ON SCHEMA public FROM {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}",
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM {role}",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {role}",
        # Views created later in stats by this same user (the migrations) are readable at once.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {SCHEMA} GRANT SELECT ON TABLES TO {role}",
    ]


def _views(cursor) -> list[str]:
    """Views and materialized views (pg_views does not list the latter); never their indexes."""
    cursor.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind IN ('v', 'm') "
        "ORDER BY relname",
        [SCHEMA],
    )
    return [row[0] for row in cursor.fetchall()]
