"""Copies of a test database taken while it holds some content, to start each browser test from.

A browser test talks to the live server through the database, so it cannot run in a transaction rolled
back after it: Django empties every table after such a test (``flush``), and the next one built the site
and its content again (a few seconds, hundreds of queries per resource). Copying a database is cheaper:
PostgreSQL creates one from another (``CREATE DATABASE … TEMPLATE``) in a fraction of a second, so each
content a test starts from is built once per worker, copied aside, and copied back before each test.
Ids and sequences come back with the rows, so the objects returned when the content was built stay
valid for every test that restores it.
"""

import copy

from django.db import connection, connections
from psycopg import sql

from tests.template_database import maintenance_connection


class DatabaseSnapshots:
    """The snapshots of this worker's test database, by name; dropped by ``drop_all``."""

    def __init__(self):
        self.database = connection.settings_dict["NAME"]
        self.built = {}  # snapshot name → what building its content returned

    def restore_or_take(self, name: str, build):
        """Bring the database back to snapshot ``name``, or build its content (``build()``, on the database
        as it is) and take the snapshot; return a copy of what ``build`` returned, for the test to change."""
        if name in self.built:
            _replace(self.database, with_copy_of=self._snapshot(name))
        else:
            built = build()
            _replace(self._snapshot(name), with_copy_of=self.database)
            self.built[name] = built
        return copy.deepcopy(self.built[name])

    def has(self, name: str) -> bool:
        return name in self.built

    def drop_all(self) -> None:
        connections.close_all()
        with maintenance_connection() as server:
            for name in self.built:
                server.execute(DROP.format(sql.Identifier(self._snapshot(name))))
        self.built.clear()

    def _snapshot(self, name: str) -> str:
        return f"{self.database}_snapshot_{name}"


DROP = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")


def _replace(target: str, with_copy_of: str) -> None:
    # PostgreSQL copies a database nobody is connected to. Ours are closed; others still open are cut
    # off: the live server's request threads close theirs after each request, but one may still run,
    # and Django's connections are kept per context, so those opened before Playwright's sync API took
    # the test thread's event loop stay open, out of ``close_all``'s reach.
    connections.close_all()
    with maintenance_connection() as server:
        server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN (%s, %s)",
            [target, with_copy_of],
        )
        server.execute(DROP.format(sql.Identifier(target)))
        server.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(with_copy_of)
            )
        )
