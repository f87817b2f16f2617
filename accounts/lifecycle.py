"""What happens to an account when it starts and when it ends, each in one transaction."""

import uuid

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.db import transaction

from accounts.models import User
from resources.models import Collection, ResourceIndexPage, ResourcePage
from resources.permissions import ensure_contributors_group

DELETED_FIRST_NAME, DELETED_LAST_NAME = "Utilisateur", "supprimé"


@transaction.atomic
def welcome(user: User) -> None:
    """A new user, whatever the way they signed up: a contributor with a *Mes favoris* collection."""
    user.groups.add(ensure_contributors_group(ResourceIndexPage.objects.get()))
    Collection.objects.get_or_create(
        owner=user, is_favorites=True, defaults={"title": Collection.FAVORITES_TITLE}
    )


@transaction.atomic
def delete_account(user: User) -> None:
    """Anonymise ``user`` and unpublish their personal resources; resources of a base stay published,
    since they belong to the base as much as to their author."""
    personal = ResourcePage.objects.child_of(ResourceIndexPage.objects.get()).live().filter(owner=user)
    for resource in personal:
        resource.unpublish()
    avatar = user.avatar.name
    user.first_name, user.last_name = DELETED_FIRST_NAME, DELETED_LAST_NAME
    # The reserved .invalid domain can never receive mail, and the address stays unique.
    user.email = f"supprime-{uuid.uuid4().hex}@utilisateurs-supprimes.invalid"
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.avatar = None
    user.description = user.department = ""
    user.website = user.facebook = user.twitter = user.linkedin = ""
    user.email_is_public = user.is_public = False
    user.slug = ""
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.memberships.all().delete()
    # Without these, the old address could not sign up again and ProConnect would sign them back in.
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    if avatar:
        storage = User._meta.get_field("avatar").storage
        transaction.on_commit(lambda: storage.delete(avatar))
