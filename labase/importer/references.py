"""Wagtail's reference index (the « Utilisation » of images, documents and pages), written once per
object an imported row saved rather than after every save.

Wagtail updates the index after each save of a tracked model (``update_reference_index_on_save``, a
task that runs at once here); an imported resource's page is saved three times (created, published,
revised), and those updates were a fifth of the time a resource took (cProfile, ``--scale 0.005``).
During the import Wagtail's own switch, ``wagtail.signal_handlers.disable_reference_index_auto_update``
(documented in « Managing the Reference Index »), turns them off and a receiver notes what was saved;
each row then indexes once each object it saved, as ``update_reference_index_task`` does (a child row
indexes its parent), at the end of its own transaction (``Context.guarded``): a row committed is
indexed with it, a row rolled back leaves nothing, a run that stops leaves nothing unindexed."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.private_api import extract_references

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


def note(saved: dict, model, ids) -> None:
    """Note ``ids`` of ``model`` as saved, for the writes that send no ``post_save`` (``bulk_create``)."""
    if model in ReferenceIndex.tracked_models:
        saved.setdefault(model, set()).update(ids)


def _indexed_instance(instance):
    """The object the index holds ``instance``'s references under: itself, or its cluster's parent."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None


def index(saved: dict) -> int:
    """Index once each object saved (model → ids), then forget them; return how many were indexed."""
    done = set()
    for model, ids in saved.items():
        ids = sorted(ids)
        for start in range(0, len(ids), CHUNK):
            objects = model.objects.filter(pk__in=ids[start : start + CHUNK])
            for instance in objects:
                instance = _indexed_instance(instance)
                if instance is None or not ReferenceIndex.is_indexed(instance._meta.model):
                    continue
                key = (instance._meta.concrete_model, instance.pk)
                if key not in done:
                    done.add(key)
                    ReferenceIndex.create_or_update_for_object(instance)
    saved.clear()
    return len(done)


def index_new(objects: list) -> None:
    """Index ``objects``, new (no row in the index yet) and as they are in memory, in one insert: the
    rows ``create_or_update_for_object`` would write for each, without reading each object's rows and
    child objects again (the new pages of a batch, ``resources._create_many``)."""
    rows = []
    for obj in objects:
        if not ReferenceIndex.is_indexed(obj._meta.model):
            continue
        # The object's own content type and its base model's, as Wagtail records them.
        content_types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False)
            for model in [obj, *obj._meta.get_parent_list()]
        ]
        rows += [
            ReferenceIndex(
                content_type=content_types[0],
                base_content_type=content_types[-1],
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=content_path_hash,
            )
            for to_content_type_id, to_object_id, model_path, content_path, content_path_hash in (
                extract_references(obj)
            )
        ]
    ReferenceIndex.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
