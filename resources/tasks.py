import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from resources.link_preview import (
    PreviewError,
    favicon_picture,
    fetch_image,
    fetch_preview,
    preview_picture,
)
from resources.models import LinkPreview

URL_MAX = LinkPreview._meta.get_field("url").max_length


@task(backend="background")
def fetch_link_preview(url: str) -> bool:
    """Fetch and store the preview of ``url`` with our own copy of its image; a failure is stored
    too, and the link stays plain. A picture that cannot be fetched or read only goes missing."""
    try:
        preview = fetch_preview(url)
    except PreviewError:
        fields = {"failed": True}
    else:
        fields = {
            "title": preview.title,
            "description": preview.description,
            "image": _picture(url, preview.image_url),
            "failed": False,
        }
    LinkPreview.objects.update_or_create(url=url, defaults={**fields, "fetched_at": timezone.now()})
    return not fields["failed"]


@task(backend="background")
def fetch_link_pictures(url: str, image_url: str, favicon_url: str) -> bool:
    """Our own copies of the image and icon that a preview stored elsewhere names (La Base's, imported
    with their addresses): fetched like those of ``fetch_link_preview``, each only while missing. A
    picture that cannot be fetched or read only goes missing."""
    preview = LinkPreview.objects.filter(url=url).first()
    if preview is None:
        return False
    if image_url and not preview.image:
        preview.image = _picture(url, image_url)
    if favicon_url and not preview.favicon:
        preview.favicon = _picture(url, favicon_url, favicon_picture, suffix="-icone")
    preview.save()
    return bool(preview.image or preview.favicon)


def _picture(url: str, image_url: str, reencode=preview_picture, suffix="") -> ContentFile | None:
    if not image_url:
        return None
    try:
        picture = reencode(fetch_image(image_url))
    except PreviewError:
        return None
    return ContentFile(picture, name=f"{hashlib.sha256(url.encode()).hexdigest()[:32]}{suffix}.webp")


def enqueue_link_previews(page) -> None:
    """Ask for the previews a resource's link blocks want and that were never fetched."""
    urls = {url for url in page.previewed_urls() if len(url) <= URL_MAX}
    known = set(LinkPreview.objects.filter(url__in=urls).values_list("url", flat=True))
    for url in sorted(urls - known):
        fetch_link_preview.enqueue(url)
