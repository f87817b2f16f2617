from django.db.backends.signals import connection_created
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

from bases.models import BasePage
from resources.models import ResourcePage
from search.lookups import set_similarity_threshold


def reindex_resources_of_base(sender, instance, **kwargs):
    """A resource is found by its base's name, stored in its own index entry: renaming the base
    must refresh the entries of its resources, which modelsearch only does when they are saved."""
    resources = list(ResourcePage.objects.child_of(instance))
    if resources:
        for backend in get_search_backends():
            backend.add_bulk(ResourcePage, resources)


def connect() -> None:
    page_published.connect(reindex_resources_of_base, sender=BasePage, dispatch_uid="search-base-renamed")
    connection_created.connect(set_similarity_threshold, dispatch_uid="search-similarity-threshold")
