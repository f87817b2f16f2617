"""The e-mails of an account's life, in French, one function per message, with absolute links."""

from django.conf import settings

from cms import emails


def _send(address: str, subject: str, template: str, context: dict) -> None:
    emails.send([address], subject, f"accounts/emails/{template}.txt", context)


def account_deleted(address: str, first_name: str, why: str) -> None:
    """To the address the account had, once it is anonymised, saying why (``lifecycle.DeletedBecause``)."""
    _send(
        address,
        "Votre compte Les Bases est supprimé",
        "account_deleted",
        {"first_name": first_name, "why": why},
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
            "sign_in_url": emails.absolute(settings.LOGIN_URL),
        },
    )
