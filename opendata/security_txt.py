"""/.well-known/security.txt (RFC 9116): where to report a vulnerability of the site."""

from datetime import date

from django.conf import settings
from django.http import HttpResponse
from wagtail.models import Site

# How far ahead the file says it stays valid: the RFC asks for less than a year. Counted from the first
# of the month, so that the file changes once a month and an edge cache may keep it meanwhile.
VALID_MONTHS = 6


def expiry(today: date) -> date:
    months = today.month - 1 + VALID_MONTHS
    return date(today.year + months // 12, months % 12 + 1, 1)


def security_txt(request):
    site = Site.find_for_request(request)
    root_url = site.root_url if site else f"{request.scheme}://{request.get_host()}"
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expiry(date.today()).isoformat()}T00:00:00.000Z",
        "Preferred-Languages: fr, en",
        f"Canonical: {root_url}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
