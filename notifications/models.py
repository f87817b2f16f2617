"""What a user is told of what others did that concerns them, in the site and by e-mail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cms.visibility import readable_ids


class Topic(models.TextChoices):
    """The groups of kinds that a user chooses to receive by e-mail or not."""

    BASES = "bases", "La vie de mes bases : invitations, demandes d'adhésion, rôles, retraits, suppressions"
    FOLLOWS = "abonnements", "Les nouvelles ressources des bases et des profils que je suis"
    FEEDBACK = (
        "retours",
        "Les recommandations et commentaires de mes ressources, les réponses à mes commentaires",
    )
    CONTRIBUTIONS = "contributions", "Les modifications de mes ressources par leurs contributeurs"
    MODERATION = "moderation", "La suite donnée aux signalements"


class Kind(models.TextChoices):
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation acceptée"
    INVITATION_DECLINED = "invitation_declined", "Invitation refusée"
    ROLE_CHANGED = "role_changed", "Rôle modifié"
    REMOVED_FROM_BASE = "removed_from_base", "Retrait d'une base"
    JOIN_REQUEST = "join_request", "Demande pour rejoindre une base"
    JOIN_REQUEST_ANSWERED = "join_request_answered", "Réponse à une demande pour rejoindre une base"
    BASE_DELETED = "base_deleted", "Base supprimée"
    FOLLOWED_BASE_PUBLISHED = "followed_base_published", "Nouvelle ressource d'une base suivie"
    FOLLOWED_PROFILE_PUBLISHED = "followed_profile_published", "Nouvelle ressource d'un profil suivi"
    RATED = "rated", "Recommandation d'une de mes ressources"
    REPLIED = "replied", "Réponse à mon commentaire"
    REPORT_OUTCOME = "report_outcome", "Suite donnée à mon signalement"
    RESOURCE_UNPUBLISHED = "resource_unpublished", "Ressource dépubliée après un signalement"
    RESOURCE_MODIFIED = "resource_modified", "Ressource modifiée par un contributeur"
    RESOURCE_DELETED = "resource_deleted", "Ressource supprimée"


TOPIC_OF = {
    Kind.INVITATION_ACCEPTED: Topic.BASES,
    Kind.INVITATION_DECLINED: Topic.BASES,
    Kind.ROLE_CHANGED: Topic.BASES,
    Kind.REMOVED_FROM_BASE: Topic.BASES,
    Kind.JOIN_REQUEST: Topic.BASES,
    Kind.JOIN_REQUEST_ANSWERED: Topic.BASES,
    Kind.BASE_DELETED: Topic.BASES,
    Kind.FOLLOWED_BASE_PUBLISHED: Topic.FOLLOWS,
    Kind.FOLLOWED_PROFILE_PUBLISHED: Topic.FOLLOWS,
    Kind.RATED: Topic.FEEDBACK,
    Kind.REPLIED: Topic.FEEDBACK,
    Kind.RESOURCE_MODIFIED: Topic.CONTRIBUTIONS,
    Kind.RESOURCE_DELETED: Topic.CONTRIBUTIONS,
    Kind.REPORT_OUTCOME: Topic.MODERATION,
    Kind.RESOURCE_UNPUBLISHED: Topic.MODERATION,
}

# By e-mail unless the user says otherwise: what asks for an answer or changes what they may do. New
# resources of what they follow come in the site only (the monthly summary gathers them), and so do
# their contributors' edits, which come in bursts.
EMAIL_BY_DEFAULT = {
    Topic.BASES: True,
    Topic.FOLLOWS: False,
    Topic.FEEDBACK: True,
    Topic.CONTRIBUTIONS: False,
    Topic.MODERATION: True,
}


class NotificationQuerySet(models.QuerySet):
    def shown_to(self, user):
        """``user``'s notifications that they may still read: those about a page only while ``visible_to``
        them (a resource gone private or unpublished since takes its notification with it)."""
        return self.filter(recipient=user).filter(Q(page__isnull=True) | readable_ids(user, "page_id"))

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name="destinataire",
    )
    kind = models.CharField("type", max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur de l'action",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="page concernée",
    )
    text = models.CharField("texte", max_length=400)
    url = models.CharField("lien", max_length=500, blank=True)
    created_at = models.DateTimeField("date", default=timezone.now)
    read_at = models.DateTimeField("lue le", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "notification"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_date"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
        ]

    def __str__(self):
        return self.text


class EmailPreference(models.Model):
    """A user's choice for a topic; without one, ``EMAIL_BY_DEFAULT`` says."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    topic = models.CharField(max_length=32, choices=Topic.choices)
    by_email = models.BooleanField()

    class Meta:
        verbose_name = "préférence de notification"
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="notification_preference_unique"),
        ]

    def __str__(self):
        return f"{self.get_topic_display()} : {'par e-mail' if self.by_email else 'sur le site'}"
