"""What a reader chose to hear of in their news feed and monthly digest, and which digests went out."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models

from resources import taxonomy
from resources.fields import ChoiceArrayField

# Pages of the feed opened within this time of each other are one visit: the « Nouveau » mark stays
# on what was new when the visit began, while the reader pages through or filters it.
VISIT_GAP = timedelta(minutes=30)


class FeedPreferences(models.Model):
    """A reader's choices, made in the onboarding of their first visit and changed in « Préférences »."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_preferences"
    )
    themes = ChoiceArrayField(
        models.CharField(max_length=64, choices=taxonomy.THEME_CHOICES),
        default=list,
        blank=True,
        verbose_name="thématiques",
        help_text="Les ressources de ces thématiques apparaissent dans votre fil.",
    )
    professional_sectors = ChoiceArrayField(
        models.CharField(max_length=64, choices=taxonomy.PROFESSIONAL_SECTOR_CHOICES),
        default=list,
        blank=True,
        verbose_name="secteurs professionnels",
        help_text="Les ressources destinées à ces secteurs apparaissent dans votre fil.",
    )
    monthly_digest = models.BooleanField(
        "recevoir le résumé mensuel",
        default=False,
        help_text="Un e-mail au début de chaque mois avec les nouvelles ressources de ce que vous suivez.",
    )
    onboarded_at = models.DateTimeField("introduction terminée le", null=True, blank=True)
    last_visit_at = models.DateTimeField("dernière visite du fil", null=True, blank=True)
    # When the visit before the current one began: what was published since is « Nouveau ».
    previous_visit_at = models.DateTimeField("visite précédente du fil", null=True, blank=True)

    class Meta:
        verbose_name = "préférences du fil d'actualité"
        verbose_name_plural = "préférences du fil d'actualité"

    def __str__(self):
        return f"Préférences de {self.user}"

    def record_visit(self, now: datetime) -> None:
        """A page of the feed opened at ``now``: a new visit begins after ``VISIT_GAP`` without one."""
        if self.last_visit_at is None or now - self.last_visit_at > VISIT_GAP:
            self.previous_visit_at = self.last_visit_at
        self.last_visit_at = now
        FeedPreferences.objects.filter(pk=self.pk).update(
            last_visit_at=self.last_visit_at, previous_visit_at=self.previous_visit_at
        )


class DigestSent(models.Model):
    """The monthly digest of ``month`` decided for ``user``: written in the transaction that sends it
    (or finds nothing to say), so that nobody gets the same month twice, whoever runs the job again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    month = models.DateField("mois", help_text="Le premier jour du mois résumé.")
    decided_at = models.DateTimeField("décidé le")
    resources_count = models.PositiveIntegerField("ressources annoncées", default=0)

    class Meta:
        verbose_name = "résumé mensuel"
        verbose_name_plural = "résumés mensuels"
        constraints = [
            models.UniqueConstraint(fields=["user", "month"], name="one_digest_per_user_and_month")
        ]

    def __str__(self):
        return f"Résumé de {self.month:%m/%Y} pour {self.user}"
