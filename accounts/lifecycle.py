"""What happens to an account when it starts and when it ends, each in one transaction; each session's
start, for the idle timeout."""

import uuid
from enum import StrEnum

from allauth.account.models import EmailAddress
from allauth.account.signals import user_signed_up
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver

from accounts import emails, sessions
from accounts.models import User
from accounts.signals import account_closing, account_opened

DELETED_FIRST_NAME, DELETED_LAST_NAME = "Utilisateur", "supprimé"


class DeletedBecause(StrEnum):
    ASKED = "asked"  # by its owner, from their profile
    INACTIVE = "inactive"  # after a year without a sign-in (accounts.inactivity)
    ADMIN = "admin"  # by a platform admin, in the admin


@transaction.atomic
def welcome(user: User) -> None:
    """A new user, whatever the way they signed up: a contributor with a *Mes favoris* collection
    (given by the apps that own them, through ``account_opened``)."""
    account_opened.send(sender=User, user=user)


@receiver(user_signed_up, dispatch_uid="accounts-welcome")
def _welcome_new_user(sender, request, user, **kwargs):
    welcome(user)


@receiver(user_logged_in, dispatch_uid="accounts-session-start")
def _start_session(sender, request, user, **kwargs):
    sessions.start(request.session)


@transaction.atomic
def delete_account(user: User, why: DeletedBecause | None = DeletedBecause.ASKED) -> None:
    """Anonymise ``user``; their personal resources are unpublished and their memberships end, no base
    left without an admin (``account_closing``), while resources of a base stay published, since they
    belong to the base as much as to their author. The address they had is told why, once it is done
    (``why`` is None for an account La Base had deleted already: told then)."""
    account_closing.send(sender=User, user=user)
    if why is not None and user.is_active:
        address, first_name = user.email, user.first_name
        transaction.on_commit(lambda: emails.account_deleted(address, first_name, why))
    avatar = user.avatar.name
    user.first_name, user.last_name = DELETED_FIRST_NAME, DELETED_LAST_NAME
    # The reserved .invalid domain can never receive mail, and the address stays unique.
    user.email = f"supprime-{uuid.uuid4().hex}@utilisateurs-supprimes.invalid"
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.avatar = None
    user.description = user.department = user.job_title = user.location = ""
    user.website = user.facebook = user.twitter = user.linkedin = ""
    user.email_is_public = user.is_public = False
    user.slug = ""
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # Without these, the old address could not sign up again and ProConnect would sign them back in.
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    if avatar:
        storage = User._meta.get_field("avatar").storage
        transaction.on_commit(lambda: storage.delete(avatar))
