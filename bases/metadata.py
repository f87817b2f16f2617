"""A base as the open web reads it: a schema.org ``Organization`` with its logo (``cms.metadata``)."""

from cms.metadata import PageMetadata, absolute_url, is_public, plain_text
from cms.renditions import rendition_url

# The renditions the base's page shows already: no new one to make.
LOGO_SPEC = "fill-96x96"
COVER_SPEC = "fill-1200x300"


def base_metadata(page, request) -> PageMetadata | None:
    """The metadata of a public base; None for a base that not everyone may read."""
    if not is_public(page, request):
        return None
    url = absolute_url(request, page.get_url(request))
    schema = {"@type": "Organization", "name": page.title, "url": url}
    description = plain_text(page.search_description or page.description)
    if description:
        schema["description"] = description
    logo_url = rendition_url(page.logo, LOGO_SPEC)
    if logo_url:
        schema["logo"] = absolute_url(request, logo_url)
    if page.email_is_public and page.contact_email:
        schema["email"] = page.contact_email
    picture = page.cover_image or page.logo
    image_url = ""
    if picture is not None:
        spec = COVER_SPEC if picture == page.cover_image else LOGO_SPEC
        image_url = rendition_url(picture, spec)
        image_url = absolute_url(request, image_url) if image_url else ""
    return PageMetadata(
        title=page.seo_title or page.title,
        url=url,
        description=description,
        image_url=image_url,
        image_alt=picture.title if image_url else "",
        schema=schema,
    )
