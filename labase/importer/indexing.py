"""The search index, written once at the end of an import rather than after every save.

modelsearch indexes an object after each save (its ``post_save`` handler, and ours for profiles in
``search.signals``); an import saves hundreds of thousands of objects. During the import those
handlers are disconnected, and the objects written are then indexed in bulk
(``search.bulk_index.index_in_bulk``: the entries ``add_bulk`` would write, each object's fields read
once)."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from accounts.models import User
from bases.models import BasePage
from cms.private_api import remember_parent
from labase.models import ImportedRecord
from resources.models import ResourcePage
from search.bulk_index import index_in_bulk
from search.signals import reindex_profile

CHUNK = 2000


@contextlib.contextmanager
def deferred():
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    disconnected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    # A receiver connected with a dispatch_uid and a sender is disconnected by both.
    profiles = post_save.disconnect(sender=User, dispatch_uid="search-profile-edited")
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
        if profiles:
            post_save.connect(reindex_profile, sender=User, dispatch_uid="search-profile-edited")


# The searchable things an import makes, by La Base table.
SEARCHED = {"users": User, "bases": BasePage, "resources": ResourcePage}


def not_indexed() -> dict:
    """The objects imported (by this run or an earlier one that stopped before indexing) that have no
    entry in the search index yet, by model."""
    missing = {}
    for table, model in SEARCHED.items():
        entries = IndexEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("object_id"), CharField()),
        )
        ids = (
            ImportedRecord.objects.filter(table=table)
            .exclude(Exists(entries))
            .values_list("object_id", flat=True)
        )
        missing[model] = set(model.objects.filter(pk__in=list(ids)).values_list("pk", flat=True))
    return missing


def index_all(to_index: dict) -> int:
    """Index the objects, by model, in chunks, with those an earlier run left unindexed; return how
    many."""
    to_index = {model: set(ids) for model, ids in to_index.items()}
    for model, ids in not_indexed().items():
        to_index.setdefault(model, set()).update(ids)
    count = 0
    for model, ids in to_index.items():
        ids = sorted(ids)
        for start in range(0, len(ids), CHUNK):
            objects = _with_what_indexing_reads(model, ids[start : start + CHUNK])
            index_in_bulk(model, objects)
            count += len(objects)
    return count


def _with_what_indexing_reads(model, ids: list[int]) -> list:
    """The objects, with what their search fields read fetched for all at once: a resource's publisher
    (``ResourcePage.publisher_name``) is its parent's title or its owner's name, two queries an object
    otherwise."""
    if model is not ResourcePage:
        return list(model.objects.filter(pk__in=ids))
    resources = list(ResourcePage.objects.filter(pk__in=ids).select_related("owner"))
    parents = Page.objects.filter(path__in={resource.path[: -Page.steplen] for resource in resources})
    by_path = {parent.path: parent for parent in parents}
    for resource in resources:
        remember_parent(resource, by_path[resource.path[: -Page.steplen]])
    return resources
