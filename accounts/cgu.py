"""Accepting a new version of the CGU (``settings.CGU_VERSION``): an account that accepted an older
one is shown the acceptance page at its next visit of a page, and then goes on where it was going.
Nothing else is blocked: files, images, background requests and the CGU themselves stay open.
Accounts that never accepted any version (made by a command) are not asked."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from accounts.sessions import carries_session

# Where one reads the CGU and signs out without accepting them first.
OPEN_PATHS = ("/cgu/", "/deconnexion/")


def must_accept(user) -> bool:
    return bool(user.cgu_version) and user.cgu_version != settings.CGU_VERSION


def accept(user) -> None:
    user.cgu_version, user.cgu_accepted_at = settings.CGU_VERSION, timezone.now()
    user.save(update_fields=["cgu_version", "cgu_accepted_at"])


def is_page_visit(request) -> bool:
    """A browser opening a page: not a file, an image or a script's request."""
    return request.method == "GET" and "text/html" in request.headers.get("Accept", "")


class CguAcceptanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            carries_session(request)
            and is_page_visit(request)
            and request.user.is_authenticated
            and must_accept(request.user)
        ):
            acceptance = reverse("cgu_accept")
            if not request.path_info.startswith((acceptance, *OPEN_PATHS)):
                return redirect(f"{acceptance}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
