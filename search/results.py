"""A tab's results for one viewer: matched, counted and paged, in that order, each step a query.

With a query, the index matches the words as typed (French stems without accents); when nothing
matches them, and not merely because of the filters, each word is replaced by the closest word of the
index's vocabulary and matched again (``with_typo_fallback``). Sorted by relevance, the index ranks the
matches (search/matching.py); otherwise the readable objects are sorted among the matched ids. Only
ids and the total go through the ranking: the objects of the page shown are read afterwards, from
what the viewer may read.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

from cms.pagination import PER_PAGE
from search.matching import Match, Row
from search.params import SearchParams
from search.sorting import RELEVANCE, sort_key
from search.tabs import Tab


@dataclass(frozen=True)
class Found:
    # The page shown: its objects, the count and the number of pages (``page.paginator``).
    page: Page
    # How the query matched (as typed, or corrected), for the facet counts; None without a query.
    match: Match | None


def find(tab: Tab, user, params: SearchParams, number=1, per_page: int = PER_PAGE) -> Found:
    """Page ``number`` of the results of ``params`` in ``tab`` that ``user`` may read; a malformed or
    out-of-range ``number`` gives the nearest page. The first page's query also counts the matches."""
    filters, sort = params.filters_of(tab.key), sort_key(tab.sorts, params)

    def rows(match, start, stop) -> list[Row]:
        return _rows(tab, user, filters, sort, match, start, stop)

    if params.q:
        match, first = with_typo_fallback(
            tab, user, filters, params.q, lambda match: rows(match, 0, per_page)
        )
    else:
        match, first = None, rows(None, 0, per_page)
    page = Paginator(range(first[0].total if first else 0), per_page).get_page(number)
    shown = first if page.number == 1 else rows(match, page.start_index() - 1, page.end_index())
    cards = tab.cards(user).in_bulk([row.pk for row in shown])
    # The cards are read from what the viewer may read now: an object hidden since it matched is left out.
    page.object_list = [cards[row.pk] for row in shown if row.pk in cards]
    return Found(page, match)


def count(tab: Tab, user, params: SearchParams) -> int:
    """How many results ``params`` gives in ``tab`` to ``user`` (the other tabs' counts)."""
    filters = params.filters_of(tab.key)
    if not params.q:
        return tab.filter(tab.readable(user), filters).count()
    conditions = tab.entry_conditions(user, filters)
    _match, total = with_typo_fallback(tab, user, filters, params.q, lambda match: match.count(conditions))
    return total


def matched(tab: Tab, user, match: Match | None):
    """What ``user`` may read in ``tab`` that ``match`` holds, whatever the filters (the facet counts)."""
    readable = tab.readable(user)
    return readable if match is None else readable.filter(pk__in=match.ids())


def with_typo_fallback(tab: Tab, user, filters, query: str, attempt: Callable):
    """``(match, attempt(match))`` for the words of ``query`` as typed; when that finds nothing, for its
    words corrected. The fallback depends on the query alone: when the words as typed match what the
    viewer may read and only the filters leave nothing, the page says so, as the filters' counts did,
    rather than showing loosely similar results."""
    typed = Match.typed(tab.model, query)
    result = attempt(typed)
    if result or (filters and tab.readable(user).filter(pk__in=typed.ids()).exists()):
        return typed, result
    corrected = Match.corrected(tab.model, query)
    return corrected, attempt(corrected)


def _rows(tab: Tab, user, filters, sort: str, match: Match | None, start: int, stop: int) -> list[Row]:
    if match is not None and sort == RELEVANCE:
        return match.ranked(tab.entry_conditions(user, filters), start, stop)
    objects = tab.sort(tab.filter(tab.readable(user), filters), sort)
    if match is not None:
        objects = objects.filter(pk__in=match.ids())
    # The count in the same pass as the page: ``count(*) OVER ()`` on each row.
    rows = objects.annotate(total=Window(Count("pk"))).values_list("pk", "total")[start:stop]
    return [Row(*row) for row in rows]
