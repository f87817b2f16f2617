from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PagePermissionTester

from cms.media import personal_collection

CONTRIBUTORS_GROUP = "Contributeurs"
MEDIA_APPS = {"wagtailimages": "image", "wagtaildocs": "document"}


class ResourcePermissionTester(PagePermissionTester):
    """Publishing follows editing: *add* on ``/ressources/`` lets a contributor publish and unpublish
    their own resources, not those of others under the same index."""

    def can_publish(self):
        return super().can_publish() and self.can_edit()

    def can_unpublish(self):
        return super().can_unpublish() and self.can_edit()


def ensure_contributors_group(resource_index) -> Group:
    """Every registered user's group: admin access, resources of their own under ``/ressources/``,
    and uploading images and documents for them."""
    group, _ = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=resource_index, permission=_permission("wagtailcore", codename)
        )
    grant_personal_uploads(group)
    return group


def grant_personal_uploads(group: Group) -> None:
    """Contributors add images and documents to « Contributions personnelles » and nothing else:
    Wagtail's ownership rule then lets each change, and ours choose, only what they uploaded there.
    (They used to hold *add* and *choose* on the root collection, which let anyone choose anyone's
    file, those of private bases included.)"""
    personal = personal_collection()
    granted = [
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=personal, permission=_permission(app_label, f"add_{model}")
        )[0].pk
        for app_label, model in MEDIA_APPS.items()
    ]
    GroupCollectionPermission.objects.filter(
        group=group, permission__content_type__app_label__in=MEDIA_APPS
    ).exclude(pk__in=granted).delete()


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
