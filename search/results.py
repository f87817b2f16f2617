"""A tab's search results, counted and paged through the cache until the content they depend on changes.

Counting and ranking the tens of thousands of resources a common word matches takes a few hundred
milliseconds at 100k resources (bench/search.py). The same search asked again (the next page, another
tab's count, a popular query, the header's quick search as one types) reads its count and ids back.

Every write that can change a result (the index, pages and their restrictions, groups, taxonomy,
publishers, ratings, saves, follows) moves ``search_resultsversion`` forward in its own transaction
(search/migrations/0007), and the version is part of every key: a cached result never outlives the
content it was computed from. View counts are the exception, as they change with every visit: the
"plus vues" order may lag by up to ``TIMEOUT``. The objects shown are read afresh, from what the viewer
may read now.
"""

import hashlib
from collections.abc import Callable, Sequence
from functools import cached_property

from django.core.cache import cache
from django.db import connection

TIMEOUT = 300


def results_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM search_resultsversion")
        return cursor.fetchone()[0]


def search_key(user, params, tab: str) -> tuple:
    """What a tab's results depend on: the viewer (visitors all share one), the words, the tab's
    filters in any order, the sort."""
    viewer = user.pk if user.is_authenticated else None
    filters = tuple(
        sorted((parameter, tuple(sorted(keys))) for parameter, keys in params.filters_of(tab).items())
    )
    return (tab, viewer, params.q, filters, params.sort)


class Results(Sequence):
    """The matches ``build()`` returns (search results or a queryset, best first), counted and paged
    on their ids alone; the objects of the page shown come from ``shown``, which also carries what
    their cards need. Ranking tens of thousands of matches while carrying every card's columns cost
    several times the ranking itself."""

    def __init__(self, build: Callable, shown, key: tuple):
        self._build = build
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
    def matches(self):
        # Built on a cache miss only: choosing between the exact match and the typo fallback costs a count.
        return self._build()

    def count(self) -> int:
        return self.cached("count", lambda: self.matches.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.cached((index.start, index.stop), lambda: [item.pk for item in self.matches[index]])
        found = self.shown.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
