"""Rows written by PostgreSQL's COPY, for the imports and generators that write hundreds of thousands
of them: ``bulk_create`` sends each row's values as query parameters (and returns the ids), COPY
streams them, several times faster, and the ids are reserved beforehand when they are needed."""

from django.db import connection


def reserve_ids(model, count: int) -> list[int]:
    """``count`` ids of ``model``'s table taken from its sequence, as inserts would take them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model, objects, fields=None) -> None:
    """COPY ``objects`` into the table of ``model`` (its local columns by default, as multi-table models
    need; a column left out takes its default), with Django's own conversion of each value
    (``pre_save`` included: ``auto_now`` dates are set)."""
    fields = fields or list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy,
    ):
        for obj in objects:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
            )
