from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page

from bases.models import BasePage
from cms import edge_cache
from home.categories import CATEGORIES
from opendata.feeds import THEMES
from opendata.sitemaps import SITEMAPS
from resources.models import ResourcePage

API_LISTINGS = ("opendata:api:pages:listing", "opendata:api:images:listing", "opendata:api:documents:listing")


def _feeds(kind: str, *args) -> list[str]:
    return [reverse(f"opendata:{kind}_feed", args=args), reverse(f"opendata:{kind}_atom_feed", args=args)]


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def feeds_markdown_and_api(pages):
    """What shows these pages to the open web, in two queries: the site's, themes' and categories'
    feeds, those of their bases and authors, their Markdown and the API (a listing with all its query
    strings, each page's detail). The export changes once a day, by itself."""
    resources = [page for page in pages if isinstance(page, ResourcePage)]
    bases = [page for page in pages if isinstance(page, BasePage)]
    parent_paths = {page.path[: -Page.steplen] for page in resources}
    base_rows = {(base.pk, base.slug) for base in bases}
    base_rows |= set(BasePage.objects.filter(path__in=parent_paths).values_list("pk", "slug"))
    owner_slugs = get_user_model().objects.filter(pk__in={page.owner_id for page in resources})
    return [
        *_feeds("site"),
        *(path for key in CATEGORIES for path in _feeds("category", key)),
        *(path for key in THEMES for path in _feeds("theme", key)),
        *(path for _pk, slug in base_rows for path in _feeds("base", slug)),
        *(path for slug in owner_slugs.values_list("slug", flat=True) for path in _feeds("profile", slug)),
        *(reverse("opendata:resource_markdown", args=[page.pk]) for page in resources),
        *(reverse("opendata:base_markdown", args=[pk]) for pk, _slug in base_rows),
        *(reverse(name) for name in API_LISTINGS),
        *(reverse("opendata:api:pages:detail", args=[page.pk]) for page in pages),
    ]


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def sitemaps(pages):
    """The sitemap lists every public page: a page published, made private or moved changes it (profiles
    and collections, whose changes are no page's, are listed anew when the edge's copy expires)."""
    return [
        reverse("opendata:sitemap"),
        *(reverse("opendata:sitemap_section", kwargs={"section": section}) for section in SITEMAPS),
    ]
