"""The e-mails of an account's life, in French, one function per message, with absolute links."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def _send(address: str, subject: str, template: str, context: dict) -> None:
    body = render_to_string(f"accounts/emails/{template}.txt", context)
    send_mail(subject, body, None, [address])


def account_deleted(address: str, first_name: str, why: str) -> None:
    """To the address the account had, once it is anonymised, saying why (``lifecycle.DeletedBecause``)."""
    _send(
        address,
        "Votre compte Les Bases est supprimé",
        "account_deleted",
        {"first_name": first_name, "why": why, "site_url": settings.WAGTAILADMIN_BASE_URL},
    )


def inactivity_warning(user, days_left: int) -> None:
    """Before an inactive account's deletion: signing in once keeps it."""
    _send(
        user.email,
        f"Votre compte Les Bases sera supprimé dans {days_left} jours",
        "inactivity_warning",
        {
            "user": user,
            "days_left": days_left,
            "sign_in_url": settings.WAGTAILADMIN_BASE_URL + settings.LOGIN_URL,
        },
    )
