"""A base's media collection: the images and documents its members share.

Members add to it and choose anything in it; admins also change and delete anything in it (a member
changes and deletes only what they uploaded, by Wagtail's ownership rule), so that admins can keep
the base's library in order while members cannot remove a file a colleague's resource uses. The
collection is created with the base, renamed with it, and when the base is deleted its files move to
« Contributions personnelles », where each stays its uploader's (and keeps serving the pages using it)."""

from collections import defaultdict

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Page, ReferenceIndex

from bases.models import BasePage, Membership
from cms.media import bases_collection, personal_collection
from cms.private_api import add_sorted_children

MEDIA_APPS = {"wagtailimages": "image", "wagtaildocs": "document"}
MEMBER_MEDIA_ACTIONS = ("add", "choose")
ADMIN_MEDIA_ACTIONS = ("add", "choose", "change", "delete")


def media_models() -> list:
    return [get_image_model(), get_document_model()]


@transaction.atomic
def equip_media(base: BasePage) -> Collection:
    """Give ``base`` (which has its groups) its collection and the groups' permissions on it."""
    collection = bases_collection().add_child(name=base.title)
    for group, actions in (
        (base.members_group, MEMBER_MEDIA_ACTIONS),
        (base.admins_group, ADMIN_MEDIA_ACTIONS),
    ):
        codenames = [f"{action}_{model}" for action in actions for model in MEDIA_APPS.values()]
        permissions = Permission.objects.filter(
            content_type__app_label__in=MEDIA_APPS, codename__in=codenames
        )
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=collection, permission=permission)
            for permission in permissions
        )
    BasePage.objects.filter(pk=base.pk).update(media_collection=collection)
    base.media_collection = collection
    return collection


def equip_media_many(bases: list[BasePage]) -> None:
    """``equip_media`` new bases at once (their pages may be written after, with their collection):
    the collections placed among their siblings together, as one ``add_child`` after the other
    would place them, instead of shifting every later sibling for each."""
    collections = [Collection(name=base.title) for base in bases]
    add_sorted_children(bases_collection(), collections)
    permissions = list(
        Permission.objects.filter(
            content_type__app_label__in=MEDIA_APPS,
            codename__in=[
                f"{action}_{model}" for action in ADMIN_MEDIA_ACTIONS for model in MEDIA_APPS.values()
            ],
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection=collection, permission=permission)
        for base, collection in zip(bases, collections, strict=True)
        for group, actions in (
            (base.members_group, MEMBER_MEDIA_ACTIONS),
            (base.admins_group, ADMIN_MEDIA_ACTIONS),
        )
        for permission in permissions
        if permission.codename.split("_", 1)[0] in actions
    )
    for base, collection in zip(bases, collections, strict=True):
        base.media_collection = collection


def rename_media_collection(base: BasePage) -> None:
    """The collection bears the base's name, as the upload form and the admin show it."""
    if base.media_collection_id:
        Collection.objects.filter(pk=base.media_collection_id).exclude(name=base.title).update(
            name=base.title
        )


@transaction.atomic
def release_media(collection_id: int) -> None:
    """Move the files of a deleted base's collection to their uploaders' personal uploads, then delete
    the collection (deleting it first would delete its files with it)."""
    personal = personal_collection()
    for model in media_models():
        model.objects.filter(collection_id=collection_id).update(collection=personal)
    Collection.objects.filter(pk=collection_id).delete()


@transaction.atomic
def file_existing_media() -> dict[str, int]:
    """Give every base its collection and move the files still in the root collection where they
    belong: a file used by a base's pages to that base (the one its uploader belongs to, if several
    use it), any other to « Contributions personnelles ». Safe to run again: it moves only what is
    left in the root collection. Returns how many files went to bases and to personal uploads."""
    # By name: Wagtail keeps collections sorted by name, so each one lands after its siblings instead of
    # renumbering those after it (2,000 bases: about a minute instead of half an hour).
    unequipped = BasePage.objects.filter(media_collection__isnull=True, members_group__isnull=False)
    for base in unequipped.order_by("title"):
        equip_media(base)
    bases = list(
        BasePage.objects.filter(media_collection__isnull=False).values_list("pk", "path", "media_collection")
    )
    memberships = set(Membership.objects.values_list("user_id", "base_id"))
    personal, root = personal_collection(), Collection.get_first_root_node()
    moved = {"bases": 0, "personal": 0}
    for model in media_models():
        items = dict(model.objects.filter(collection=root).values_list("pk", "uploaded_by_user_id"))
        destinations = _destinations(model, items, bases, memberships)
        for pk, collection_id in destinations.items():
            model.objects.filter(pk=pk).update(collection_id=collection_id)
        moved["bases"] += len(destinations)
        moved["personal"] += model.objects.filter(collection=root).update(collection=personal)
    return moved


def _destinations(model, items: dict[int, int | None], bases: list, memberships: set) -> dict[int, int]:
    """The base collection each of ``items`` (pk → uploader) goes to, when a base's pages use it."""
    pages_by_item = defaultdict(set)
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=[str(pk) for pk in items],
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    for object_id, page_id in references.values_list("to_object_id", "object_id"):
        pages_by_item[int(object_id)].add(int(page_id))
    paths = dict(Page.objects.filter(pk__in=set().union(*pages_by_item.values())).values_list("pk", "path"))
    destinations = {}
    for pk, page_ids in pages_by_item.items():
        using = [
            (base_pk, collection_id)
            for base_pk, base_path, collection_id in bases
            if any(paths.get(page_id, "").startswith(base_path) for page_id in page_ids)
        ]
        if using:
            uploader = items[pk]
            destinations[pk] = next(
                (collection for base_pk, collection in using if (uploader, base_pk) in memberships),
                using[0][1],
            )
    return destinations
