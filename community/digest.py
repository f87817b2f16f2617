"""The monthly digest: at the start of a month, to each reader who asked for it, the resources
published in the month just ended from what they follow, those they may read only. Run by
``manage.py send_monthly_digest`` (infra/cron.json) on the first days of the month: a ``DigestSent``
row, written in the transaction that decides and sends, makes it once per reader and month however
often it runs; a reader with nothing to read gets no e-mail."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from smtplib import SMTPException

from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from cms import emails
from cms.emails import absolute
from community.feed import cards_of, followed_resources
from community.models import DigestSent, FeedPreferences
from resources.models import ResourcePage

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
SHOWN_RESOURCES = 10
UNSUBSCRIBE_SALT = "feed.digest.unsubscribe"


@dataclass
class Outcome:
    sent: int = 0
    nothing_to_say: int = 0
    failed: int = 0


def month_ended_before(now: datetime) -> tuple[date, datetime, datetime]:
    """The first day of the month before ``now`` (in the site's time zone) and that month's bounds."""
    local = timezone.localtime(now)
    end = timezone.make_aware(datetime(local.year, local.month, 1))
    first = (end.date() - timedelta(days=1)).replace(day=1)
    start = timezone.make_aware(datetime(first.year, first.month, 1))
    return first, start, end


def unsubscribe_url(user) -> str:
    """An address that turns the digest off without signing in, for this account only."""
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))
    return absolute(reverse("feed:unsubscribe", args=[token]))


def user_of_unsubscribe_token(token: str) -> int | None:
    """The account an unsubscribe link names, or None when the link was not signed by the site."""
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def pending(month: date):
    """The readers who asked for the digest and were not yet decided for ``month``."""
    return (
        FeedPreferences.objects.filter(monthly_digest=True, user__is_active=True)
        .exclude(user__digests__month=month)
        .select_related("user")
        .order_by("pk")
    )


def run(now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    month, start, end = month_ended_before(now)
    outcome = Outcome()
    url_cache = HttpRequest()
    # The month's resources, read once: each reader's query then looks only at those, by primary key,
    # rather than at every resource they may read.
    month_resources = list(
        ResourcePage.objects.live()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .values_list("pk", flat=True)
    )
    last_pk = 0
    while batch := list(pending(month).filter(pk__gt=last_pk)[:BATCH_SIZE]):
        for preferences in batch:
            try:
                count = _decide(preferences, month, month_resources, now, url_cache)
            except (OSError, SMTPException):
                # Rolled back with its record: the next run tries this reader again.
                logger.exception("Résumé mensuel non envoyé à l'utilisateur %s", preferences.user_id)
                outcome.failed += 1
                continue
            if count:
                outcome.sent += 1
            elif count == 0:
                outcome.nothing_to_say += 1
        last_pk = batch[-1].pk
    return outcome


@transaction.atomic
def _decide(preferences: FeedPreferences, month: date, month_resources: list[int], now: datetime, url_cache):
    """Record and send ``month``'s digest to the reader: those of ``month_resources`` (the ids of the
    resources first published in the month) that they follow and may read. The number of resources
    announced, or None when another run decided it first."""
    published = followed_resources(preferences).filter(pk__in=month_resources)
    ids = list(
        published.order_by("-first_published_at", "-pk").values_list("pk", flat=True)[: SHOWN_RESOURCES + 1]
    )
    count = published.count() if len(ids) > SHOWN_RESOURCES else len(ids)
    _, created = DigestSent.objects.get_or_create(
        user=preferences.user, month=month, defaults={"decided_at": now, "resources_count": count}
    )
    if not created:
        return None
    if count:
        resources = cards_of(ids[:SHOWN_RESOURCES], preferences)
        send_digest(preferences.user, month, resources, count, url_cache)
    return count


def _absolute(page, url_cache: HttpRequest) -> str:
    """``page``'s address on the configured site; ``url_cache`` keeps Wagtail's site root paths for
    the run (Wagtail's documented use of its ``request`` argument), instead of a lookup per link."""
    return absolute(page.get_url_parts(request=url_cache)[2])


def send_digest(user, month: date, resources: list, count: int, url_cache: HttpRequest) -> None:
    """The digest, with the one-click unsubscribe of RFC 8058."""
    unsubscribe = unsubscribe_url(user)
    month_label = date_format(month, "F Y")
    emails.send(
        [user.email],
        f"Votre résumé Les Bases de {month_label}",
        "community/emails/monthly_digest.txt",
        {
            "user": user,
            "month_label": month_label,
            "resources": [(resource, _absolute(resource, url_cache)) for resource in resources],
            "others_count": count - len(resources),
            "count": count,
            "feed_url": absolute(reverse("feed:index")),
            "preferences_url": absolute(reverse("feed:preferences")),
            "unsubscribe_url": unsubscribe,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
