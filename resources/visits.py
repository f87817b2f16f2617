"""Counting the views of a resource: one per visitor and resource every two hours, bots aside.

A visitor is a browser, known by a random value in a cookie that lasts as long as the counting window:
nothing ties it to a person, and it is gone once it stops mattering. The page counts itself once shown,
with a beacon (resources/js/beacons.js): the page may come from the edge cache, which the counter
must not depend on, and robots that do not run scripts are not counted at all.
"""

import logging
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

VISIT_COOKIE = "lesbases_visite"
VISIT_WINDOW = timedelta(hours=2)
# Crawlers, link unfurlers, monitoring and scripts name themselves; browsers never send these words.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|lighthouse|"
    r"headless|phantomjs|curl|wget|python|httpx|okhttp|java/|go-http-client|axios|node-fetch",
    re.IGNORECASE,
)
_VISIT_HASH = re.compile(r"[0-9a-f]{32}")


def is_bot(request) -> bool:
    user_agent = request.headers.get("User-Agent", "")
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def is_from_a_reader(request) -> bool:
    """Whether a beacon comes from a browser showing a page of this site: robots and other sites' pages
    count nothing (browsers say where a request comes from)."""
    return not is_bot(request) and request.headers.get("Sec-Fetch-Site", "same-origin") == "same-origin"


def count_view(resource, request, response) -> None:
    """Count this beacon as a view of ``resource`` when it is a new visit by a browser of the site.

    Never raises: a failed count is logged, and the beacon is answered all the same."""
    if not is_from_a_reader(request):
        return
    visit_hash = request.COOKIES.get(VISIT_COOKIE, "")
    if not _VISIT_HASH.fullmatch(visit_hash):
        visit_hash = secrets.token_hex(16)
        response.set_cookie(
            VISIT_COOKIE,
            visit_hash,
            max_age=int(VISIT_WINDOW.total_seconds()),
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    try:
        record_view(resource, visit_hash)
    except Exception:
        logger.exception("Could not count a view of resource %s", resource.pk)


@transaction.atomic
def record_view(resource, visit_hash: str, at=None) -> bool:
    """Add a view dated ``at`` (now by default) and one to the resource's counter, both or neither,
    unless this visitor was counted within the window before. The counter is incremented in SQL, so
    concurrent views all count."""
    at = at or timezone.now()
    recent = resource.views.filter(visit_hash=visit_hash, viewed_at__gt=at - VISIT_WINDOW, viewed_at__lte=at)
    if recent.exists():
        return False
    resource.views.create(visit_hash=visit_hash, viewed_at=at)
    type(resource).objects.filter(pk=resource.pk).update(views_count=F("views_count") + 1)
    return True
