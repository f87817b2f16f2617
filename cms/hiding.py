"""What moderators hide: a rating, a reply or a public collection stays in the database (its author
keeps it, the record of the decision too) but no longer shows nor counts for anyone else. Hiding and
showing again are logged in Wagtail's model log entries with the moderator's reason."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

HIDDEN_ACTION = "lesbases.hidden"
SHOWN_ACTION = "lesbases.shown_again"


class HideableQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden_at__isnull=True)


class Hideable(models.Model):
    hidden_at = models.DateTimeField("masqué le", null=True, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="masqué par",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField("motif du masquage", max_length=2000, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


@transaction.atomic
def hide(instance: Hideable, by, reason: str) -> None:
    instance.hidden_at, instance.hidden_by, instance.hidden_reason = timezone.now(), by, reason
    instance.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log(instance, HIDDEN_ACTION, user=by, data={"reason": reason})


@transaction.atomic
def show_again(instance: Hideable, by, reason: str) -> None:
    instance.hidden_at, instance.hidden_by, instance.hidden_reason = None, None, ""
    instance.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log(instance, SHOWN_ACTION, user=by, data={"reason": reason})
