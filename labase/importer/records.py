"""What earlier runs made of La Base's rows (``ImportedRecord``), read once per table and kept in step
as this run writes, so that deciding whether a row is new, changed or unchanged costs no query."""

import datetime
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from labase.models import ImportedRecord


@dataclass
class Known:
    pk: int
    object_id: int
    fingerprint: str


def _default(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    raise TypeError(type(value))


def fingerprint(*parts) -> str:
    """A digest of a row (and of whatever else its import depends on)."""
    text = json.dumps(parts, default=_default, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Records:
    def __init__(self):
        self._tables: dict[str, dict[str, Known]] = {}

    def forget(self) -> None:
        """Read the records again from the database when next asked (after a rollback)."""
        self._tables.clear()

    def _table(self, table: str) -> dict[str, Known]:
        if table not in self._tables:
            self._tables[table] = {
                source_id: Known(pk, object_id, digest)
                for pk, source_id, object_id, digest in ImportedRecord.objects.filter(table=table)
                .values_list("pk", "source_id", "object_id", "fingerprint")
                .iterator(chunk_size=5000)
            }
        return self._tables[table]

    def get(self, table: str, source_id) -> Known | None:
        if source_id is None:
            return None
        return self._table(table).get(str(source_id))

    def object_id(self, table: str, source_id) -> int | None:
        known = self.get(table, source_id)
        return known.object_id if known else None

    def ids(self, table: str) -> dict[str, int]:
        return {source_id: known.object_id for source_id, known in self._table(table).items()}

    def save(self, table: str, source_id, obj, digest: str, slug: str = "", page=None) -> None:
        """Record (or update the record of) what ``source_id`` became."""
        source_id = str(source_id)
        known = self._table(table).get(source_id)
        fields = {
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
            "fingerprint": digest,
            "source_slug": slug or "",
            "page": page,
        }
        if known:
            ImportedRecord.objects.filter(pk=known.pk).update(**fields)
            known.object_id, known.fingerprint = obj.pk, digest
        else:
            record = ImportedRecord.objects.create(table=table, source_id=source_id, **fields)
            self._table(table)[source_id] = Known(record.pk, obj.pk, digest)

    def recorded(self, table: str, source_ids: list[str]) -> set[str]:
        """Which of ``source_ids`` earlier runs recorded, asked of the database: for the tables of
        millions of rows that never change (views, searches), which are not kept in memory."""
        return set(
            ImportedRecord.objects.filter(table=table, source_id__in=source_ids).values_list(
                "source_id", flat=True
            )
        )

    def save_many(self, table: str, model, rows: list[tuple], remember: bool = True) -> None:
        """Record many rows at once, none recorded before: ``(source_id, object_id, fingerprint)``,
        or ``(source_id, object_id, fingerprint, slug, page_id)`` for those with an old address."""
        content_type = ContentType.objects.get_for_model(model)
        if not remember:
            self._copy(table, content_type, rows)
            return
        records = [
            ImportedRecord(
                table=table,
                source_id=str(source_id),
                content_type=content_type,
                object_id=object_id,
                fingerprint=digest,
                source_slug=(address[0] or "") if address else "",
                page_id=address[1] if address else None,
            )
            for source_id, object_id, digest, *address in rows
        ]
        created = ImportedRecord.objects.bulk_create(records, batch_size=2000)
        known = self._table(table)
        for record in created:
            known[record.source_id] = Known(record.pk, record.object_id, record.fingerprint)

    @staticmethod
    def _copy(table: str, content_type, rows: list[tuple]) -> None:
        """The records of ``rows`` (``(source_id, object_id, fingerprint)``), copied (COPY) as plain
        rows: the million views' records without a model instance each."""
        now = timezone.now()
        columns = ["table", "source_id", "source_slug", "content_type_id", "object_id", "fingerprint"]
        quoted = ", ".join(
            connection.ops.quote_name(column) for column in [*columns, "imported_at", "updated_at"]
        )
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY {connection.ops.quote_name(ImportedRecord._meta.db_table)} ({quoted}) FROM STDIN"
            ) as copy,
        ):
            for source_id, object_id, digest in rows:
                copy.write_row((table, str(source_id), "", content_type.pk, object_id, digest, now, now))
