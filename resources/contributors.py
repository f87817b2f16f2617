"""Contributors of a single resource: people its editors invite to edit it, and nothing else."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission


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
def add_contributor(resource, email: str, by):
    """Let the user with this email edit ``resource`` (a page permission on it alone) and tell them."""
    _require_editor(resource, by)
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ContributorError(
            "Aucun compte n'utilise cette adresse : la personne doit d'abord s'inscrire sur Les Bases."
        )
    group = resource.contributors_group()
    if group.user_set.filter(pk=user.pk).exists():
        raise ContributorError(f"{user} contribue déjà à cette ressource.")
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=resource,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    group.user_set.add(user)
    log(resource, "lesbases.contributor_added", user=by, data={"member": str(user)})
    send_mail(
        f"Invitation à contribuer à la ressource {resource.title}",
        render_to_string("resources/emails/contributor_added.txt", {"resource": resource, "by": by}),
        None,
        [user.email],
    )
    return user


@transaction.atomic
def remove_contributor(resource, user, by) -> None:
    _require_editor(resource, by)
    if user is None or user.pk == resource.owner_id:
        raise ContributorError("Cette personne ne contribue pas à la ressource.")
    resource.contributors_group().user_set.remove(user)
    log(resource, "lesbases.contributor_removed", user=by, data={"member": str(user)})
