"""The platform roles: *Administrateurs* (everything, users included) and *Modérateurs*."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ADMINISTRATORS_GROUP = "Administrateurs"
MODERATORS_GROUP = "Modérateurs"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}
ADMINISTRATOR_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "accounts": ["add_user", "change_user", "delete_user", "view_user"],
    "auth": ["add_group", "change_group", "delete_group", "view_group"],
    "wagtailcore": ["add_collection", "change_collection", "delete_collection", "view_collection"],
    "wagtailredirects": ["add_redirect", "change_redirect", "delete_redirect"],
    "wagtail_dsfr_content_manager": ["change_cmsdsfrconfig"],
    "wagtailmenus": ["change_mainmenu", "change_flatmenu", "add_flatmenu"],
    "home": ["view_sitefeedback"],
    "resources": ["view_report", "change_report", "view_rating", "change_rating", "change_ratingreply"],
    # To read the audit trail of these (``cms.audit``) in the admin's « Journal des actions ».
    "bases": ["view_membership"],
    "community": [
        "view_collection",
        "change_collection",
        "view_collectionitem",
        "view_basefollow",
        "view_profilefollow",
    ],
}
MODERATOR_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "accounts": ["view_user"],
    "resources": ["view_report", "change_report", "change_rating", "change_ratingreply"],
    "community": ["change_collection"],
}


def is_platform_staff(user) -> bool:
    """Superusers, *Administrateurs* and *Modérateurs*: the accounts that need a second factor and whose
    sessions end after a short idle time."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[ADMINISTRATORS_GROUP, MODERATORS_GROUP]).exists()
    )


def is_staff_request(request) -> bool:
    """``is_platform_staff`` of the signed-in user, asked by two middlewares: one query per request."""
    if not hasattr(request, "_is_platform_staff"):
        request._is_platform_staff = is_platform_staff(request.user)
    return request._is_platform_staff


def is_platform_admin(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=ADMINISTRATORS_GROUP).exists()
    )


@transaction.atomic
def ensure_platform_groups() -> tuple[Group, Group]:
    """Create the two platform groups or complete their permissions; running it again changes nothing."""
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)
    administrators.permissions.add(*_permissions(ADMINISTRATOR_MODEL_PERMISSIONS))
    root = Page.get_first_root_node()
    for permission in _permissions({"wagtailcore": PAGE_PERMISSIONS}):
        GroupPagePermission.objects.get_or_create(group=administrators, page=root, permission=permission)
    root_collection = Collection.get_first_root_node()
    for permission in _permissions(COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=administrators, collection=root_collection, permission=permission
        )
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderators.permissions.add(*_permissions(MODERATOR_MODEL_PERMISSIONS))
    return administrators, moderators


def _permissions(codenames_by_app: dict[str, list[str]]) -> list[Permission]:
    wanted = {(app, codename) for app, codenames in codenames_by_app.items() for codename in codenames}
    found = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=codenames_by_app, codename__in=[c for _, c in wanted]
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Permissions not found: {sorted(missing)}")
    return found
