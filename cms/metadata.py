"""What a page tells the open web of itself besides its content: its canonical address, the preview
that social networks and messengers draw from OpenGraph and Twitter card tags, and schema.org data
(JSON-LD) for search engines. Each app builds a page's ``PageMetadata`` from what anyone may read of
it (``cms.visibility``); ``templates/includes/metadata.html`` writes it in the page's head."""

import json
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail.models import Page, Site

from cms.visibility import EVERYONE, VisibilityQuerySet

# The length previews show of a description.
DESCRIPTION_LENGTH = 300


def absolute_url(request, path: str) -> str:
    """``path`` at the site's public address, as Wagtail writes it in e-mails (``Site.root_url``)."""
    if path.startswith(("http://", "https://")):
        return path
    site = Site.find_for_request(request)
    root = site.root_url if site else f"{request.scheme}://{request.get_host()}"
    return f"{root}{path}"


def is_public(page, request) -> bool:
    """Whether anyone may read ``page``. A visitor who is not signed in was served it by Wagtail, which
    serves them public pages only, unless through a share link or in a preview: no query for them."""
    if not (
        request.user.is_authenticated
        or getattr(request, "shared_page_id", None)
        or getattr(request, "is_preview", False)
    ):
        return True
    return VisibilityQuerySet(Page).visible_to(EVERYONE).filter(pk=page.pk).exists()


def plain_text(html_or_text: str) -> str:
    return Truncator(" ".join(strip_tags(html_or_text).split())).chars(DESCRIPTION_LENGTH)


@dataclass
class PageMetadata:
    title: str
    url: str
    description: str = ""
    image_url: str = ""
    image_alt: str = ""
    # OpenGraph's kind of object: "article" for a resource, "profile", else "website".
    kind: str = "website"
    schema: dict = field(default_factory=dict)

    @property
    def json_ld(self) -> SafeString:
        """The schema.org object as a JSON-LD script, escaped so that no text of it can close the tag."""
        data = json.dumps({"@context": "https://schema.org", **self.schema}, ensure_ascii=False)
        escaped = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return mark_safe(f'<script type="application/ld+json">{escaped}</script>')
