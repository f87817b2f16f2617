"""Wagtail's reference index (the « Utilisation » of images, documents and pages), written once per
object at the end of an import rather than after every save.

Wagtail updates the index after each save of a tracked model (``update_reference_index_on_save``, a
task that runs at once here); an imported resource is saved three times (created, published, revised),
and the index is a third of what it costs. During the import Wagtail's own switch,
``wagtail.signal_handlers.disable_reference_index_auto_update`` (documented in « Managing the
Reference Index »), turns those updates off, and a receiver notes what was saved; at the end each
object is indexed once, as ``update_reference_index_task`` does (a child row indexes its parent).

A run that stops before the end leaves its objects unindexed: the next run indexes the imported
pages that have no entry yet (``not_indexed``), as the search does."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from labase.models import ImportedRecord

CHUNK = 500


@contextlib.contextmanager
def deferred(saved: dict):
    """Within: no reference index update after each save; ``saved`` gets model → ids saved."""

    def note(sender, instance, raw=False, **kwargs):
        if not raw and sender in ReferenceIndex.tracked_models:
            saved.setdefault(sender, set()).add(instance.pk)

    post_save.connect(note, dispatch_uid="labase-references-saved", weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="labase-references-saved")


def not_indexed() -> set[int]:
    """The ids of the imported pages that have no entry in the reference index (every page has
    some: its content type, its locale…), left by a run that stopped before the end."""
    entries = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("page_id"), CharField()),
    )
    return set(
        ImportedRecord.objects.filter(page__isnull=False)
        .exclude(Exists(entries))
        .values_list("page_id", flat=True)
    )


def _indexed_instance(instance):
    """The object the index holds ``instance``'s references under: itself, or its cluster's parent."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None


def index_all(saved: dict) -> int:
    """Index once each object saved (model → ids) and the imported pages left unindexed; return how
    many objects were indexed. Objects rolled back since they were saved are gone and skipped."""
    saved = {model: set(ids) for model, ids in saved.items()}
    missing = not_indexed()
    if missing:
        saved.setdefault(Page, set()).update(missing)
    done = set()
    for model, ids in saved.items():
        ids = sorted(ids)
        for start in range(0, len(ids), CHUNK):
            objects = model.objects.filter(pk__in=ids[start : start + CHUNK])
            if model is Page:
                objects = objects.specific()
            with transaction.atomic():
                for instance in objects:
                    instance = _indexed_instance(instance)
                    if instance is None or not ReferenceIndex.is_indexed(instance._meta.model):
                        continue
                    key = (instance._meta.concrete_model, instance.pk)
                    if key not in done:
                        done.add(key)
                        ReferenceIndex.create_or_update_for_object(instance)
    return len(done)
