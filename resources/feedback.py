"""What readers say of a resource (ratings, replies, reports) and how moderators deal with reports.

Each operation checks who acts, runs in one transaction and raises ``PermissionDenied`` when the
acting user may not do it; views only validate input and show the outcome.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from accounts.roles import MODERATORS_GROUP
from cms import emails, ratelimits
from notifications.delivery import notify
from notifications.models import Kind
from resources import republication
from resources.models import Rating, RatingReply, Report, ResourcePage


class AlreadyModerated(Exception):
    """The report was dealt with already, by someone else or in another tab."""


class OwnResource(Exception):
    """Those who may edit a resource do not rate it: their ratings would skew its badge and sort."""

    message = "Vous pouvez modifier cette ressource : seuls ses lecteurs peuvent la recommander."


def may_rate(resource: ResourcePage, user) -> bool:
    return not resource.permissions_for_user(user).can_edit()


@transaction.atomic
def rate(resource: ResourcePage, user, value: int, comment: str = "") -> Rating:
    """Record ``user``'s rating of ``resource``, replacing the one they gave before."""
    if not may_rate(resource, user):
        raise OwnResource(OwnResource.message)
    had_comment = Rating.objects.filter(resource=resource, user=user).exclude(comment="").exists()
    rating, created = Rating.objects.update_or_create(
        resource=resource, user=user, defaults={"value": value, "comment": comment}
    )
    commented = bool(comment.strip()) and not had_comment
    if (created or commented) and resource.owner:
        # A new rating, or a comment added to an earlier one; a changed value or wording tells nobody.
        did = "recommandé" if created else "commenté"
        also = " et l'a commentée" if created and commented else ""
        notify(
            Kind.RATED,
            [resource.owner],
            f"{user.public_name} a {did} votre ressource « {resource.title} »{also}.",
            actor=user,
            page=resource,
        )
    return rating


@transaction.atomic
def delete_rating(rating: Rating, by) -> None:
    if rating.user_id != by.pk:
        raise PermissionDenied
    rating.delete()


@transaction.atomic
def reply(rating: Rating, by, text: str) -> RatingReply:
    """Answer a rating as the author or a contributor of the rated resource."""
    if not rating.resource.is_owner_or_contributor(by):
        raise PermissionDenied
    answer = RatingReply.objects.create(rating=rating, author=by, text=text)
    notify(
        Kind.REPLIED,
        [rating.user],
        f"{by.public_name} a répondu à votre commentaire sur la ressource « {rating.resource.title} ».",
        actor=by,
        page=rating.resource,
    )
    return answer


@transaction.atomic
def edit_reply(answer: RatingReply, by, text: str) -> RatingReply:
    if answer.author_id != by.pk:
        raise PermissionDenied
    answer.text = text
    answer.save(update_fields=["text", "updated_at"])
    return answer


@transaction.atomic
def delete_reply(answer: RatingReply, by) -> None:
    if answer.author_id != by.pk:
        raise PermissionDenied
    answer.delete()


@transaction.atomic
def report(resource: ResourcePage, by, reason: str, description: str) -> Report:
    """File a report on a live public resource and tell the moderators."""
    if not (resource.live and resource.is_public):
        raise PermissionDenied
    ratelimits.consume("report", user=by)
    created = Report.objects.create(
        resource=resource, resource_title=resource.title, reporter=by, reason=reason, description=description
    )
    moderators = get_user_model().objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
    _send(
        list(moderators.values_list("email", flat=True)),
        f"Signalement de la ressource {resource.title}",
        "report_created",
        {
            "report": created,
            "resource_url": emails.absolute(resource.url),
            "moderation_url": emails.absolute(reverse("signalements:edit", args=[created.pk])),
        },
    )
    return created


@transaction.atomic
def resolve(report: Report, by, comment: str, unpublish: bool = False) -> Report:
    """Close an open report with the moderator's private comment, unpublishing the resource if asked.

    Unpublishing goes through Wagtail (its action, its log entry, its signals), then the owner is told."""
    report = Report.objects.select_for_update(of=("self",)).select_related("resource").get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        raise AlreadyModerated("Ce signalement a déjà été traité.")
    report.status = Report.Status.UNPUBLISHED if unpublish else Report.Status.RESOLVED
    report.moderator_comment = comment
    report.resolved_by = by
    report.resolved_at = timezone.now()
    report.save()
    resource = report.resource
    if unpublish and resource.live:
        # Moderators hold no page permissions: the moderation decision is the authority here.
        UnpublishPageAction(resource, user=by).execute(skip_permission_checks=True)
        republication.hold(resource)
        if resource.owner:
            edit_url = reverse("wagtailadmin_pages:edit", args=[resource.pk])
            # No page: unpublished, the resource is read by nobody; its author edits it.
            notify(
                Kind.RESOURCE_UNPUBLISHED,
                [resource.owner],
                f"Votre ressource « {resource.title} » a été dépubliée par l'équipe de modération, "
                "à la suite d'un signalement.",
                url=edit_url,
                subject=f"Votre ressource {resource.title} a été dépubliée",
                email_template="resources/emails/resource_unpublished.txt",
                email_context={"report": report, "resource": resource, "edit_url": emails.absolute(edit_url)},
            )
    action = "lesbases.report_unpublished" if unpublish else "lesbases.report_resolved"
    log(resource, action, user=by, data={"reason": report.get_reason_display()})
    tell_reporter(report)
    return report


def tell_reporter(report: Report) -> None:
    """The outcome of their report, without the moderators' private comment."""
    if report.reporter is None:
        return
    unpublished = report.status == Report.Status.UNPUBLISHED
    outcome = "la ressource a été dépubliée" if unpublished else "la ressource reste en ligne"
    notify(
        Kind.REPORT_OUTCOME,
        [report.reporter],
        f"Votre signalement de la ressource « {report.resource_title} » a été traité : {outcome}.",
        page=None if unpublished else report.resource,
        subject=f"Votre signalement de la ressource {report.resource_title} a été traité",
        email_template="resources/emails/report_outcome.txt",
        email_context={"report": report, "unpublished": unpublished},
    )


def _send(recipients: list[str], subject: str, template: str, context: dict) -> None:
    emails.send(recipients, subject, f"resources/emails/{template}.txt", context)
