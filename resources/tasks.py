from dataclasses import asdict

from django.utils import timezone
from django_tasks import task

from resources.link_preview import PreviewError, fetch_preview
from resources.models import LinkPreview

URL_MAX = LinkPreview._meta.get_field("url").max_length


@task(backend="background")
def fetch_link_preview(url: str) -> bool:
    """Fetch and store the preview of ``url``; a failure is stored too, and the link stays plain."""
    try:
        preview = asdict(fetch_preview(url))
    except PreviewError:
        fields = {"failed": True}
    else:
        fields = {**preview, "failed": False}
        # A picture whose address does not fit is dropped rather than the whole preview.
        for name in ("image_url", "favicon_url"):
            fields[name] = fields[name] if len(fields[name]) <= URL_MAX else ""
    LinkPreview.objects.update_or_create(url=url, defaults={**fields, "fetched_at": timezone.now()})
    return not fields["failed"]


def enqueue_link_previews(page) -> None:
    """Ask for the previews a resource's link blocks want and that were never fetched."""
    urls = {url for url in page.previewed_urls() if len(url) <= URL_MAX}
    known = set(LinkPreview.objects.filter(url__in=urls).values_list("url", flat=True))
    for url in sorted(urls - known):
        fetch_link_preview.enqueue(url)
