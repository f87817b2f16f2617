"""Who may choose, see and be served an image or a document.

The back office is public (every account reaches it), so uploads follow one rule everywhere: a user
chooses, lists and edits their own uploads and those of the bases they belong to, platform admins
everything. Wagtail's collections carry it: a collection per base, whose groups hold permissions on it,
and « Contributions personnelles », where every contributor may add and, through the ownership rule of
Wagtail's policy, change (so choose) only what they uploaded. A file is served to anyone only when a
live page that anonymous visitors may read uses it; otherwise to those who may read or edit such a page,
or choose the file."""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from taggit.models import Tag, TaggedItem
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from cms.visibility import EVERYONE, VisibilityQuerySet

PERSONAL_COLLECTION = "Contributions personnelles"
BASES_COLLECTION = "Bases"

REFUSED = {
    "wagtailimages": (
        "Vous ne pouvez pas utiliser cette image : choisissez l'une des vôtres ou l'une de celles "
        "des bases dont vous êtes membre."
    ),
    "wagtaildocs": (
        "Vous ne pouvez pas utiliser ce fichier : choisissez l'un des vôtres ou l'un de ceux "
        "des bases dont vous êtes membre."
    ),
}


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


def visible_tags(user, models=None):
    """The tags ``user`` may see: those of the images and documents they may choose (of ``models``
    only, when given). Wagtail's tags are shared by the whole site, and a tag of a private file
    names it. Those who manage the collections (platform admins: ``accounts.roles``) see them all."""
    if user.has_perm("wagtailcore.change_collection"):
        return Tag.objects.all()
    used = Q(pk__in=[])
    for model in models or (get_image_model(), get_document_model()):
        used |= Q(
            pk__in=TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=choosable(user, model).values("pk"),
            ).values("tag_id")
        )
    return Tag.objects.filter(used)


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


# Serving


def pages_using(item) -> VisibilityQuerySet:
    """The pages whose stored content uses ``item``, as Wagtail's reference index records it: the live
    content of a live page, the latest draft of a page that is not live. A draft of a live page is not
    indexed until it is published."""
    references = ReferenceIndex.get_references_to(item).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return VisibilityQuerySet(Page).filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )


def public_media(model):
    """The images or documents that a live page anonymous visitors may read uses: anyone may see them."""
    pages = VisibilityQuerySet(Page).visible_to(EVERYONE)
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
    )
    return model.objects.filter(
        pk__in=references.annotate(key=Cast("to_object_id", IntegerField())).values("key")
    )


class Access:
    PUBLIC = "public"  # anyone, and edge caches
    PRIVATE = "private"  # this user only, never cached in common


def access(user, item) -> str | None:
    """How ``item`` may be served to ``user``: to everyone when a live page anonymous visitors may
    read uses it; else to those who may choose it (uploader, base members, platform admins) or read
    or edit a page using it; else not at all (None)."""
    pages = pages_using(item)
    if pages.visible_to(EVERYONE).exists():
        return Access.PUBLIC
    if not (user.is_authenticated and user.is_active):
        return None
    if may_choose(user, item) or pages.visible_to(user).exists():
        return Access.PRIVATE
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return Access.PRIVATE if editable.filter(pk__in=pages.values("pk")).exists() else None


# Choosing in a page's form


def refuse_foreign_media(form, fields: tuple[str, ...] = (), stream_fields: tuple[str, ...] = ()) -> None:
    """Add a French field error for each image or document in ``fields`` (foreign keys) or the blocks
    of ``stream_fields`` that the form's user may not choose. What the page already uses (in its
    latest revision, which the form edits, or in its stored content) stays accepted, so that an invited
    contributor or a co-member can edit a page holding someone else's file; only new ones are refused."""
    # A choice its own field refused (an id naming nothing) is emptied too: Wagtail's chooser widget
    # looks the posted id up again to show it, and one that is not a number raises there (a 500).
    unknown = [name for name in fields if name in form.errors]
    if unknown:
        form.data = form.data.copy()
        for name in unknown:
            form.data[form.add_prefix(name)] = ""
    chosen = {}  # (field, block index or None, child block name or None) -> (model, pk)
    for name in fields:
        if form.cleaned_data.get(name) is not None:
            chosen[(name, None, None)] = _key(form.cleaned_data[name])
    for name in stream_fields:
        value = form.cleaned_data.get(name)
        for index, child in enumerate(value if isinstance(value, StreamValue) else []):
            for child_name, item in _media_of_block(child.value):
                chosen[(name, index, child_name)] = _key(item)
    new = set(chosen.values()) - _media_used_by(form.instance, fields, stream_fields) if chosen else set()
    allowed = set()
    for model in {model for model, _ in new}:
        ids = [pk for each, pk in new if each is model]
        choices = choosable(form.for_user or EVERYONE, model)
        allowed |= {(model, pk) for pk in choices.filter(pk__in=ids).values_list("pk", flat=True)}
    refused = {place: key for place, key in chosen.items() if key in new - allowed}
    stream_errors: dict[str, dict[int, dict[str, ValidationError]]] = {}
    for (name, index, child_name), (model, _) in refused.items():
        message = REFUSED[model._meta.app_label]
        if index is None:
            form.add_error(name, message)
        else:
            stream_errors.setdefault(name, {}).setdefault(index, {})[child_name] = ValidationError(message)
    for name, block_errors in stream_errors.items():
        errors = {
            index: StructBlockValidationError(block_errors=each) for index, each in block_errors.items()
        }
        form.add_error(name, StreamBlockValidationError(block_errors=errors))
    if refused:
        _forget(form, refused)


def _forget(form, refused: dict) -> None:
    """Empty the refused choices in the data the form is shown again with: its chooser widgets would
    otherwise show the title and a thumbnail of a file the user may not see."""
    form.data = form.data.copy()
    for (name, index, child_name), (_, pk) in refused.items():
        prefix = form.add_prefix(name)
        # A block's fields are posted as <field>-<position>-value-<child>, positions in posting order.
        pattern = (
            re.compile(rf"{re.escape(prefix)}-\d+-value-{re.escape(child_name)}$")
            if index is not None
            else None
        )
        for key in list(form.data):
            if (key == prefix if pattern is None else pattern.match(key)) and form.data[key] == str(pk):
                form.data[key] = ""


def _key(item) -> tuple:
    return (type(item), item.pk)


def _media_of_block(value):
    """``(child block name, image or document)`` of a struct block's value."""
    media_models = (get_image_model(), get_document_model())
    for child_name, child_value in value.items() if hasattr(value, "items") else []:
        if isinstance(child_value, media_models):
            yield child_name, child_value


def _media_used_by(page, fields, stream_fields) -> set[tuple]:
    """The images and documents of ``page`` as the form received it (its latest revision) and as
    stored (the live content of a live page, which the reference index records)."""
    if page.pk is None:
        return set()
    used = set()
    for name in fields:
        model = page._meta.get_field(name).related_model
        if getattr(page, f"{name}_id", None) is not None:
            used.add((model, getattr(page, f"{name}_id")))
    for name in stream_fields:
        for child in getattr(page, name, None) or []:
            used |= {_key(item) for _, item in _media_of_block(child.value)}
    models = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (get_image_model(), get_document_model())
    }
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type__in=models)
    for content_type_id, object_id in references.values_list("to_content_type", "to_object_id"):
        used.add((models[content_type_id], int(object_id)))
    return used
