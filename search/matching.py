"""Matching a query with modelsearch, shared by the three kinds of results."""

from modelsearch.query import Fuzzy
from wagtail.search.backends import get_search_backend


def match(queryset, q: str, order_by_relevance: bool, unfiltered=None):
    """Ways to narrow ``queryset`` to ``q``, best first (see ``search.results.Results``): the objects
    matching every stemmed word of ``q``; else those whose text holds close words (trigrams without
    accents), so that a misspelt name is still found.

    ``queryset`` is already filtered and ordered: the backend keeps both as SQL next to the match. The
    fallback depends on the query alone: if ``unfiltered`` (``queryset`` before the visitor's filters)
    matches exactly, only the filters leave nothing, and the page says so as the filters' counts did."""
    backend = get_search_backend()
    yield backend.search(q, queryset, operator="and", order_by_relevance=order_by_relevance)
    if unfiltered is None or not backend.search(q, unfiltered, operator="and").count():
        yield backend.search(Fuzzy(q, unaccent=True), queryset, order_by_relevance=order_by_relevance)
