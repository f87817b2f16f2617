"""What every part of an import shares: the source, the records of earlier runs, the report, the
media and the objects to index once everything is written."""

import contextlib
import copy
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from cms.reference import departments
from labase.importer import references
from labase.importer.media import MediaImporter, MediaStore
from labase.importer.records import Records, fingerprint
from labase.importer.report import Report
from labase.importer.source import Source

DEPARTMENTS = {item["code"] for item in departments()}
_url = URLValidator(schemes=["http", "https"])


@dataclass
class Context:
    source: Source
    media: MediaStore
    send_invitations: bool = False
    records: Records = field(default_factory=Records)
    report: Report = field(default_factory=Report)
    # Model → ids of the objects written, indexed for the search in bulk at the end.
    to_index: dict = field(default_factory=lambda: defaultdict(set))
    # Model → ids of the objects the current row saved, for Wagtail's reference index (``references``).
    saved: dict = field(default_factory=dict)
    # Filled in at the end of the run, for the report.
    duration: float = 0.0
    peak_memory_mb: float = 0.0

    def __post_init__(self):
        self.files = MediaImporter(self)

    @contextlib.contextmanager
    def guarded(self, table: str, source_id: str):
        """One row's writes in one transaction: an unexpected error rolls them back, is reported
        against the row, and the import goes on with the next."""
        try:
            with transaction.atomic():
                yield
                # Wagtail's reference index, left off by each save, once per object the row saved.
                references.index(self.saved)
        except Exception as error:
            self.saved.clear()
            # What the rolled back writes recorded in memory is gone from the database too.
            self.records.forget()
            self.report.skipped(
                table, f"erreur à l'import ({type(error).__name__} : {error})"[:200], source_id
            )

    def in_one_go(self, write) -> bool:
        """Run ``write()``, the bulk import of a batch of new rows, in one transaction. On any error
        everything it wrote and reported is undone and False returned: the caller then imports the
        batch row by row (``guarded``), which reports the bad row alone."""
        tables = copy.deepcopy(self.report.tables)
        try:
            with transaction.atomic():
                write()
                references.index(self.saved)
        except Exception:
            self.saved.clear()
            self.records.forget()
            self.report.tables = tables
            return False
        return True

    def changed_rows(self, table: str, query: str):
        """``(row, known, digest)`` for each row of ``query`` that is new (``known`` is None) or changed
        since the run that recorded it; the others are counted as read and unchanged, and passed over."""
        for row in self.source.rows(query):
            self.report.read(table)
            known, digest = self.records.get(table, row["id"]), fingerprint(row)
            if known and known.fingerprint == digest:
                self.report.unchanged(table)
                continue
            yield row, known, digest

    def index_later(self, obj) -> None:
        self.to_index[type(obj)].add(obj.pk)

    # Small repairs shared by the tables, each reported.

    def text(self, table: str, source_id: str, value, limit: int, what: str) -> str:
        value = (value or "").strip()
        if len(value) > limit:
            self.report.repaired(table, f"{what} tronqué(e) à {limit} caractères", source_id)
            value = value[: limit - 1].rstrip() + "…"
        return value

    def url(self, table: str, source_id: str, value) -> str:
        value = (value or "").strip()
        if not value:
            return ""
        if "://" not in value:
            value = f"https://{value}"
        try:
            _url(value)
        except ValidationError:
            self.report.repaired(table, "adresse web invalide retirée", source_id)
            return ""
        return value[:200]

    def department(self, table: str, source_id: str, value) -> str:
        value = (value or "").strip().upper()
        if value and value not in DEPARTMENTS:
            self.report.repaired(table, f"département inconnu retiré ({value})", source_id)
            return ""
        return value
