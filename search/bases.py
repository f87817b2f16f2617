"""Base search: the live bases the viewer may read (private ones for their members only)."""

from bases.models import BasePage
from search import sorting
from search.matching import match
from search.params import BASES, SearchParams
from search.results import Results, search_key, with_match_count


def readable_bases(user):
    """A private base carries a view restriction to its groups: ``visible_to`` keeps it for them."""
    return BasePage.objects.visible_to(user)


def filter_bases(bases, filters: dict[str, list[str]]):
    if filters.get("departements"):
        bases = bases.filter(department__in=filters["departements"])
    return bases


def search_bases(user, params: SearchParams):
    """The bases matching ``params`` that ``user`` may read, in the order of ``params.sort``."""
    shown = readable_bases(user).select_related("logo").prefetch_related("logo__renditions")
    return Results(lambda: _matching_bases(user, params), shown, search_key(user, params, BASES))


def _matching_bases(user, params: SearchParams):
    key = sorting.sort_key(sorting.BASE_PROFILE_SORTS, params)
    readable, filters = readable_bases(user), params.filters_of(BASES)
    bases = with_match_count(sorting.sort_bases(filter_bases(readable.only("pk"), filters), key))
    if not params.q:
        return iter([bases])
    return match(
        bases, params.q, order_by_relevance=key == sorting.RELEVANCE, unfiltered=readable if filters else None
    )
