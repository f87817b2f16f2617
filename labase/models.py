from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Page


class ImportedRecord(models.Model):
    """One row of La Base's database and the object it became here.

    The importer finds by ``(table, source_id)`` what an earlier run made of a row, so that running it
    again changes nothing and a run after La Base changed imports only the difference (``fingerprint``).
    The old links are answered from ``(table, source_slug)``, and La Base's API keeps its ids."""

    table = models.CharField("table de La Base", max_length=64)
    source_id = models.CharField("identifiant dans La Base", max_length=64)
    source_slug = models.CharField("slug dans La Base", max_length=255, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField("identifiant ici")
    # The page, when the object is one: an old link is redirected in one query, readability included.
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # A digest of the row as last imported: a row whose digest did not change is not written again.
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "enregistrement importé de La Base"
        verbose_name_plural = "enregistrements importés de La Base"
        constraints = [
            models.UniqueConstraint(fields=["table", "source_id"], name="labase_one_record_per_source_row"),
        ]
        indexes = [models.Index(fields=["table", "source_slug"], name="labase_record_by_slug")]

    def __str__(self):
        return f"{self.table} {self.source_id}"
