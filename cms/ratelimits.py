"""How much one person may have the site send to others in an hour: invitations, reports, requests.

Sign-up is open, so every e-mail a user can trigger (with text they chose, to addresses they chose)
is limited per account, or per client address for visitors, as ``settings.RATE_LIMITS_PER_HOUR``
says. Counts live in Django's cache, as allauth's own limits do, in windows of a clock hour.

The client address is the one allauth's limits use, read behind ``ALLAUTH_TRUSTED_PROXY_COUNT``
trusted proxies: every limit of the site counts the same visitor the same way.
"""

import ipaddress
import math
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

PERIOD = 3600
# Like allauth, an IPv6 visitor is counted by their /64: one subscriber usually holds the whole of it.
IPV6_PREFIX = 64


class LimitExceeded(Exception):
    """Too many of one action this hour; its French message is shown to the user as is."""


def client_ip(request) -> str:
    """The visitor's address, as allauth reads it for its own limits (its adapter's public method):
    from X-Forwarded-For behind the trusted proxies, from the socket when none is trusted."""
    return get_adapter(request).get_client_ip(request)


def consume(action: str, *, user=None, request=None) -> None:
    """Count one ``action`` by ``user`` (by the client address of ``request`` when no user is given),
    or raise ``LimitExceeded`` when this hour's allowance is spent. Call it before doing anything."""
    limit = settings.RATE_LIMITS_PER_HOUR[action]
    now = time.time()
    window = int(now // PERIOD)
    who = f"user:{user.pk}" if user is not None else f"ip:{_counted_address(client_ip(request))}"
    key = f"lesbases:limit:{action}:{who}:{window}"
    if _increment(key) > limit:
        minutes = math.ceil(((window + 1) * PERIOD - now) / 60)
        raise LimitExceeded(
            f"Pour éviter les abus, cette action est limitée à {limit} par heure : rien n'a été envoyé. "
            f"Réessayez dans {minutes} minute{'s' if minutes > 1 else ''}."
        )


def _increment(key: str) -> int:
    if cache.add(key, 1, timeout=PERIOD):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        # The entry expired between the two calls: this is the first action of a new window.
        cache.set(key, 1, timeout=PERIOD)
        return 1


def _counted_address(ip: str) -> str:
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)
