from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
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
    index entry: what a misspelt word of a query is compared with (``search.lookups``).

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
