from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F
from django.utils import timezone

from search.params import MAX_QUERY_LENGTH


class SearchLog(models.Model):
    """One search made on ``/rechercher/``, kept for the statistics (see ``search.logging``)."""

    query = models.CharField("recherche", max_length=MAX_QUERY_LENGTH, blank=True)
    # URL parameter → the keys selected, as ``SearchParams.filters`` holds them.
    filters = models.JSONField("filtres", default=dict, blank=True)
    tab = models.CharField("onglet", max_length=32)
    sort = models.CharField("tri", max_length=32, blank=True)
    page = models.PositiveIntegerField("page", default=1)
    result_count = models.PositiveIntegerField("nombre de résultats")
    duration_ms = models.PositiveIntegerField("durée (ms)")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="utilisateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)

    # A log row references nothing an editor could follow; indexing it would cost queries per search.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "recherche effectuée"
        verbose_name_plural = "recherches effectuées"
        ordering = ["-created_at"]

    def __str__(self):
        return self.query or "(sans texte)"


class IndexedWord(models.Model):
    """A word (a French stem without accents, as the search index stores it) found in at least one
    index entry: what a misspelt word of a query is compared with (``search.matching``).

    Filled by a trigger on modelsearch's index entries (search/migrations/0006), whatever writes them:
    saves, ``update_index``, bulk imports. Words are never removed: one left by deleted content only
    widens a correction to a word that matches nothing. Never shown to anyone."""

    word = models.TextField("mot", primary_key=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "mot indexé"
        verbose_name_plural = "mots indexés"
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="search_word_trigrams")]

    def __str__(self):
        return self.word


class FrequentWord(models.Model):
    """A word found in so many index entries of a content type that ranking them all at query time is
    too slow: its rank in each of them is kept in ``WordRank`` (see ``search.word_ranks``)."""

    pk = models.CompositePrimaryKey("content_type", "word")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    word = models.TextField("mot")
    # modelsearch's rank weights (``rank_weights``, cms/private_api.py) the kept ranks were computed
    # with: a search uses them only while they are still the ones it would rank with.
    weights = models.TextField("poids")

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "mot fréquent"
        verbose_name_plural = "mots fréquents"

    def __str__(self):
        return self.word


class WordRank(models.Model):
    """The rank of a frequent word in one index entry, as modelsearch would compute it for a search of
    that word alone. Written by triggers on the index entries (search/migrations/0009) whatever writes
    them, so it always matches the index. Never shown to anyone."""

    pk = models.CompositePrimaryKey("content_type", "object_pk", "word")
    # No index of its own: the primary key starts with it. No constraint: each of the millions of rows
    # would check it, and the entries' content types are modelsearch's to keep.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    object_pk = models.IntegerField("identifiant de l'objet")
    word = models.TextField("mot")
    rank = models.FloatField("rang")

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "rang d'un mot fréquent"
        verbose_name_plural = "rangs des mots fréquents"
        # The best ranked entries of a word first, in the order of search.ranking's ties.
        indexes = [
            models.Index(
                "word", "content_type", F("rank").desc(), F("object_pk").desc(), name="search_word_rank_order"
            )
        ]

    def __str__(self):
        return f"{self.word} : {self.rank}"
