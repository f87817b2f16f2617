"""Resource search: what the viewer may read, filtered, then matched and ranked by modelsearch."""

from django.db.models import BooleanField, F, Func, Q
from django.db.models.lookups import In

from cms.visibility import readable_ids
from resources.models import ResourcePage
from search import sorting
from search.lookups import corrected_query
from search.params import RESOURCE_FILTERS, RESOURCES, SearchParams
from search.ranking import IndexMatches, Matching
from search.results import Results, search_key


def readable_resources(user):
    """The resources ``user`` may read: drafts, unpublished and restricted pages are SQL conditions."""
    return ResourcePage.objects.visible_to(user)


def filter_resources(resources, filters: dict[str, list[str]]):
    for parameter, keys in filters.items():
        field, _known = RESOURCE_FILTERS[parameter]
        # Any of the selected keys within one filter, every filter at once.
        resources = resources.filter(**{f"{field}__overlap": keys})
    return resources


def readable_entries(user, filters: dict[str, list[str]]) -> Q:
    """The resources of ``filter_resources(readable_resources(user), filters)``, as conditions on the
    object id of their index entries (search/ranking.py)."""
    conditions = readable_ids(user, "object_pk")
    if filters:
        filtered = In(F("object_pk"), filter_resources(ResourcePage.objects.order_by(), filters).values("pk"))
        # IS TRUE keeps the filtered resources a subquery that PostgreSQL hashes once: a plain IN is
        # turned into a join, which it planned entry by entry (« numérique » and a type, in SQL: 180 → 120 ms).
        conditions &= Q(Func(filtered, template="(%(expressions)s) IS TRUE", output_field=BooleanField()))
    return conditions


def search_resources(user, params: SearchParams):
    """The resources matching ``params`` that ``user`` may read, in the order of ``params.sort``
    (best first by default when there is a query, newest first without one).

    Privacy and filters are SQL conditions on the full-text match (search/ranking.py), so
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
    entries = readable_entries(user, filters)
    if not params.q:
        yield Matching(resources, entries, None, by_relevance)
        return
    typed = IndexMatches.typed(ResourcePage, params.q)
    yield Matching(resources, entries, typed, by_relevance)
    # The typo fallback depends on the query alone: when only the filters leave nothing, the page says
    # so, as the filters' counts did, rather than showing loosely similar resources.
    if filters and readable.filter(pk__in=typed.ids()).exists():
        return
    # Nothing matches every stemmed word exactly: a misspelt word ("ressouces") is replaced by the
    # closest word of the index (search/lookups.py).
    yield Matching(
        resources, entries, IndexMatches.stems(ResourcePage, corrected_query(params.q)), by_relevance
    )
