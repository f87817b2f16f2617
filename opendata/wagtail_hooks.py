from django.urls import reverse
from wagtail import hooks

from cms import edge_cache
from opendata.sitemaps import SITEMAPS


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def sitemaps(pages):
    """The sitemap lists every public page: a page published, made private or moved changes it (profiles
    and collections, whose changes are no page's, are listed anew when the edge's copy expires)."""
    return [
        reverse("opendata:sitemap"),
        *(reverse("opendata:sitemap_section", kwargs={"section": section}) for section in SITEMAPS),
    ]
