"""Typo-tolerant matching: each word of the query replaced by the closest word of the index.

modelsearch's ``Fuzzy`` compares the query with every indexed text, row by row. Even through a trigram
index, a common misspelling ("resources") left tens of thousands of index entries to check at 100k
resources, for most of a second. Here the query's words are compared with the index's vocabulary
(``IndexedWord``: a few thousand words, trigram-indexed), and the corrected words are then matched by
the full-text index like any query. SQL because modelsearch can neither look a word up in its
vocabulary nor search for words already stemmed.
"""

from django.db import connection
from wagtail.search.backends import get_search_backend

# For each stem of the query (French, accents stripped, as the index holds them), the closest indexed
# word whose trigrams are similar enough (``%``, through the trigram index); the query of the corrected
# stems, or NULL when one of them has no close word.
CORRECTED_QUERY = """
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


def similarity_threshold() -> float:
    """modelsearch's own setting (``FUZZY_SIMILARITY_THRESHOLD``, 0.3 by default): one threshold
    whichever way a typo is looked for."""
    return get_search_backend().fuzzy_similarity_threshold


def set_similarity_threshold(sender, connection, **kwargs) -> None:
    """Give each new database connection the threshold of the ``%`` operator. A session setting, as
    there is no per-query form: ``SET LOCAL`` would need a transaction around the lazy querysets."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, false)", [str(similarity_threshold())]
            )


def corrected_query(query: str) -> str | None:
    """A text search query (``to_tsquery`` syntax) of ``query``'s words as the index spells them."""
    with connection.cursor() as cursor:
        cursor.execute(CORRECTED_QUERY, [get_search_backend().config, query])
        return cursor.fetchone()[0]
