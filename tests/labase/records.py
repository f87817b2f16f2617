"""What the importer leaves for each La Base row it imported (``labase.ImportedRecord``), made by hand:
the old links and the API read nothing else of the import."""

import uuid

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from labase.models import ImportedRecord


def imported(obj, table: str, slug: str = "", source_id: str | None = None) -> ImportedRecord:
    """Record that La Base's row of ``table`` (``slug``, a new UUID unless given) became ``obj``."""
    return ImportedRecord.objects.create(
        table=table,
        source_id=source_id or str(uuid.uuid4()),
        source_slug=slug,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        page=obj if isinstance(obj, Page) else None,
    )
