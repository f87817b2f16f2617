"""La Base's database, read in batches through server-side cursors: memory stays bounded whatever its
size."""

import datetime

import psycopg
from psycopg.rows import dict_row

BATCH_SIZE = 2000


class Source:
    """A read-only connection to La Base's PostgreSQL database."""

    def __init__(self, url: str):
        self.connection = psycopg.connect(url, row_factory=dict_row, autocommit=False)
        self.connection.read_only = True
        self._cursors = 0

    def rows(self, query: str, params=None, batch_size: int = BATCH_SIZE):
        """Each row of ``query`` as a dict, fetched ``batch_size`` at a time by a named (server-side)
        cursor."""
        self._cursors += 1
        with self.connection.cursor(name=f"labase_{self._cursors}") as cursor:
            cursor.itersize = batch_size
            cursor.execute(query, params)
            for row in cursor:
                yield _aware(row)

    def all(self, query: str, params=None) -> list[dict]:
        with self.connection.cursor() as cursor:
            cursor.execute(query, params)
            return [_aware(row) for row in cursor.fetchall()]

    def has_table(self, table: str) -> bool:
        found = self.all("SELECT to_regclass(%s) IS NOT NULL AS found", [f"public.{table}"])
        return found[0]["found"]

    def close(self) -> None:
        self.connection.rollback()
        self.connection.close()


def _aware(row: dict) -> dict:
    """La Base's timestamps are ``timestamp(3)`` without time zone, in UTC (Prisma's way)."""
    for key, value in row.items():
        if isinstance(value, datetime.datetime) and value.tzinfo is None:
            row[key] = value.replace(tzinfo=datetime.UTC)
    return row
