"""Collections: every operation on them, each atomic, each checking that the acting user may do it.

Views validate input, call one of these and turn a ``CollectionError`` into a message.
"""

from django.db import transaction
from django.db.models import Max

from community.models import Collection, CollectionItem
from resources.models import ResourcePage


class CollectionError(Exception):
    """An operation refused; the message is in French, for the user."""


def _check_manager(collection: Collection, user) -> None:
    if not collection.is_managed_by(user):
        raise CollectionError("Vous ne pouvez pas modifier cette collection.")


def _check_readable(resource: ResourcePage, user) -> None:
    if not ResourcePage.objects.visible_to(user).filter(pk=resource.pk).exists():
        raise CollectionError("Cette ressource n'existe pas.")


@transaction.atomic
def create_collection(by, title: str, base=None, **fields) -> Collection:
    """A collection of ``by``'s profile, or of ``base`` when given (``by`` must then be a member)."""
    if base is not None and not base.memberships.filter(user=by).exists():
        raise CollectionError("Vous n'êtes pas membre de cette base.")
    return Collection.objects.create(owner=None if base is not None else by, base=base, title=title, **fields)


@transaction.atomic
def delete_collection(collection: Collection, by) -> None:
    """Delete the collection; the resources it held stay where they are."""
    _check_manager(collection, by)
    if collection.is_favorites:
        raise CollectionError("La collection « Mes favoris » ne peut pas être supprimée.")
    collection.delete()


@transaction.atomic
def save_resource(collection: Collection, resource: ResourcePage, by) -> CollectionItem:
    """Add ``resource`` at the end of ``collection``; saving it again changes nothing."""
    _check_manager(collection, by)
    _check_readable(resource, by)
    Collection.objects.select_for_update().get(pk=collection.pk)
    last = collection.items.aggregate(last=Max("position"))["last"]
    item, _ = CollectionItem.objects.get_or_create(
        collection=collection, resource=resource, defaults={"position": 0 if last is None else last + 1}
    )
    return item


@transaction.atomic
def remove_resource(collection: Collection, resource: ResourcePage, by) -> None:
    _check_manager(collection, by)
    collection.items.filter(resource=resource).delete()


@transaction.atomic
def set_saves(resource: ResourcePage, chosen, by) -> None:
    """Make ``resource`` saved in exactly the ``chosen`` ones among the collections ``by`` manages."""
    _check_readable(resource, by)
    managed = Collection.objects.managed_by(by)
    chosen_ids = {collection.pk for collection in chosen}
    if chosen_ids - set(managed.filter(pk__in=chosen_ids).values_list("pk", flat=True)):
        raise CollectionError("Vous ne pouvez pas modifier cette collection.")
    CollectionItem.objects.filter(collection__in=managed, resource=resource).exclude(
        collection__in=chosen_ids
    ).delete()
    for collection in chosen:
        save_resource(collection, resource, by)


@transaction.atomic
def move(collection: Collection, resource_id: int, offset: int, by) -> None:
    """Move a resource ``offset`` places (-1 up, +1 down); at either end it stays where it is."""
    _check_manager(collection, by)
    items = _locked_items(collection)
    index = next((i for i, item in enumerate(items) if item.resource_id == resource_id), None)
    if index is None:
        raise CollectionError("Cette ressource n'est pas dans la collection.")
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(items)


@transaction.atomic
def reorder(collection: Collection, resource_ids: list[int], by) -> None:
    """Put the given resources in this order, in the places they held between them: a page of the
    collection can be reordered without touching the others, nor the resources ``by`` cannot see."""
    _check_manager(collection, by)
    items = _locked_items(collection)
    by_resource = {item.resource_id: item for item in items}
    if len(set(resource_ids)) != len(resource_ids) or not set(resource_ids) <= by_resource.keys():
        raise CollectionError("Cet ordre ne correspond pas aux ressources de la collection.")
    places = sorted(items.index(by_resource[resource_id]) for resource_id in resource_ids)
    for place, resource_id in zip(places, resource_ids, strict=True):
        items[place] = by_resource[resource_id]
    _renumber(items)


def _locked_items(collection: Collection) -> list[CollectionItem]:
    Collection.objects.select_for_update().get(pk=collection.pk)
    return list(collection.items.order_by("position", "added_at", "pk"))


def _renumber(items: list[CollectionItem]) -> None:
    for position, item in enumerate(items):
        item.position = position
    CollectionItem.objects.bulk_update(items, ["position"])
