"""A resource's life from the site: moving it to another of its editor's places, deleting it.

Both go through Wagtail's own actions (``MovePageAction``, ``DeletePageAction``), which check the
acting user's page permissions, write the page's history and the audit log, and send Wagtail's
signals. Each operation is atomic and raises ``LifeError`` with a French message when refused."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import GroupPagePermission, Page

from cms.slugs import reserved_slugs
from notifications.delivery import notify
from notifications.models import Kind
from resources.models import Report, ResourceIndexPage, ResourcePage

REFUSED_MOVE = "Vous ne pouvez pas déplacer la ressource à cet endroit."


class LifeError(Exception):
    """A refused move or deletion; its message is shown to the user as is."""


def destinations(resource: ResourcePage, user) -> list[Page]:
    """Where ``user`` may move ``resource``: the pages their groups may add to that may hold a
    resource (the profile's ``/ressources/``, their bases), kept when Wagtail lets them move it
    there (a live resource needs *publish* at its destination). Its current place excluded."""
    if not user.is_authenticated:
        return []
    granted = GroupPagePermission.objects.filter(
        group__in=user.groups.all(), permission__codename="add_page"
    ).values("page")
    candidates = (
        Page.objects.filter(pk__in=granted)
        .type(*ResourcePage.allowed_parent_page_models())
        .exclude(path=resource.path[: -resource.steplen])
        .specific()
        .order_by("depth", "title")
    )
    permissions = resource.permissions_for_user(user)
    return [page for page in candidates if permissions.can_move_to(page)]


def destination_label(destination: Page, resource: ResourcePage, user) -> str:
    if isinstance(destination, ResourceIndexPage):
        if resource.owner_id == user.pk:
            return "Mon profil"
        return f"Le profil de son auteur, {resource.owner.public_name}" if resource.owner else "Mon profil"
    return f"La base « {destination.title} »"


def moved_message(resource: ResourcePage, user, submission_cancelled: bool = False) -> str:
    parent = resource.get_parent().specific
    if isinstance(parent, ResourceIndexPage):
        whose = "votre profil" if resource.owner_id == user.pk else "le profil de son auteur"
        message = f"La ressource « {resource.title} » a été déplacée dans {whose}."
    else:
        message = f"La ressource « {resource.title} » a été déplacée dans la base « {parent.title} »."
    if submission_cancelled:
        message += (
            " La demande de validation en cours a été annulée : elle s'adressait à son ancienne place."
            " Publiez la ressource ou soumettez-la de nouveau depuis l'éditeur."
        )
    return message


@transaction.atomic
def move(resource: ResourcePage, destination_id, by) -> tuple[ResourcePage, bool]:
    """Move ``resource`` under the destination of that id, then re-apply its visibility there: its
    view restriction names the groups of its new base (or none, in the profile), and a private
    base's own restriction hides it from outsiders from now on (``cms.visibility``).

    A submission in progress (or sent back for changes) was made to the reviewers of the old place,
    a base's admins, who could otherwise still approve it and publish it in a place that is no
    longer theirs: it is cancelled, and the second value says so."""
    destination = next(
        (page for page in destinations(resource, by) if str(page.pk) == str(destination_id)), None
    )
    if destination is None:
        raise LifeError("Choisissez une destination parmi celles proposées.")
    submission = resource.current_workflow_state
    _free_slug_in(destination, resource)
    MovePageAction(resource, destination, pos="last-child", user=by).execute()
    if submission is not None:
        submission.cancel(user=by)
    moved = ResourcePage.objects.get(pk=resource.pk)
    moved.apply_visibility()
    return moved, submission is not None


def _free_slug_in(destination: Page, resource: ResourcePage) -> None:
    """The resource keeps its address unless a sibling there holds it or the site routes it there (a
    base's « gerer »…): then ``-2``, ``-3``…"""
    taken = set(destination.get_children().values_list("slug", flat=True)) | reserved_slugs(destination)
    slug, number = resource.slug, 2
    while slug in taken:
        slug, number = f"{resource.slug[:240]}-{number}", number + 1
    if slug != resource.slug:
        Page.objects.filter(pk=resource.pk).update(slug=slug)
        resource.slug = slug


def deletion_summary(resource: ResourcePage) -> dict:
    """What goes with the resource, for its confirmation page: a fixed number of queries."""
    return {
        "saves": resource.saves_count,
        "ratings": resource.ratings.count(),
        "open_reports": resource.reports.filter(status=Report.Status.OPEN).count(),
    }


@transaction.atomic
def delete(resource: ResourcePage, by) -> None:
    """Delete ``resource`` through Wagtail (its audit log keeps the deletion). Its place in
    collections, its ratings and its contributors' rights go with it; its reports stay for the
    moderators, the open ones closed with a note saying who deleted the resource and when."""
    if not resource.permissions_for_user(by).can_delete():
        raise LifeError("Vous ne pouvez pas supprimer cette ressource.")
    note = (
        f"Ressource supprimée le {date_format(timezone.localtime(), 'j F Y à H:i')} "
        f"par {by.public_name}, avant toute décision de modération."
    )
    resource.reports.update(resource_title=resource.title)
    resource.reports.filter(status=Report.Status.OPEN).update(
        status=Report.Status.DELETED, moderator_comment=note, resolved_at=timezone.now()
    )
    group_name = resource.contributors_group_name()
    # Its author and contributors learn who deleted it: the notification has no page left to link to.
    editors = get_user_model().objects.filter(Q(pk=resource.owner_id) | Q(groups__name=group_name))
    notify(
        Kind.RESOURCE_DELETED,
        editors,
        f"{by.public_name} a supprimé la ressource « {resource.title} ».",
        actor=by,
    )
    DeletePageAction(resource, user=by).execute()
    Group.objects.filter(name=group_name).delete()
