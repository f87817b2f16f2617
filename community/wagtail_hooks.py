from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from bases.models import BasePage
from cms import edge_cache
from cms.hiding_admin import ModerationPermissionPolicy
from community.choosers import public_collection_chooser_viewset
from community.models import Collection
from community.moderation import ContentModerationGroup
from resources.models import ResourcePage


@hooks.register("register_admin_viewset")
def register_public_collection_chooser():
    return public_collection_chooser_viewset


register_permission_policy(Collection, ModerationPermissionPolicy(Collection))


@hooks.register("register_admin_viewset")
def register_content_moderation():
    return ContentModerationGroup()


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def collections_and_profiles(pages):
    """The collections that hold these resources, and the profiles that list them or these bases."""
    resource_ids = [page.pk for page in pages if isinstance(page, ResourcePage)]
    base_ids = [page.pk for page in pages if isinstance(page, BasePage)]
    collections = Collection.objects.filter(items__resource_id__in=resource_ids).distinct()
    profiles = get_user_model().objects.filter(
        Q(pk__in=[page.owner_id for page in pages if isinstance(page, ResourcePage)])
        | Q(memberships__base_id__in=base_ids)
    )
    return [
        *(collection.get_absolute_url() for collection in collections.only("pk", "slug")),
        *(
            reverse("profile", kwargs={"slug": slug})
            for slug in profiles.values_list("slug", flat=True).distinct()
        ),
    ]
