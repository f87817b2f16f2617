"""Accounts nobody signs in to any more: warned 60, 30 and 15 days before, an account is deleted (and
anonymised, ``lifecycle.delete_account``) a year after its last sign-in. Run daily
(``manage.py close_inactive_accounts``, infra/cron.json); each warning goes once, and running it again
the same day sends and deletes nothing more.

An account is never deleted without its last warning, sent 15 days before at least: one found long
inactive (imported, or the job stopped for a while) gets that warning first, and keeps its 15 days."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.dispatch import receiver
from django.utils import timezone

from accounts import emails
from accounts.lifecycle import DeletedBecause, delete_account
from accounts.models import User

WARNING_DAYS = (305, 335, 350)
DELETION_DAY = 365


@dataclass
class Outcome:
    warned: dict[int, int] = field(default_factory=lambda: dict.fromkeys(WARNING_DAYS, 0))
    deleted: int = 0


def concerned_accounts():
    """Active accounts, the platform's superusers aside (accounts of those who run it), with
    ``last_seen``: their last sign-in, or their sign-up when they never signed in."""
    return User.objects.filter(is_active=True, is_superuser=False).annotate(
        last_seen=Coalesce(F("last_login"), F("date_joined"))
    )


def run(now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome()
    last_warning = WARNING_DAYS[-1]
    deletable = concerned_accounts().filter(
        last_seen__lte=now - timedelta(days=DELETION_DAY),
        inactivity_warned_at_day=last_warning,
        inactivity_warned_at__lte=now - timedelta(days=DELETION_DAY - last_warning),
    )
    for user in deletable:
        delete_account(user, why=DeletedBecause.INACTIVE)
        outcome.deleted += 1
    # The latest warning due only: an account found at day 340 with none sent gets the day-335 one.
    for day in sorted(WARNING_DAYS, reverse=True):
        due = concerned_accounts().filter(
            last_seen__lte=now - timedelta(days=day), inactivity_warned_at_day__lt=day
        )
        for user in due:
            if _mark_warned(user, day, now):
                emails.inactivity_warning(user, days_left=DELETION_DAY - day)
                outcome.warned[day] += 1
    return outcome


@transaction.atomic
def _mark_warned(user: User, day: int, now: datetime) -> bool:
    """Whether this run is the one to send the warning of ``day`` (another run may have sent it)."""
    return bool(
        User.objects.filter(pk=user.pk, inactivity_warned_at_day__lt=day).update(
            inactivity_warned_at_day=day, inactivity_warned_at=now
        )
    )


@receiver(user_logged_in, dispatch_uid="accounts-inactivity-signed-in")
def _signed_in(sender, request, user, **kwargs):
    """A sign-in starts the count again: the next warnings will be sent in their turn."""
    if user.inactivity_warned_at_day:
        User.objects.filter(pk=user.pk).update(inactivity_warned_at_day=0, inactivity_warned_at=None)
        user.inactivity_warned_at_day, user.inactivity_warned_at = 0, None
