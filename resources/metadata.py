"""A resource as the open web reads it: a schema.org ``LearningResource`` with its licence, its author
or base, its dates and its picture (``cms.metadata``)."""

from django.urls import reverse

from cms.metadata import PageMetadata, absolute_url, is_public, plain_text
from cms.renditions import rendition_url
from resources import taxonomy

# The licences' reference texts; a resource without one says so in words.
LICENCE_URLS = {
    "etalab-2-0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "cc-by-sa-4-0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-sa-4-0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}
# The picture shown at the head of the resource (resource_content.html): no new rendition to make.
IMAGE_SPEC = "width-1200"


def image_of(page, request) -> tuple[str, str]:
    url = rendition_url(page.cover_image, IMAGE_SPEC)
    if not url:
        return "", ""
    return absolute_url(request, url), page.cover_image.title


def resource_metadata(page, request, base) -> PageMetadata | None:
    """The metadata of a public resource, ``base`` being its base (None for a personal resource); None
    for one that not everyone may read."""
    if not is_public(page, request):
        return None
    url = absolute_url(request, page.get_url(request))
    image_url, image_alt = image_of(page, request)
    labels = {value["key"]: value["label"] for value in taxonomy.RESOURCE_TYPES["values"]}
    schema = {
        "@type": "LearningResource",
        "name": page.title,
        "description": page.description,
        "url": url,
        "inLanguage": "fr",
        "license": LICENCE_URLS.get(page.licence, page.get_licence_display()),
        "isAccessibleForFree": True,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "keywords": [theme["label"] for group in page.themes_by_category() for theme in group["themes"]],
        "learningResourceType": [labels[key] for key in page.resource_types if key in labels],
    }
    if image_url:
        schema["image"] = image_url
    if page.owner is not None:
        author = {"@type": "Person", "name": page.owner.public_name}
        if page.owner.is_public and page.owner.is_active:
            author["url"] = absolute_url(request, reverse("profile", args=[page.owner.slug]))
        schema["author"] = author
    if base is not None:
        schema["publisher"] = {
            "@type": "Organization",
            "name": base.title,
            "url": absolute_url(request, base.get_url(request)),
        }
    return PageMetadata(
        title=page.seo_title or page.title,
        url=url,
        description=plain_text(page.search_description or page.description),
        image_url=image_url,
        image_alt=image_alt,
        kind="article",
        schema={key: value for key, value in schema.items() if value not in (None, "", [])},
    )
