"""La Base's ``collections`` (a profile's or a base's; its favourites become the user's « Mes
favoris ») and their resources in order (``collection_resources``). Deleted collections are not
imported; those of deleted users stay private."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from community.models import Collection, CollectionItem
from labase.importer.records import fingerprint
from resources.models import ResourcePage
from resources.taxonomy import FIELD_LIMITS

TABLE, ITEMS = "collections", "collection_resources"
QUERY = """
SELECT id::text AS id, slug, title, description, "order", is_public, is_favorites, created, updated, deleted,
       created_by_id::text AS created_by_id, base_id::text AS base_id, image_id::text AS image_id
FROM collections ORDER BY created, id
"""
ITEMS_QUERY = """
SELECT id::text AS id, collection_id::text AS collection_id, resource_id::text AS resource_id, added, "order"
FROM collection_resources ORDER BY collection_id, "order" NULLS LAST, added, id
"""


def import_collections(context) -> None:
    report, records = context.report, context.records
    for row, known, digest in context.changed_rows(TABLE, QUERY):
        source_id = row["id"]
        if row["deleted"] is not None:
            if known and not row["is_favorites"]:
                Collection.objects.filter(pk=known.object_id, is_favorites=False).delete()
                report.updated(TABLE)
            else:
                report.skipped(TABLE, "collection supprimée dans La Base", source_id)
            continue
        owner_id = records.object_id("users", row["created_by_id"])
        base_id = records.object_id("bases", row["base_id"]) if row["base_id"] else None
        if owner_id is None or (row["base_id"] and base_id is None):
            report.skipped(TABLE, "propriétaire (profil ou base) non importé", source_id)
            continue
        with context.guarded(TABLE, source_id):
            collection = Collection.objects.filter(pk=known.object_id).first() if known else None
            if collection is None and row["is_favorites"] and not base_id:
                collection = Collection.objects.filter(owner_id=owner_id, is_favorites=True).first()
            created = known is None
            if collection is None:
                collection = Collection(owner_id=None if base_id else owner_id, base_id=base_id)
            owner_active = get_user_model().objects.filter(pk=owner_id, is_active=True).exists()
            if not collection.is_favorites:
                collection.title = (
                    context.text(
                        TABLE, source_id, row["title"], FIELD_LIMITS["collection_title_max"], "titre"
                    )
                    or "Collection"
                )
            collection.description = context.text(TABLE, source_id, row["description"], 560, "description")
            collection.position = row["order"] if row["order"] is not None and row["order"] >= 0 else None
            collection.is_public = bool(row["is_public"]) and (owner_active or base_id is not None)
            picture = context.files.raw(row["image_id"]) if row["image_id"] else None
            if picture:
                collection.image.save(picture[1], ContentFile(picture[0]), save=False)
            collection.save()
            Collection.objects.filter(pk=collection.pk).update(created_at=row["created"])
            records.save(TABLE, source_id, collection, digest, slug=row["slug"])
            (report.imported if created else report.updated)(TABLE)


def import_items(context) -> None:
    """Items in bulk, then each touched resource's ``saves_count`` counted again (bulk inserts send
    no signal to community, which keeps that column)."""
    report, records = context.report, context.records
    collections, resources = records.ids(TABLE), records.ids("resources")
    batch, touched = [], set()
    for row in context.source.rows(ITEMS_QUERY):
        report.read(ITEMS)
        if records.get(ITEMS, row["id"]):
            report.unchanged(ITEMS)
            continue
        collection_id, resource_id = collections.get(row["collection_id"]), resources.get(row["resource_id"])
        if collection_id is None or resource_id is None:
            report.skipped(ITEMS, "collection ou ressource non importée", row["id"])
            continue
        batch.append(
            (
                row,
                CollectionItem(
                    collection_id=collection_id, resource_id=resource_id, position=row["order"] or 0
                ),
            )
        )
        touched.add(resource_id)
        if len(batch) >= 2000:
            _save_items(context, batch)
            batch = []
    _save_items(context, batch)
    if touched:
        count = CollectionItem.objects.filter(resource=OuterRef("pk")).order_by().values("resource")
        ResourcePage.objects.filter(pk__in=touched).update(
            saves_count=Coalesce(Subquery(count.annotate(n=Count("pk")).values("n")), 0)
        )


def _save_items(context, batch) -> None:
    if not batch:
        return
    with context.guarded(ITEMS, f"lot de {len(batch)} lignes à partir de {batch[0][0]['id']}"):
        CollectionItem.objects.bulk_create([item for _, item in batch], ignore_conflicts=True)
        saved = {
            (item.collection_id, item.resource_id): item.pk
            for item in CollectionItem.objects.filter(
                collection_id__in={item.collection_id for _, item in batch},
                resource_id__in={item.resource_id for _, item in batch},
            )
        }
        rows = []
        for row, item in batch:
            pk = saved.get((item.collection_id, item.resource_id))
            if pk is None:
                context.report.skipped(ITEMS, "enregistrement refusé", row["id"])
                continue
            CollectionItem.objects.filter(pk=pk).update(added_at=row["added"])
            rows.append((row["id"], pk, fingerprint(row)))
            context.report.imported(ITEMS)
        context.records.save_many(ITEMS, CollectionItem, rows)
