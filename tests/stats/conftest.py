import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from stats.schema import SCHEMA


@pytest.fixture
def fresh_cache():
    """No figures cached by an earlier test, and none left for the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def view_rows(db):
    """The rows of a stats view, as dicts, in the given order."""

    def read(view: str, order_by: str = "") -> list[dict]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {SCHEMA}.{view} {order_by}")
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    return read


@pytest.fixture
def refresh_stats(db):
    """What cron does in production every 10 minutes: refresh the summaries the statistics page
    reads (and drop its cached figures)."""

    def refresh() -> str:
        out = io.StringIO()
        call_command("refresh_stats", stdout=out)
        return out.getvalue()

    return refresh
