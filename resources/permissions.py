from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, PagePermissionTester

CONTRIBUTORS_GROUP = "Contributeurs"


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
    root_collection = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, f"{action}_{model}"),
            )
    return group


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
