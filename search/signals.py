from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

from accounts.models import User
from bases.models import BasePage
from resources.models import ResourceIndexPage, ResourcePage

# Saves of a user that change nothing the search shows (signing in records ``last_login``).
UNSEARCHED_USER_FIELDS = {"last_login", "password"}


def reindex_resources_of_base(sender, instance, **kwargs):
    """A resource is found by its base's name, stored in its own index entry: renaming the base
    must refresh the entries of its resources, which modelsearch only does when they are saved."""
    resources = list(ResourcePage.objects.child_of(instance))
    if resources:
        for backend in get_search_backends():
            backend.add_bulk(ResourcePage, resources)


def reindex_profile(sender, instance, update_fields=None, raw=False, **kwargs):
    """A profile's entry, and those of the author's personal resources (found by the author's name),
    follow profile edits at once; sign-ins, which save the user too, do not reindex anything."""
    if raw or (update_fields and set(update_fields) <= UNSEARCHED_USER_FIELDS):
        return
    index.insert_or_update_object(instance)
    home_of_personal = ResourceIndexPage.objects.first()  # none yet while the site is being set up
    personal = (
        list(ResourcePage.objects.child_of(home_of_personal).filter(owner=instance))
        if home_of_personal
        else []
    )
    if personal:
        for backend in get_search_backends():
            backend.add_bulk(ResourcePage, personal)


def remove_profile(sender, instance, **kwargs):
    index.remove_object(instance)


def connect() -> None:
    page_published.connect(reindex_resources_of_base, sender=BasePage, dispatch_uid="search-base-renamed")
    post_save.connect(reindex_profile, sender=User, dispatch_uid="search-profile-edited")
    post_delete.connect(remove_profile, sender=User, dispatch_uid="search-profile-deleted")
