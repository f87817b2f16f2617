"""Platform staff (superusers, *Administrateurs*, *Modérateurs*) sign in with a second factor.

allauth asks for the second factor of any account that has one, after every way of signing in. This
middleware makes it compulsory for staff: a staff session reaches nothing but the set-up of the second
factor, its confirmation and signing out, until it has passed the second factor; that covers the admin
and every view where a staff account sees more than others. It also stops a session that was opened
before its account became staff, or whose authenticator was since removed.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from accounts.roles import is_staff_request
from accounts.sessions import carries_session

# What a staff session may reach before passing the second factor: allauth's second-factor pages, the
# confirmation by password that setting up an authenticator asks of accounts that have one, signing out.
OPEN_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_reauthenticate",
    "account_logout",
}
SET_UP_MESSAGE = "Votre compte fait partie de l'équipe de la plateforme : activez la double authentification pour continuer."


def has_passed_second_factor(request) -> bool:
    """Whether this session signed in, or confirmed its identity since, with an authenticator the user
    still has (allauth records each way a session authenticated)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records) and is_mfa_enabled(
        request.user, [Authenticator.Type.TOTP]
    )


def is_open(request) -> bool:
    try:
        return resolve(request.path_info).url_name in OPEN_URL_NAMES
    except Resolver404:
        return False


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not carries_session(request):
            return self.get_response(request)
        user = request.user
        if is_staff_request(request) and not has_passed_second_factor(request) and not is_open(request):
            if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
                messages.warning(request, SET_UP_MESSAGE)
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
            url = reverse("mfa_reauthenticate")
            if request.method == "GET":
                url += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return HttpResponseRedirect(url)
        return self.get_response(request)
