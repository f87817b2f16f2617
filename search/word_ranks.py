"""Ranks kept for the words found in most resources.

Ranking a search means computing modelsearch's rank in every matched index entry: for a word found in
tens of thousands of resources (« numérique », « atelier »), reading and ranking them all took 90 ms and
more at 100k resources (bench/search.py), however the query was written. The rank of such a word in
each entry depends on that entry alone, so it is kept (``WordRank``), updated by triggers with the index
(search/migrations/0009), and a search of that one word reads its best entries in order from an index
instead. Which words are frequent changes slowly: ``keep_frequent_word_ranks`` (the ``rank_frequent_words``
command, run daily and at each release) adds and drops them; a word's ranks are complete as soon as
it is listed, so a late refresh only makes a search slower, never wrong.
"""

from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from cms.private_api import INDEX_TABLE, rank_weights
from search.models import FrequentWord, WordRank

# ts_stat counts, for each word, the entries whose vectors hold it; SQL because only PostgreSQL can
# read the words of a tsvector column.
WORDS_IN_ENTRIES = "SELECT word FROM ts_stat(%s) WHERE ndoc >= %s ORDER BY word"
# The new words' ranks in the entries that hold them, as the triggers compute them.
RANK_NEW_WORDS = f"""
INSERT INTO {WordRank._meta.db_table} (content_type_id, object_pk, word, rank)
SELECT entry.content_type_id, entry.object_id::integer, ranked.word, ranked.rank
FROM {INDEX_TABLE} AS entry, search_frequent_word_ranks(entry) AS ranked
WHERE entry.content_type_id = %s AND ranked.word = ANY(%s)
"""


def frequent_words(content_type_id: int) -> list[str]:
    """The words found in at least ``SEARCH_FREQUENT_WORD_ENTRIES`` index entries of that type."""
    vectors = f"SELECT title || body FROM {INDEX_TABLE} WHERE content_type_id = {content_type_id:d}"
    with connection.cursor() as cursor:
        cursor.execute(WORDS_IN_ENTRIES, [vectors, settings.SEARCH_FREQUENT_WORD_ENTRIES])
        return [word for (word,) in cursor.fetchall()]


def keep_frequent_word_ranks(model) -> Counter:
    """List the words found in at least ``SEARCH_FREQUENT_WORD_ENTRIES`` index entries of ``model`` and
    keep their ranks; forget the others'. Returns how many words were added, dropped and kept."""
    counts = Counter(added=0, dropped=0, kept=0)
    with transaction.atomic():
        # Index writes wait meanwhile: one made between listing a word and ranking it would be missed.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {INDEX_TABLE} IN SHARE MODE")
        content_type_id = ContentType.objects.get_for_model(model).pk
        counts.update(_keep_ranks_of(content_type_id, frequent_words(content_type_id)))
    return counts


def _keep_ranks_of(content_type_id: int, words: list[str]) -> dict:
    """``words`` listed for ``content_type_id``, ranked with today's weights; no other word."""
    weights = rank_weights()
    listed = FrequentWord.objects.filter(content_type_id=content_type_id)
    kept = set(listed.filter(word__in=words, weights=weights).values_list("word", flat=True))
    dropped = list(listed.exclude(word__in=kept).values_list("word", flat=True))
    WordRank.objects.filter(content_type_id=content_type_id, word__in=dropped).delete()
    listed.filter(word__in=dropped).delete()
    added = [word for word in words if word not in kept]
    if added:
        FrequentWord.objects.bulk_create(
            FrequentWord(content_type_id=content_type_id, word=word, weights=weights) for word in added
        )
        with connection.cursor() as cursor:
            cursor.execute(RANK_NEW_WORDS, [content_type_id, added])
    return {"added": len(added), "dropped": len(dropped), "kept": len(kept)}
