"""Resource search: what the viewer may read, filtered, then matched and ranked by modelsearch."""

from resources.models import ResourcePage
from search.lookups import typo_tolerant
from search.params import RESOURCE_FILTERS, SearchParams


def search_resources(user, params: SearchParams):
    """The resources matching ``params`` that ``user`` may read, best first when there is a query.

    Privacy and filters narrow the queryset before ``.search()``: the database backend keeps them as
    SQL conditions next to the full-text match, so unpublishing or restricting a page takes effect at
    once, whatever the state of the index.
    """
    resources = ResourcePage.objects.live().visible_to(user).cards()
    for parameter, keys in params.filters.items():
        field, _known = RESOURCE_FILTERS[parameter]
        # Any of the selected keys within one filter, every filter at once.
        resources = resources.filter(**{f"{field}__overlap": keys})
    if not params.q:
        return resources
    results = resources.search(params.q, operator="and")
    if results.count():
        return results
    # Nothing matches every stemmed word exactly: a misspelt word ("ressouces") still finds the
    # resources whose title holds a close word, compared by trigrams without accents, through
    # the trigram indexes (search/lookups.py) rather than modelsearch's Fuzzy, which cannot use them.
    return typo_tolerant(resources, params.q)
