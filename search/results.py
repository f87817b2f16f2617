"""A tab's search results, counted and paged through the cache until the content they depend on changes.

Counting and ranking the tens of thousands of resources a common word matches takes a few hundred
milliseconds at 100k resources (bench/search.py). The same search asked again (the next page, another
tab's count, a popular query, the header's quick search as one types) reads its count and ids back.

Every write that can change a result (the index, pages and their restrictions, groups, taxonomy,
publishers, ratings, saves, follows) moves the ``search_results_version`` sequence forward
(search/migrations/0007), and the version is part of every key: a result cached before a change is
not read after it. Two exceptions, bounded by ``TIMEOUT``: view counts, which change with every visit
(the "plus vues" order may lag), and a search computed while a write is still uncommitted, which is
cached under the new version with the old content. Neither can reveal anything: the objects shown are
read afresh, from what the viewer may read now.
"""

import hashlib
from collections.abc import Callable, Sequence
from functools import cached_property

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Window

from cms.pagination import PER_PAGE

TIMEOUT = 300


def results_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM search_results_version")
        return cursor.fetchone()[0]


def search_key(user, params, tab: str) -> tuple:
    """What a tab's results depend on: the viewer (visitors all share one), the words, the tab's
    filters in any order, the sort."""
    viewer = user.pk if user.is_authenticated else None
    filters = tuple(
        sorted((parameter, tuple(sorted(keys))) for parameter, keys in params.filters_of(tab).items())
    )
    return (tab, viewer, params.q, filters, params.sort)


def with_match_count(queryset):
    """``queryset`` with each row carrying how many rows match (``count(*) OVER ()``): the query of
    the first page then counts the matches in the same pass as it ranks them."""
    return queryset.annotate(match_count=Window(Count("pk")))


class Results(Sequence):
    """A tab's matches, counted and paged on their ids alone; the objects of the page shown come from
    ``shown``, which also carries what their cards need. Ranking tens of thousands of matches while
    carrying every card's columns cost several times the ranking itself.

    ``alternatives()`` yields ways to match, best first (the exact words, then the typo fallback), each
    built with ``with_match_count``: the first one whose first page is not empty is used, else the
    last one. Its first page gives the count too, so a new search costs one ranking query."""

    def __init__(self, alternatives: Callable, shown, key: tuple):
        self._alternatives = alternatives
        self.shown = shown
        self.key = key

    @cached_property
    def version(self) -> int:
        return results_version()

    def cached(self, part, compute: Callable):
        """``compute()``, or what it gave for this search since the content last changed."""
        key = "search:" + hashlib.sha256(repr((self.version, self.key, part)).encode()).hexdigest()
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, TIMEOUT)
        return value

    @cached_property
    def _chosen(self) -> tuple:
        for matches in self._alternatives():
            first_page = list(matches[:PER_PAGE])
            if first_page:
                break
        return matches, first_page

    @property
    def matches(self):
        """The matches used, for the facet counts (search/facets.py) to match the same way."""
        return self._chosen[0]

    def _first_page(self) -> tuple[int, list]:
        rows = self._chosen[1]
        return (rows[0].match_count if rows else 0), [row.pk for row in rows]

    def count(self) -> int:
        return self.cached("first page", self._first_page)[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if (index.start or 0) >= 0 and index.stop is not None and index.stop <= PER_PAGE:
            ids = self.cached("first page", self._first_page)[1][index]
        else:
            ids = self.cached((index.start, index.stop), lambda: [item.pk for item in self.matches[index]])
        found = self.shown.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
