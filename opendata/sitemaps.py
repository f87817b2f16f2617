"""The sitemap: Wagtail's pages, public profiles, public collections and the category pages, each
section a Django sitemap listed by the index at /sitemap.xml (a section holds at most 50,000 addresses
a file: at 100k resources, the pages' section is two files).

Everything listed is what anyone may read (``cms.visibility``), each with its last change."""

from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from cms.visibility import EVERYONE, VisibilityQuerySet
from community.models import Collection
from home.categories import CATEGORIES, theme_keys
from resources.models import ResourcePage


class Section(Sitemap):
    def get_latest_lastmod(self):
        # Django finds a section's latest change for the index by reading every item of the section
        # (100k pages): the index leaves it out, and each address of a section carries its own.
        return None


class PageSitemap(Section, WagtailSitemap):
    """Wagtail's sitemap of the site's pages, with the one definition of a public page."""

    def items(self):
        return (
            VisibilityQuerySet(Page)
            .visible_to(EVERYONE)
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class ProfileSitemap(Section):
    """Public profiles, changed when their owner last published a public resource (or signed up)."""

    def items(self):
        latest_resource = (
            ResourcePage.objects.visible_to(EVERYONE)
            .filter(owner=OuterRef("pk"))
            .order_by("-last_published_at")
            .values("last_published_at")[:1]
        )
        return (
            get_user_model()
            .objects.filter(is_active=True, is_public=True)
            .annotate(changed_at=Coalesce(Subquery(latest_resource), "date_joined"))
            .only("slug", "date_joined")
            .order_by("pk")
        )

    def location(self, profile):
        return reverse("profile", args=[profile.slug])

    def lastmod(self, profile):
        return profile.changed_at


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
