"""The sitemap: Wagtail's pages, public profiles, public collections and the category pages, each
section a Django sitemap listed by the index at /sitemap.xml, in files of 10,000 addresses.

Everything listed is what anyone may read (``cms.visibility``), each with its last change."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from cms.visibility import EVERYONE, VisibilityQuerySet
from community.models import Collection
from home.categories import CATEGORIES, theme_keys
from resources.models import ResourcePage


class Section(Sitemap):
    # Django's and Wagtail's sitemaps take 0.3 ms an address here, half of it in the template: the
    # 50,000 a file that crawlers accept took 14 s to answer, 10,000 take 2.3 s (docs/architecture.md).
    limit = 10_000

    def get_latest_lastmod(self):
        # Django finds a section's latest change for the index by reading every item of the section
        # (100k pages): the index leaves it out, and each address of a section carries its own.
        return None


class PageSitemap(Section, WagtailSitemap):
    """Wagtail's sitemap of the site's pages, with the one definition of a public page. Read as plain
    pages, not ``specific()``: no page type of ours changes its sitemap entry."""

    def items(self):
        return (
            VisibilityQuerySet(Page)
            .visible_to(EVERYONE)
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
            .order_by("path")
        )


class ProfileSitemap(Section):
    """Public profiles, changed when their owner last published a public resource (or signed up)."""

    def items(self):
        return (
            get_user_model()
            .objects.filter(is_active=True, is_public=True)
            .only("slug", "date_joined")
            .order_by("pk")
        )

    @cached_property
    def latest_publications(self) -> dict[int, datetime]:
        # One grouped query for every author (1.8 s for 14,000 public profiles and 100k resources): as
        # a subquery per profile, the same list had not come after 75 s.
        public = ResourcePage.objects.visible_to(EVERYONE).filter(owner__is_public=True)
        return dict(public.values_list("owner_id").annotate(latest=Max("last_published_at")).order_by())

    def location(self, profile):
        return reverse("profile", args=[profile.slug])

    def lastmod(self, profile):
        return self.latest_publications.get(profile.pk) or profile.date_joined


class CollectionSitemap(Section):
    def items(self):
        return (
            Collection.objects.visible_to(EVERYONE)
            .filter(is_public=True)
            .only("pk", "slug", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, collection):
        return collection.updated_at


class CategorySitemap(Section):
    """The four theme categories, each changed when a public resource of its themes last was."""

    def items(self):
        public = ResourcePage.objects.visible_to(EVERYONE)
        latest = public.aggregate(
            **{
                f"category_{index}": Max("last_published_at", filter=Q(themes__overlap=theme_keys(category)))
                for index, category in enumerate(CATEGORIES.values())
            }
        )
        return [(key, latest[f"category_{index}"]) for index, key in enumerate(CATEGORIES)]

    def location(self, item):
        key, _ = item
        return reverse("home:category", kwargs={"key": key})

    def lastmod(self, item):
        _, changed_at = item
        return changed_at


SITEMAPS = {
    "pages": PageSitemap,
    "profils": ProfileSitemap,
    "collections": CollectionSitemap,
    "categories": CategorySitemap,
}
