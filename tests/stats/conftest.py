import pytest
from django.db import connection

from stats.schema import SCHEMA


@pytest.fixture
def view_rows(db):
    """The rows of a stats view, as dicts, in the given order."""

    def read(view: str, order_by: str = "") -> list[dict]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {SCHEMA}.{view} {order_by}")
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    return read
