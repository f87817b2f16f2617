"""The latest public resources as RSS 2.0 and Atom feeds: of the whole site, a base, a profile, a theme
and a category. Public is ``visible_to(EVERYONE)``: a feed is the same for every reader, so that an edge
may keep it, and what it names is what anyone may read."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from bases.models import BasePage
from cms.visibility import EVERYONE
from home.categories import CATEGORIES, theme_keys
from resources import taxonomy
from resources.models import ResourcePage

ITEMS = 30
SITE_NAME = "Les Bases du numérique d'intérêt général"
THEMES = {theme["key"]: theme for category in CATEGORIES.values() for theme in category["themes"]}
THEME_LABELS = {key: theme["label"] for key, theme in THEMES.items()}
LICENCE_LABELS = dict(taxonomy.LICENCE_CHOICES)


@dataclass
class Target:
    """What a feed is of (a base, a profile, a theme, a category, or None for the site's), and the request."""

    obj: object
    request: object


class RssWithRights(Rss201rev2Feed):
    """RSS 2.0 has no licence per item: Dublin Core's ``rights`` says it, as Atom's ``rights`` does."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["item_copyright"] is not None:
            handler.addQuickElement("dc:rights", item["item_copyright"])


class ResourcesFeed(Feed):
    """The site's latest public resources; subclasses narrow them to the object their URL names, and
    say it (``of``) in the feed's title and description."""

    feed_type = RssWithRights

    def get_feed(self, obj, request):
        # Each item's address is read with the request, whose cached site root paths then serve them all.
        return super().get_feed(Target(obj, request), request)

    def of(self, obj) -> str:
        return ""

    def page(self, obj, request) -> str:
        """The page of the site that lists the feed's resources."""
        return "/"

    def resources(self, obj):
        return ResourcePage.objects.visible_to(EVERYONE)

    def title(self, target):
        return f"Les dernières ressources{self.of(target.obj)} — {SITE_NAME}"

    def description(self, target):
        return f"Les dernières ressources publiques{self.of(target.obj)} sur Les Bases."

    def link(self, target):
        return self.page(target.obj, target.request)

    def items(self, target):
        # Without the body, which a feed does not show: the latest are sorted out of every public
        # resource, and the rows carried through that sort are half as heavy (docs/opendata.md).
        resources = self.resources(target.obj).defer("body").select_related("owner").with_base_title()
        resources = list(resources.order_by("-first_published_at", "-pk")[:ITEMS])
        for resource in resources:
            resource.feed_link = resource.get_url(target.request)
        return resources

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.feed_link

    def item_author_name(self, item):
        return item.base_title or (item.owner.public_name if item.owner else None)

    def item_categories(self, item):
        return [THEME_LABELS[key] for key in item.themes if key in THEME_LABELS]

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_copyright(self, item):
        return LICENCE_LABELS.get(item.licence)


class BaseFeed(ResourcesFeed):
    def get_object(self, request, slug):
        base = BasePage.objects.visible_to(EVERYONE).filter(slug=slug).first()
        if base is None:
            raise Http404
        return base

    def of(self, obj):
        return f" de la base {obj.title}"

    def page(self, obj, request):
        return obj.get_url(request)

    def resources(self, obj):
        return super().resources(obj).child_of(obj)


class ProfileFeed(ResourcesFeed):
    def get_object(self, request, slug):
        user = get_user_model().objects.filter(slug=slug, is_active=True, is_public=True).first()
        if user is None:
            raise Http404
        return user

    def of(self, obj):
        return f" de {obj.get_full_name()}"

    def page(self, obj, request):
        return reverse("profile", args=[obj.slug])

    def resources(self, obj):
        return super().resources(obj).filter(owner=obj)


class ThemeFeed(ResourcesFeed):
    def get_object(self, request, key):
        if key not in THEMES:
            raise Http404
        return THEMES[key]

    def of(self, obj):
        return f" de la thématique {obj['label']}"

    def page(self, obj, request):
        return taxonomy.search_url("themes", obj["key"])

    def resources(self, obj):
        return super().resources(obj).filter(themes__contains=[obj["key"]])


class CategoryFeed(ResourcesFeed):
    def get_object(self, request, key):
        if key not in CATEGORIES:
            raise Http404
        return CATEGORIES[key]

    def of(self, obj):
        return f" de la catégorie {obj['label']}"

    def page(self, obj, request):
        return reverse("home:category", kwargs={"key": obj["key"]})

    def resources(self, obj):
        return super().resources(obj).filter(themes__overlap=theme_keys(obj))


def atom(feed_class):
    """The same feed in Atom 1.0 (its ``subtitle`` is the RSS description)."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )


FEEDS = {
    "site": ResourcesFeed,
    "base": BaseFeed,
    "profile": ProfileFeed,
    "theme": ThemeFeed,
    "category": CategoryFeed,
}
