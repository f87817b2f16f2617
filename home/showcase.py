"""What the home page shows: the category cards with their counts, and the featured and latest items.

Each part is one query (plus one for the renditions of all the cover images), whatever the
number of items; every listing goes through ``visible_to`` so that nobody sees what they may not read.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, prefetch_related_objects
from django.utils.functional import cached_property

from bases.models import BasePage
from cms.visibility import EVERYONE
from resources.models import ResourcePage
from resources.taxonomy import THEMES

LATEST_COUNT = 8

# The category pages live at /<category key>/; their cards say in a sentence what they hold.
CATEGORY_SUMMARIES = {
    "inclusion-numerique": "Accompagner chacun vers l'autonomie numérique : démarches, outils, "
    "accessibilité, santé, parentalité.",
    "culture-numerique": "Comprendre le numérique et s'en saisir : médias, données, intelligence "
    "artificielle, création, citoyenneté.",
    "communs-et-souverainete": "Construire et partager des communs : logiciels libres, gouvernance "
    "partagée, hébergement des données.",
    "numerique-et-environnement": "Un numérique plus sobre : matériel reconditionné, écoconception, "
    "usages responsables.",
}


def category_cards(public_resources) -> list[dict]:
    """The four categories with the number of ``public_resources`` filed under one of their themes,
    counted in one aggregate query."""
    categories = THEMES["categories"]
    counts = public_resources.aggregate(
        **{
            category["key"]: Count(
                "pk", filter=Q(themes__overlap=[theme["key"] for theme in category["themes"]])
            )
            for category in categories
        }
    )
    return [
        {
            "key": category["key"],
            "label": category["label"],
            "summary": CATEGORY_SUMMARIES.get(category["key"], ""),
            "url": f"/{category['key']}/",
            "count": counts[category["key"]],
        }
        for category in categories
    ]


def _in_chosen_order(items, ids: list[int]) -> list:
    by_pk = {item.pk: item for item in items}
    return [by_pk[pk] for pk in ids if pk in by_pk]


class Showcase:
    """What the home page shows besides its sections, for ``user``, each part computed when the page's
    template first reads it: an anonymous visitor's page is mostly served from its cached fragment
    (home_page.html), which reads none of them."""

    def __init__(self, home, user):
        self.home, self.user = home, user
        self.visible = ResourcePage.objects.visible_to(user)

    @cached_property
    def categories(self) -> list[dict]:
        # What a visitor may read is what is public: their counts need no query of their own.
        public = ResourcePage.objects.visible_to(EVERYONE) if self.user.is_authenticated else self.visible
        return category_cards(public)

    @cached_property
    def _resource_cards(self) -> tuple[list, list]:
        # Read from the page rather than joined, so that a preview shows the choice being edited.
        resource_ids = [item.resource_id for item in self.home.featured_resources.all()]
        cards = self.visible.cards().prefetch_related(None)
        featured = _in_chosen_order(cards.filter(pk__in=resource_ids), resource_ids)
        latest = list(cards[:LATEST_COUNT])
        # The cover images of every card get their renditions in one query.
        prefetch_related_objects([*featured, *latest], "cover_image__renditions")
        return featured, latest

    @property
    def featured_resources(self) -> list:
        return self._resource_cards[0]

    @property
    def latest_resources(self) -> list:
        return self._resource_cards[1]

    @cached_property
    def featured_bases(self) -> list:
        base_ids = [item.base_id for item in self.home.featured_bases.all()]
        if not base_ids:
            return []
        return _in_chosen_order(BasePage.objects.visible_to(self.user).filter(pk__in=base_ids), base_ids)

    @cached_property
    def featured_profiles(self) -> list:
        profile_ids = [item.profile_id for item in self.home.featured_profiles.all()]
        profiles = get_user_model().objects.filter(is_active=True, is_public=True, pk__in=profile_ids)
        return _in_chosen_order(profiles, profile_ids)
