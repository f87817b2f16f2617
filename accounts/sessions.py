"""How long a signed-in session lasts: it ends after a time without activity (SESSION_IDLE_TIMEOUT_STAFF
for platform staff, SESSION_IDLE_TIMEOUT for everyone else) and SESSION_COOKIE_AGE after signing in,
however active. The user is then sent to the sign-in page with a message saying why."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.db import transaction
from django.db.models import F
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils.http import urlencode
from wagtail.log_actions import log

from accounts.roles import is_staff_request

SIGNED_IN_AT = "lesbases_signed_in_at"
ACTIVE_AT = "lesbases_active_at"
# Recording activity writes the session (a database UPDATE): at most once a minute, so that most
# requests write nothing. A session may therefore end up to a minute earlier than its limit.
ACTIVITY_RESOLUTION = 60
# Wagtail's page editor pings these every few seconds for as long as it stays open in a tab: they are
# not the user's activity, and must not keep an abandoned admin session alive.
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}

IDLE_MESSAGE = (
    "Votre session a pris fin après une période d'inactivité. Connectez-vous à nouveau pour continuer."
)
EXPIRED_MESSAGE = "Votre session a expiré. Connectez-vous à nouveau pour continuer."


def start(session) -> None:
    """Called when a user signs in: the session's age and idle time count from now."""
    session[SIGNED_IN_AT] = session[ACTIVE_AT] = time.time()


def carries_session(request) -> bool:
    """Whether the request carries a session cookie: without one nobody is signed in. Asking
    ``request.user`` reads the session, which adds ``Vary: Cookie`` to the response: a public image
    would no longer be cached in common."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def idle_limit(request) -> float:
    limit = (
        settings.SESSION_IDLE_TIMEOUT_STAFF if is_staff_request(request) else settings.SESSION_IDLE_TIMEOUT
    )
    return limit.total_seconds()


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_session(request) and request.user.is_authenticated:
            ended = self.check(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    def check(self, request):
        session, now = request.session, time.time()
        signed_in_at, active_at = session.get(SIGNED_IN_AT), session.get(ACTIVE_AT)
        if signed_in_at is None or active_at is None:
            # A session opened before these limits existed: it counts from now.
            start(session)
            return None
        if now - active_at > idle_limit(request):
            return self.end(request, IDLE_MESSAGE)
        if now - signed_in_at > settings.SESSION_COOKIE_AGE:
            return self.end(request, EXPIRED_MESSAGE)
        if now - active_at >= ACTIVITY_RESOLUTION and not is_background(request):
            session[ACTIVE_AT] = now
        return None

    def end(self, request, message):
        logout(request)
        messages.info(request, message)
        login_url = settings.LOGIN_URL
        if request.method == "GET":
            login_url += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return HttpResponseRedirect(login_url)


def is_background(request) -> bool:
    try:
        return resolve(request.path_info).namespace in BACKGROUND_NAMESPACES
    except Resolver404:
        return False


@transaction.atomic
def end_all(user, by) -> None:
    """Sign ``user`` out of every device: each session keeps a hash of its account that includes
    ``session_generation`` (``User.get_session_auth_hash``), and Django ends those whose hash no longer
    matches at their next request, whatever the session store."""
    type(user).objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    log(user, "lesbases.signed_out_everywhere", user=by)
