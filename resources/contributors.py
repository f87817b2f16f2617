"""Contributors of a single resource: people its editors invite to edit it, and nothing else."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from cms import ratelimits

# What the inviter is told whatever the address: whether it has an account, or already contributes,
# is the business of its owner, who is told by e-mail.
INVITATION_SENT = (
    "Si un compte utilise cette adresse, la personne peut désormais modifier la ressource "
    "et en est informée par e-mail."
)


class ContributorError(Exception):
    """A refused change of contributors; its message is shown to the user as is."""


def _require_editor(resource, by) -> None:
    if not resource.permissions_for_user(by).can_edit():
        raise ContributorError(
            "Seules les personnes qui peuvent modifier la ressource y invitent des contributeurs."
        )


def contributors(resource):
    return (
        resource.contributors_group()
        .user_set.exclude(pk=resource.owner_id)
        .order_by("last_name", "first_name")
    )


@transaction.atomic
def add_contributor(resource, email: str, by) -> None:
    """Let the account using this address edit ``resource`` (a page permission on it alone) and tell
    them by e-mail. Unknown addresses, the owner's and those of contributors already there change
    nothing and raise nothing: the inviter learns nothing about accounts (``INVITATION_SENT``). Every
    attempt counts towards the inviter's hourly allowance, so that it cannot tell them apart either."""
    _require_editor(resource, by)
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ContributorError("Saisissez une adresse e-mail valide.") from error
    ratelimits.consume("contributor_invitation", user=by)
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    group = resource.contributors_group()
    if user is None or user.pk == resource.owner_id or group.user_set.filter(pk=user.pk).exists():
        return
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=resource,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    group.user_set.add(user)
    log(resource, "lesbases.contributor_added", user=by, data={"member": user.public_name})
    send_mail(
        f"Invitation à contribuer à la ressource {resource.title}",
        render_to_string("resources/emails/contributor_added.txt", {"resource": resource, "by": by}),
        None,
        [user.email],
    )


@transaction.atomic
def remove_contributor(resource, user, by) -> None:
    _require_editor(resource, by)
    if user is None or user.pk == resource.owner_id:
        raise ContributorError("Cette personne ne contribue pas à la ressource.")
    resource.contributors_group().user_set.remove(user)
    log(resource, "lesbases.contributor_removed", user=by, data={"member": user.public_name})
