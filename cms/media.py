"""Who may choose, see and be served an image or a document.

The back office is public (every account reaches it), so uploads follow one rule everywhere: a user
chooses, lists and edits their own uploads and those of the bases they belong to, platform admins
everything. Wagtail's collections carry it: a collection per base, whose groups hold permissions on it,
and « Contributions personnelles », where every contributor may add and, through the ownership rule of
Wagtail's policy, change (so choose) only what they uploaded."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

PERSONAL_COLLECTION = "Contributions personnelles"
BASES_COLLECTION = "Bases"


class MediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents, where choosing follows changing: an upload one may
    change (one's own, with *add* on its collection) may also be chosen. Contributors then hold only
    *add* on « Contributions personnelles » and choose their own uploads there, not everyone's, as a
    *choose* permission on that collection would allow."""

    @staticmethod
    def _with_change(actions) -> set[str]:
        actions = set(actions)
        return actions | {"change"} if "choose" in actions else actions

    def user_has_permission(self, user, action):
        if action == "choose":
            return super().user_has_any_permission(user, ["choose", "change"])
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(self._with_change(actions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, self._with_change(actions), instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, self._with_change(actions))

    def users_with_any_permission_for_instance(self, actions, instance):
        return super().users_with_any_permission_for_instance(self._with_change(actions), instance)

    def collections_user_has_any_permission_for(self, user, actions):
        return super().collections_user_has_any_permission_for(user, self._with_change(actions))


def register_media_policies() -> None:
    """Ours for the exact image and document models: Wagtail registers its own for them (and their
    subclasses) when its apps are ready, and an exact registration takes precedence whatever the order."""
    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = MediaPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)


def media_policy(model) -> MediaPermissionPolicy:
    return policy_registry.get_by_type(model)


def choosable(user, model):
    """The images or documents ``user`` may choose (and so use in a page)."""
    return media_policy(model).instances_user_has_permission_for(user, "choose")


def may_choose(user, item) -> bool:
    return media_policy(type(item)).user_has_permission_for_instance(user, "choose", item)


def child_collection(parent: Collection, name: str) -> Collection:
    return parent.get_children().filter(name=name).first() or parent.add_child(name=name)


def personal_collection() -> Collection:
    """Where contributors' own uploads go: each sees and chooses only theirs."""
    return child_collection(Collection.get_first_root_node(), PERSONAL_COLLECTION)


def bases_collection() -> Collection:
    """The parent of the bases' collections, so that the admin lists them together."""
    return child_collection(Collection.get_first_root_node(), BASES_COLLECTION)
