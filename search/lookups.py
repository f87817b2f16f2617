"""Typo-tolerant matching that the trigram indexes of search/migrations/0002 can serve.

modelsearch's ``Fuzzy`` filters with the function ``word_similarity(q, text) >= threshold``, which
PostgreSQL can only evaluate row by row: at 100k resources, a sequential scan of every indexed text.
The operator form ``text %> q`` (``q <% text``) means the same thing with the threshold read from
``pg_trgm.word_similarity_threshold``, and a GIN ``gin_trgm_ops`` index answers it.
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db.models import F, TextField, Value
from modelsearch.backends.database.postgres.postgres import FUnaccent
from wagtail.search.backends import get_search_backend


def similarity_threshold() -> float:
    """modelsearch's own setting (``FUZZY_SIMILARITY_THRESHOLD``, 0.3 by default): one threshold
    whichever way a typo is looked for."""
    return get_search_backend().fuzzy_similarity_threshold


def set_similarity_threshold(sender, connection, **kwargs) -> None:
    """Give each new database connection the threshold of the ``<%`` operator. A session setting, as
    there is no per-query form: ``SET LOCAL`` would need a transaction around the lazy querysets."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(similarity_threshold())],
            )


def typo_tolerant(queryset, query: str, order_by_relevance: bool = True):
    """``queryset`` narrowed to the pages whose title holds an extent close to ``query``, accents
    aside: closest first, or in the queryset's own order when the visitor chose another sort.

    Titles only: short texts, so the index's candidates are few and cheap to check. On the whole text
    (description, body, publisher) a common misspelling ("resources") is close to a word of nearly
    every resource, and checking and ranking them all took seconds at 100k resources.
    """
    words = FUnaccent(Value(query, output_field=TextField()))
    # One join to the index entry, and the exact expression of the trigram index,
    # f_unaccent(title_text), or PostgreSQL would not use it.
    matches = queryset.alias(title_words=FUnaccent(F("index_entries__title_text"))).filter(
        TrigramWordSimilar(F("title_words"), words)
    )
    if order_by_relevance:
        matches = matches.annotate(title_similarity=TrigramWordSimilarity(words, F("title_words"))).order_by(
            "-title_similarity", "-pk"
        )
    # Facet counts (search/facets.py) match their own candidates the same way.
    matches.typo_query = query
    return matches
