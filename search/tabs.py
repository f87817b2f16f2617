"""The three tabs of ``/rechercher/``: what each one searches, what a viewer may read of it, how its
filters apply, its sorts and its cards. The search's only knowledge of the other apps' models, with
search/sorting.py."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.fields import ArrayField
from django.db.models import Q

from accounts.models import User
from bases.models import BasePage
from cms.visibility import readable_ids
from resources.models import ResourcePage
from search import sorting
from search.matching import among
from search.params import BASES, FILTERS, PROFILES, RESOURCES, TAB_FILTERS
from search.params import TABS as LABELS


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    model: type
    # user → what the user may read, as a queryset of ``model``.
    readable: Callable
    # user → the same, as conditions on the ``object_pk`` of index entries (search/matching.py).
    readable_entries: Callable[..., Q]
    # user → the objects as their cards show them (what they need, read in a fixed number of queries).
    cards: Callable
    # (queryset, sort key) → the queryset in that order; relevance is the index's.
    sort: Callable
    sorts: dict[str, str]
    card: str
    empty: str

    @property
    def filters(self) -> list[str]:
        return TAB_FILTERS[self.key]

    def filter(self, objects, filters: dict[str, list[str]]):
        """``objects`` with any of the selected keys of each filter, every filter at once."""
        for parameter, keys in filters.items():
            name = FILTERS[parameter][0]
            lookup = "overlap" if isinstance(self.model._meta.get_field(name), ArrayField) else "in"
            objects = objects.filter(**{f"{name}__{lookup}": keys})
        return objects

    def entry_conditions(self, user, filters: dict[str, list[str]]) -> Q:
        """What ``user`` may read with ``filters`` applied, as conditions on index entries."""
        conditions = self.readable_entries(user)
        if filters:
            conditions &= among(self.filter(self.model.objects.all(), filters))
        return conditions


def readable_pages(model) -> Callable:
    """Drafts, unpublished pages and pages under a view restriction that keeps ``user`` out are left out."""
    return lambda user: model.objects.visible_to(user)


def listed_profiles(_user=None):
    """A private profile shows only a name to whoever opens it: it is never listed, even to its owner."""
    return User.objects.filter(is_public=True, is_active=True)


def readable_page_entries(user) -> Q:
    """``visible_to(user)`` as conditions on the entries: the few pages not live or hidden are
    excluded, so that a word found in most resources need not first gather every readable one."""
    return readable_ids(user, "object_pk")


TABS = {
    RESOURCES: Tab(
        key=RESOURCES,
        label=LABELS[RESOURCES],
        model=ResourcePage,
        readable=readable_pages(ResourcePage),
        readable_entries=readable_page_entries,
        cards=lambda user: readable_pages(ResourcePage)(user).cards(),
        sort=sorting.sort_resources,
        sorts=sorting.RESOURCE_SORTS,
        card="includes/resource_card.html",
        empty="Aucune ressource ne correspond à votre recherche.",
    ),
    BASES: Tab(
        key=BASES,
        label=LABELS[BASES],
        model=BasePage,
        # A private base carries a view restriction to its groups: ``visible_to`` keeps it for them.
        readable=readable_pages(BasePage),
        readable_entries=readable_page_entries,
        cards=lambda user: (
            readable_pages(BasePage)(user).select_related("logo").prefetch_related("logo__renditions")
        ),
        sort=sorting.sort_bases,
        sorts=sorting.BASE_PROFILE_SORTS,
        card="includes/base_card.html",
        empty="Aucune base ne correspond à votre recherche.",
    ),
    PROFILES: Tab(
        key=PROFILES,
        label=LABELS[PROFILES],
        model=User,
        readable=listed_profiles,
        readable_entries=lambda _user: among(listed_profiles()),
        cards=listed_profiles,
        sort=sorting.sort_profiles,
        sorts=sorting.BASE_PROFILE_SORTS,
        card="includes/profile_card.html",
        empty="Aucun profil ne correspond à votre recherche.",
    ),
}
