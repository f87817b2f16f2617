"""The search's one adapter over modelsearch: the objects of a model that a query matches, best first,
how many they are, and their ids.

Matching and ranking run on modelsearch's index entries, with modelsearch's parsing of the query, its
weights and its rank formula (from cms/private_api.py, the only place that knows them). What the
viewer may read, and the filters, come as conditions on the entries' object ids (``object_pk``): the
entries are matched through the full-text index, narrowed, ranked and counted in one query that yields
only ids, and the objects shown are read afterwards, for the page shown only. Starting from the
objects, as modelsearch's own ``search()`` does, joined every readable object to its entry first and
carried the entries' vectors through the ranking (docs/search.md).

A word missing from the index (a typo) is replaced by the closest word of the index's vocabulary
(``Match.corrected``); a query of one word found in most entries reads that word's kept ranks
(search/word_ranks.py) instead of ranking each of its matches.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, IntegerField, Q, Value, Window
from django.db.models.lookups import In

from cms.private_api import entry_rank, index_entries, parse_query, rank_weights, sql_of, stems_rank
from search.models import FrequentWord, WordRank

# What the full-text index of search/migrations/0004 holds, written as it is there so that PostgreSQL
# uses the index: modelsearch matches the title and the body vectors together.
DOCUMENT = Func(
    F("title"), F("body"), template="(%(expressions)s)", arg_joiner=" || ", output_field=SearchVectorField()
)

# For each stem of the query (French, accents stripped: as the index holds its words), the closest word
# of the vocabulary (search.IndexedWord) whose trigrams are similar enough (``%``: pg_trgm's similarity
# threshold, 0.3, through the trigram index); the query of the corrected stems, or NULL when one of them
# has no close word. SQL because the ORM cannot join a set-returning function laterally.
CORRECTED_WORDS = """
SELECT CASE WHEN bool_and(closest.word IS NOT NULL) THEN string_agg(quote_literal(closest.word), ' & ') END
FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s))) AS typed (stem)
LEFT JOIN LATERAL (
    SELECT indexed.word
    FROM search_indexedword AS indexed
    WHERE indexed.word %% typed.stem
    ORDER BY similarity(indexed.word, typed.stem) DESC, indexed.word
    LIMIT 1
) AS closest ON true
"""


@dataclass(frozen=True)
class Row:
    """One matched object: its id, and how many objects match in all."""

    pk: int
    total: int


def among(objects) -> Q:
    """The entries of ``objects`` (a queryset), as a condition on ``object_pk``. ``IS TRUE`` keeps the
    objects one subquery, which PostgreSQL hashes once: as a plain ``IN`` it became a join, planned
    entry by entry (« numérique » with a type, in SQL: 180 → 120 ms at 100k resources)."""
    matched = In(F("object_pk"), objects.order_by().values("pk"))
    return Q(Func(matched, template="(%(expressions)s) IS TRUE", output_field=BooleanField()))


class Match:
    """The index entries of ``model`` that a query matches, each with its rank; ``words`` None (nothing
    left to search once the query is parsed) matches nothing."""

    def __init__(self, model, words, rank=None):
        self.model = model
        self.words = words
        self.rank = None if words is None else entry_rank(rank)

    @classmethod
    def typed(cls, model, query: str) -> "Match":
        """Every word of ``query``, as modelsearch reads it (French stems without accents)."""
        words, rank = parse_query(model, query)
        return cls(model, words, rank)

    @classmethod
    def corrected(cls, model, query: str) -> "Match":
        """Every word of ``query``, each replaced by the closest word of the index's vocabulary."""
        with connection.cursor() as cursor:
            cursor.execute(
                CORRECTED_WORDS, [settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"], query]
            )
            stems = cursor.fetchone()[0]
        if stems is None:
            return cls(model, None)
        # The corrected words are stems already: the "simple" configuration takes them as they are.
        words = SearchQuery(stems, search_type="raw", config="simple")
        return cls(model, words, stems_rank(words))

    def ids(self):
        """The matched objects' ids, as a subquery (the facet counts, the typo fallback's check)."""
        if self.kept is not None:
            return self.kept.values("object_pk")
        return self._entries().values("object_pk")

    def count(self, conditions: Q) -> int:
        """How many matched objects meet ``conditions`` (on ``object_pk``)."""
        if self.words is None:
            return 0
        return (self.kept if self.kept is not None else self._entries()).filter(conditions).count()

    def ranked(self, conditions: Q, start: int, stop: int) -> list[Row]:
        """The matched objects meeting ``conditions`` from ``start`` to ``stop``, best ranked first (then
        the highest id, as modelsearch orders ties), each with the total: one query."""
        if self.words is None:
            return []
        if self.kept is not None:
            rows = (
                self.kept.filter(conditions)
                .order_by("-rank", "-object_pk")
                .annotate(total=Window(Count("*")))
                .values_list("object_pk", "total")
            )
            return [Row(*row) for row in rows[start:stop]]
        entries_sql, params = sql_of(self._entries().filter(conditions).values("object_pk", rank=self.rank))
        # OFFSET 0 keeps the ranks computed in the subquery, as the entries are read: PostgreSQL would
        # otherwise compute them after the count, carrying every entry's vectors through it.
        sql = (
            f"SELECT matched.object_pk, count(*) OVER () FROM ({entries_sql} OFFSET 0) AS matched "
            "ORDER BY matched.rank DESC, matched.object_pk DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, stop - start, start])
            return [Row(*row) for row in cursor.fetchall()]

    @cached_property
    def kept(self):
        """The ``WordRank`` rows of the query's word when it is a single word whose ranks are kept, with
        the weights modelsearch ranks with today (search/word_ranks.py); None otherwise."""
        if self.words is None:
            return None
        word = (
            FrequentWord.objects.filter(content_type=self._content_type(), weights=rank_weights())
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
        return WordRank.objects.filter(content_type=self._content_type(), word=word)

    def _content_type(self):
        return ContentType.objects.get_for_model(self.model)

    def _entries(self):
        entries = index_entries(self.model)
        if self.words is None:
            # Not ``none()``: the facet counts read the ids as an SQL subquery, which ``none()`` has not.
            return entries.filter(Value(False))
        return entries.alias(document=DOCUMENT).filter(document=self.words)
