"""Contributors of a single resource: people its editors invite to edit it, and nothing else."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from cms import emails, ratelimits
from notifications.delivery import notify
from notifications.models import Kind, Notification
from resources.models import ContributorInvitation

# What the inviter is told whatever the address: whether it has an account, or already contributes,
# is the business of its owner, who is told by e-mail.
INVITATION_SENT = (
    "Si cette adresse n'est pas déjà celle d'un contributeur, une invitation y a été envoyée : la "
    "personne pourra modifier la ressource avec son compte, ou en créant un compte avec cette adresse."
)


class ContributorError(Exception):
    """A refused change of contributors; its message is shown to the user as is."""


def _require_editor(resource, by) -> None:
    if not resource.permissions_for_user(by).can_edit():
        raise ContributorError(
            "Seules les personnes qui peuvent modifier la ressource y invitent des contributeurs."
        )


@transaction.atomic
def add_contributor(resource, email: str, by) -> None:
    """Let the account using this address edit ``resource`` (a page permission on it alone) and tell
    them by e-mail; an address without an account gets an invitation, kept by address, that the
    account later opened with it claims (``claim_invitations``). The owner's address and those of
    contributors already there change nothing and raise nothing: the inviter learns nothing about
    accounts (``INVITATION_SENT``). Every attempt counts towards the inviter's hourly allowance, so
    that it cannot tell them apart either."""
    _require_editor(resource, by)
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ContributorError("Saisissez une adresse e-mail valide.") from error
    ratelimits.consume("contributor_invitation", user=by)
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        _invite(resource, email.lower(), by)
        return
    if user.pk == resource.owner_id or resource.contributors_group().user_set.filter(pk=user.pk).exists():
        return
    _grant(resource, user, by)


def _grant(resource, user, by) -> None:
    group = resource.contributors_group()
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=resource,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    group.user_set.add(user)
    log(resource, "lesbases.contributor_added", user=by, data={"member": user.public_name})
    emails.send(
        [user.email],
        f"Invitation à contribuer à la ressource {resource.title}",
        "resources/emails/contributor_added.txt",
        {
            "resource": resource,
            "by": by,
            "edit_url": emails.absolute(reverse("wagtailadmin_pages:edit", args=[resource.pk])),
            "resource_url": emails.absolute(resource.url),
        },
    )


def _invite(resource, email: str, by) -> None:
    """Keep the invitation by address (a new one replaces an older one) and ask them to sign up."""
    ContributorInvitation.objects.update_or_create(
        resource=resource,
        email=email,
        defaults={
            "invited_by": by,
            "expires_at": timezone.now() + timedelta(days=settings.CONTRIBUTOR_INVITATION_DAYS),
        },
    )
    # Not in the page's history: an entry that only addresses without an account get would tell
    # its readers which ones have none. The history records the contributor once they claim it.
    emails.send(
        [email],
        f"Invitation à contribuer à la ressource {resource.title}",
        "resources/emails/contributor_invited.txt",
        {
            "resource": resource,
            "by": by,
            "signup_url": emails.absolute(reverse("account_signup")),
            "days": settings.CONTRIBUTOR_INVITATION_DAYS,
        },
    )


@transaction.atomic
def claim_invitations(user) -> None:
    """Make ``user`` a contributor of the resources they were invited to by an address of theirs
    that is verified (a code sent to it, or ProConnect's word): signing up with an address one
    does not own claims nothing."""
    addresses = [
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]
    if not addresses or not user.is_active:
        return
    invitations = ContributorInvitation.objects.filter(email__in=addresses).select_related(
        "resource", "invited_by"
    )
    for invitation in invitations:
        resource = invitation.resource
        if invitation.expires_at > timezone.now() and user.pk != resource.owner_id:
            _grant(resource, user, invitation.invited_by)
    invitations.delete()


@transaction.atomic
def remove_contributor(resource, user, by) -> None:
    _require_editor(resource, by)
    if user is None or user.pk == resource.owner_id:
        raise ContributorError("Cette personne ne contribue pas à la ressource.")
    resource.contributors_group().user_set.remove(user)
    log(resource, "lesbases.contributor_removed", user=by, data={"member": user.public_name})


def tell_owner_of_edit(resource, by) -> None:
    """Someone else saved a change to ``resource`` in the editor: its owner hears of it, once while
    the notification is unread (the editor's autosave and successive saves would repeat it). A live
    resource is linked as readers see it; one not live yet, in the editor."""
    owner = resource.owner
    if owner is None or by.pk == owner.pk:
        return
    unread_already = Notification.objects.filter(
        recipient=owner, kind=Kind.RESOURCE_MODIFIED, actor=by, url__in=[resource.url, _editor_url(resource)]
    ).unread()
    if unread_already.exists():
        return
    notify(
        Kind.RESOURCE_MODIFIED,
        [owner],
        f"{by.public_name} a modifié votre ressource « {resource.title} ».",
        actor=by,
        page=resource if resource.live else None,
        url="" if resource.live else _editor_url(resource),
    )


def _editor_url(resource) -> str:
    return reverse("wagtailadmin_pages:edit", args=[resource.pk])
