"""The platform's administrators named by whoever runs the site (``manage.py create_admin``): an account
with no password, told by e-mail how to sign in with a code and set up its second factor."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.validators import validate_email
from django.db import transaction

from accounts.lifecycle import welcome
from accounts.roles import ADMINISTRATORS_GROUP
from cms import emails


@transaction.atomic
def appoint_platform_admin(email: str):
    """Put the account of ``email`` (created when missing, without a password) in *Administrateurs* and
    send it how to sign in; return ``(user, created)``. Raises ``ValidationError`` for a malformed address."""
    validate_email(email)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        # Whoever runs the command vouches for the address: the manager marks it verified.
        user = User.objects.create_user(email=email)
        welcome(user)  # opened like any account: a contributor, with its « Mes favoris »
    user.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    transaction.on_commit(lambda: _send_welcome(user))
    return user, created


def _send_welcome(user) -> None:
    emails.send(
        [user.email],
        "Votre accès d'administration des Bases",
        "accounts/emails/platform_admin.txt",
        {"user": user, "sign_in_url": emails.absolute(settings.LOGIN_URL)},
    )
