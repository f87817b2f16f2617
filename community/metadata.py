"""A public profile and a public collection as the open web reads them: their preview for social
networks and their schema.org data (``cms.metadata``), for those anyone may read only."""

from django.contrib.auth.models import AnonymousUser

from cms.metadata import PageMetadata, absolute_url, plain_text
from community.models import Collection


def profile_metadata(user, request) -> PageMetadata | None:
    """The metadata of a public profile; None for a private one, which its owner and the platform's
    admins alone read."""
    if not (user.is_public and user.is_active):
        return None
    url = absolute_url(request, request.path)
    name = user.get_full_name() or user.public_name
    description = plain_text(user.description)
    schema = {"@type": "Person", "name": name, "url": url}
    image_url = absolute_url(request, user.avatar.url) if user.avatar else ""
    if description:
        schema["description"] = description
    if image_url:
        schema["image"] = image_url
    return PageMetadata(
        title=name,
        url=url,
        description=description,
        image_url=image_url,
        image_alt=f"Photo de profil de {name}" if image_url else "",
        kind="profile",
        schema=schema,
    )


def collection_metadata(collection, request) -> PageMetadata | None:
    """The metadata of a collection anyone may read; None for a private or hidden one. A visitor who is
    not signed in was shown it because it is public: no query for them."""
    if request.user.is_authenticated and not (
        Collection.objects.visible_to(AnonymousUser()).filter(pk=collection.pk).exists()
    ):
        return None
    url = absolute_url(request, collection.get_absolute_url())
    description = plain_text(collection.description)
    schema = {"@type": "Collection", "name": collection.title, "url": url}
    image_url = absolute_url(request, collection.image.url) if collection.image else ""
    if description:
        schema["description"] = description
    if image_url:
        schema["image"] = image_url
    return PageMetadata(
        title=collection.title,
        url=url,
        description=description,
        image_url=image_url,
        image_alt=f"Image de la collection {collection.title}" if image_url else "",
        schema=schema,
    )
