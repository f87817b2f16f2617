"""Resources matching a query: found and ranked on modelsearch's index entries, among those the viewer
may read.

modelsearch's own query joins every readable resource to its index entry (through a text cast of the
id) before it matches, then carries each entry's vectors through the count and the ranking: a word
found in tens of thousands of resources took ~500 ms at 100k resources (bench/search.py). Here the
entries are matched through the full-text index, narrowed to what the viewer may read by conditions on
their object id (the few pages not live or hidden are excluded: gathering every readable resource to
join them cost more than the matching), and ranked, in a subquery that yields only ids and ranks. The
query's parsing, configuration, weights and rank formula stay modelsearch's (``build_tsquery``,
``build_tsrank``, ``title_norm``); SQL only to fence that subquery, which the ORM cannot write.

A query of one word found in most resources reads that word's kept ranks instead (search/word_ranks.py),
best first from an index, under the same conditions: the same results in the same order, without
computing a rank for each of its tens of thousands of matches.
"""

from collections import namedtuple
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Count, F, Func, IntegerField, Q, Value, Window
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends import get_search_backend

from search.models import FrequentWord, WordRank
from search.results import with_match_count

# The document of the full-text index (search/migrations/0004), written as it is there so that
# PostgreSQL uses the index.
DOCUMENT = Func(
    F("title"), F("body"), template="(%(expressions)s)", arg_joiner=" || ", output_field=SearchVectorField()
)

# modelsearch keeps ids as text: the integer id is what joins to the objects' primary keys.
OBJECT_PK = Cast("object_id", IntegerField())

Match = namedtuple("Match", ["pk", "match_count"])


class IndexMatches:
    """The index entries of ``model`` that a text search query matches, each with its rank:
    modelsearch's formula, the title's rank weighted by the title's length (``title_norm``) plus the
    rank of the rest. ``words`` None matches nothing."""

    def __init__(self, model, words, title_rank=None, body_rank=None):
        self.model = model
        self.words = words
        self.rank = None if words is None else title_rank * F("title_norm") + body_rank

    @classmethod
    def typed(cls, model, query: str):
        """Every word of ``query`` as modelsearch reads it (French stems without accents)."""
        backend = get_search_backend()
        compiler = backend.query_compiler_class(model.objects.none(), query, operator="and")
        words = compiler.build_tsquery(compiler.query, config=backend.config)
        if words is None:
            return cls(model, None)
        ranks = (
            compiler.build_tsrank(F(vector), compiler.query, config=backend.config)
            for vector in ("title", "body")
        )
        return cls(model, words, *ranks)

    @classmethod
    def stems(cls, model, stems: str | None):
        """The text search query ``stems`` (``to_tsquery`` syntax), of words as the index holds them:
        the "simple" configuration takes them as they are."""
        if stems is None:
            return cls(model, None)
        words = SearchQuery(stems, search_type="raw", config="simple")
        weights = get_sql_weights()
        return cls(
            model, words, *(SearchRank(F(vector), words, weights=weights) for vector in ("title", "body"))
        )

    @cached_property
    def kept_ranks(self):
        """The ``WordRank`` rows of the query's word when it is a single frequent word whose ranks were
        kept with the weights modelsearch ranks with today (search/word_ranks.py); None otherwise."""
        if self.words is None:
            return None
        content_types = get_descendants_content_types_pks(self.model)
        word = (
            FrequentWord.objects.filter(content_type_id__in=content_types, weights=get_sql_weights())
            .alias(
                lexeme=Func(
                    Func(F("word"), template="ARRAY[%(expressions)s]"),
                    function="array_to_tsvector",
                    output_field=SearchVectorField(),
                ),
                query_words=Func(self.words, function="numnode", output_field=IntegerField()),
            )
            .filter(query_words=1, lexeme=self.words)
            .values_list("word", flat=True)
            .first()
        )
        if word is None:
            return None
        return WordRank.objects.filter(content_type_id__in=content_types, word=word)

    def entries(self):
        """The matched entries, each with its object's integer id, ``object_pk``."""
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.model)
        ).annotate(object_pk=OBJECT_PK)
        if self.words is None:
            # Not ``none()``: the facet counts use the entries as an SQL subquery, which ``none()`` has not.
            return entries.filter(Value(False))
        return entries.alias(document=DOCUMENT).filter(document=self.words)

    def ids(self):
        """The matched objects' ids, as a subquery."""
        if self.kept_ranks is not None:
            return self.kept_ranks.values("object_pk")
        return self.entries().values("object_pk")


class Matching:
    """One way to match a search: the ``readable`` objects (filtered, in the order of the visitor's
    sort) that ``matches`` (``IndexMatches``, or None for no query) holds, best ranked first when
    ``by_relevance``. The ranking finds the same objects among the matched entries by
    ``readable_entries``, conditions on their ``object_pk``. Slices are lists of ``Match`` rows: the
    id, and how many objects match."""

    def __init__(self, readable, readable_entries: Q, matches: IndexMatches | None, by_relevance: bool):
        self.readable = readable
        self.readable_entries = readable_entries
        self.matches = matches
        self.by_relevance = by_relevance and matches is not None and matches.words is not None

    def among(self, candidates):
        """``candidates`` narrowed to the matches, for the facet counts."""
        return candidates if self.matches is None else candidates.filter(pk__in=self.matches.ids())

    def __getitem__(self, index: slice) -> list[Match]:
        if not self.by_relevance:
            rows = with_match_count(self.among(self.readable))[index]
            return [Match(row.pk, row.match_count) for row in rows]
        return self._ranked(index.start or 0, index.stop)

    def _ranked(self, start: int, stop: int | None) -> list[Match]:
        if self.matches.kept_ranks is not None:
            rows = (
                self.matches.kept_ranks.filter(self.readable_entries)
                .order_by("-rank", "-object_pk")
                .annotate(match_count=Window(Count("*")))
                .values_list("object_pk", "match_count")
            )
            return [Match(*row) for row in rows[start:stop]]
        # OFFSET 0 keeps the ranks computed in the subquery, as the entries are read: PostgreSQL would
        # otherwise compute them after the window count, carrying every entry's vectors through it.
        entries = (
            self.matches.entries().filter(self.readable_entries).values("object_pk", rank=self.matches.rank)
        )
        entries_sql, params = entries.query.sql_with_params()
        sql = (
            f"SELECT matched.object_pk, count(*) OVER () FROM ({entries_sql} OFFSET 0) AS matched "
            "ORDER BY matched.rank DESC, matched.object_pk DESC"
            + (" LIMIT %s" if stop is not None else "")
            + " OFFSET %s"
        )
        limit = [stop - start] if stop is not None else []
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *limit, start])
            return [Match(*row) for row in cursor.fetchall()]
