"""Resource search: what the viewer may read, filtered, then matched and ranked by modelsearch."""

from resources.models import ResourcePage
from search import sorting
from search.lookups import corrected_query
from search.params import RESOURCE_FILTERS, RESOURCES, SearchParams
from search.ranking import IndexMatches, Matching
from search.results import Results, search_key


def readable_resources(user):
    """The resources ``user`` may read: drafts, unpublished and restricted pages are SQL conditions."""
    return ResourcePage.objects.live().visible_to(user)


def filter_resources(resources, filters: dict[str, list[str]]):
    for parameter, keys in filters.items():
        field, _known = RESOURCE_FILTERS[parameter]
        # Any of the selected keys within one filter, every filter at once.
        resources = resources.filter(**{f"{field}__overlap": keys})
    return resources


def search_resources(user, params: SearchParams):
    """The resources matching ``params`` that ``user`` may read, in the order of ``params.sort``
    (best first by default when there is a query, newest first without one).

    Privacy and filters are SQL conditions joined to the full-text match (search/ranking.py), so
    unpublishing or restricting a page takes effect at once, whatever the state of the index.
    """
    return Results(
        lambda: _matching_resources(user, params),
        readable_resources(user).cards(),
        search_key(user, params, RESOURCES),
    )


def _matching_resources(user, params: SearchParams):
    """Ways to match ``params``, best first (see ``search.results.Results``)."""
    key = sorting.sort_key(sorting.RESOURCE_SORTS, params)
    by_relevance = key == sorting.RELEVANCE
    readable, filters = readable_resources(user), params.filters_of(RESOURCES)
    resources = sorting.sort_resources(filter_resources(readable.only("pk"), filters), key)
    if not params.q:
        yield Matching(resources, None, by_relevance)
        return
    typed = IndexMatches.typed(ResourcePage, params.q)
    yield Matching(resources, typed, by_relevance)
    # The typo fallback depends on the query alone: when only the filters leave nothing, the page says
    # so, as the filters' counts did, rather than showing loosely similar resources.
    if filters and readable.filter(pk__in=typed.ids()).exists():
        return
    # Nothing matches every stemmed word exactly: a misspelt word ("ressouces") is replaced by the
    # closest word of the index (search/lookups.py).
    yield Matching(resources, IndexMatches.stems(ResourcePage, corrected_query(params.q)), by_relevance)
