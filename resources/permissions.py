from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PagePermissionTester

from accounts.roles import is_platform_admin, is_platform_staff
from cms.media import personal_collection
from resources import republication

CONTRIBUTORS_GROUP = "Contributeurs"
# A resource's address (slug) and search-engine fields: what those who manage the site's addresses
# (its redirects: platform admins, accounts/roles.py) may set; others get the address from the title.
ADDRESS_AND_SEO_PERMISSION = "wagtailredirects.change_redirect"
MEDIA_APPS = {"wagtailimages": "image", "wagtaildocs": "document"}


def _is_platform_admin(user) -> bool:
    """``is_platform_admin``, remembered on the user for the request as Wagtail remembers its page
    permissions: a listing asks it for every structural page it shows."""
    if not hasattr(user, "_lesbases_platform_admin"):
        user._lesbases_platform_admin = is_platform_admin(user)
    return user._lesbases_platform_admin


class PrivacyBySwitchMixin:
    """The privacy of a resource or a base follows its « publique » switch, applied at every
    publication: Wagtail's privacy dialog would be overwritten, and it lists every group of the site
    (named after the bases, private ones included). Platform admins keep it."""

    def can_set_view_restrictions(self):
        return _is_platform_admin(self.user) and super().can_set_view_restrictions()


class ResourcePermissionTester(PrivacyBySwitchMixin, PagePermissionTester):
    """*add* on ``/ressources/`` (every account's) lets a contributor publish and unpublish the
    resources they may edit there, their own and those they were invited to; never those of others."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and self._adds_personal_resources_here():
            self.permissions.add("publish")

    def _adds_personal_resources_here(self) -> bool:
        index_type = ContentType.objects.get_for_model(apps.get_model("resources", "ResourceIndexPage"))
        return any(
            permission.permission.codename == "add_page"
            and permission.page.content_type_id == index_type.pk
            and self.page.path.startswith(permission.page.path)
            for permission in self.permission_policy.get_cached_permissions_for_user(self.user)
        )

    def can_publish(self):
        """A resource held after a report (``resources.republication``) is published by the platform's
        staff alone: its editors submit it, and a moderator's approval publishes it (moderators hold no
        page permission; the workflow opens the editor to them)."""
        if republication.is_held(self.page):
            return self.user.is_active and is_platform_staff(self.user)
        return super().can_publish() and self.can_edit()

    def can_unpublish(self):
        return super().can_unpublish() and self.can_edit()


class BasePermissionTester(PrivacyBySwitchMixin, PagePermissionTester):
    """A base's admins publish, lock and edit it; its privacy is its « publique » switch."""


class StructuralPagePermissionTester(PagePermissionTester):
    """The home page and the indexes hold the site together: only platform admins edit, publish,
    unpublish, restrict, move, copy, delete, lock them or reorder their children. Others keep adding
    their own pages beneath them, as their permissions say."""

    def _structure_changes_allowed(self) -> bool:
        return self.user.is_active and _is_platform_admin(self.user)

    def can_edit(self):
        return self._structure_changes_allowed() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._structure_changes_allowed() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self._structure_changes_allowed() and super().can_publish()

    def can_unpublish(self):
        return self._structure_changes_allowed() and super().can_unpublish()

    def can_lock(self):
        return self._structure_changes_allowed() and super().can_lock()

    def can_unlock(self):
        return self._structure_changes_allowed() and super().can_unlock()

    def can_reorder_children(self):
        return self._structure_changes_allowed() and super().can_reorder_children()


class ResourceIndexPermissionTester(StructuralPagePermissionTester):
    """A resource created or moved here is its author's own: they publish it in one go (their *add*
    carries publishing for what they may edit, see ``ResourcePermissionTester``). Wagtail asks for
    *publish* here to create a resource published, and to move a live resource here from a base
    (``can_move_to``); the index itself stays the platform admins' (``StructuralPagePermissionTester``)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and "add" in self.permissions:
            self.permissions.add("publish")


def contributors_group() -> Group:
    """The group every account joins, as ``ensure_contributors_group`` keeps it (after every migrate, and
    by ``bootstrap``): read, not rebuilt, at each sign-up."""
    return Group.objects.get(name=CONTRIBUTORS_GROUP)


def ensure_contributors_group(resource_index) -> Group:
    """Every registered user's group: admin access, resources of their own under ``/ressources/``
    (*add* only: publishing them comes with editing them, never the index itself), and uploading
    images and documents for them."""
    group, _ = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.get_or_create(
        group=group, page=resource_index, permission=_permission("wagtailcore", "add_page")
    )
    GroupPagePermission.objects.filter(group=group).exclude(permission__codename="add_page").delete()
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
