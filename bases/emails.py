"""What base membership tells people: e-mails in French with absolute links to the site, and the
notifications (``notifications.delivery.notify``) of those who have an account, which bring their
e-mail when their preferences say so."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import Membership
from cms import emails
from notifications.delivery import notify
from notifications.models import Kind


def _send(recipients: list[str], subject: str, template: str, context: dict) -> None:
    emails.send(recipients, subject, f"bases/emails/{template}.txt", context)


def invitation(invitation, token: str) -> None:
    base = invitation.base
    _send(
        [invitation.email],
        f"Invitation à rejoindre la base {base.title}",
        "invitation",
        {
            "invitation": invitation,
            "base_url": emails.absolute(base.url),
            "answer_url": emails.absolute(reverse("bases:invitation", args=[token])),
        },
    )


def join_request(join_request) -> None:
    """To the base's admins, who decide on it: they read the full name, as in the members tab."""
    base, user = join_request.base, join_request.user
    notify(
        Kind.JOIN_REQUEST,
        get_user_model().objects.filter(memberships__base=base, memberships__role=Membership.Role.ADMIN),
        f"{user} demande à rejoindre la base « {base.title} ».",
        actor=user,
        page=base,
        url=base.url + "?onglet=membres",
        subject=f"{user} demande à rejoindre la base {base.title}",
        email_template="bases/emails/join_request.txt",
        email_context={
            "join_request": join_request,
            "members_url": emails.absolute(base.url + "?onglet=membres"),
        },
    )


def join_request_answered(join_request, by) -> None:
    """To whoever asked; a refusal links nowhere: a private base stays closed to them."""
    base = join_request.base
    verdict = "acceptée" if join_request.accepted else "refusée"
    notify(
        Kind.JOIN_REQUEST_ANSWERED,
        [join_request.user],
        f"Votre demande pour rejoindre la base « {base.title} » a été {verdict}.",
        actor=by,
        page=base if join_request.accepted else None,
        subject=f"Votre demande pour rejoindre la base {base.title} a été {verdict}",
        email_template="bases/emails/join_request_answered.txt",
        email_context={
            "join_request": join_request,
            "verdict": verdict,
            "base_url": emails.absolute(base.url),
        },
    )


def invitation_answered(invitation, by) -> None:
    """To whoever invited."""
    if invitation.invited_by is None:
        return
    base = invitation.base
    verdict = "accepté" if invitation.accepted else "refusé"
    notify(
        Kind.INVITATION_ACCEPTED if invitation.accepted else Kind.INVITATION_DECLINED,
        [invitation.invited_by],
        f"{by.public_name} a {verdict} votre invitation à rejoindre la base « {base.title} ».",
        actor=by,
        page=base,
    )


def role_changed(membership, by) -> None:
    base = membership.base
    notify(
        Kind.ROLE_CHANGED,
        [membership.user],
        f"Vous êtes désormais {membership.get_role_display().lower()} de la base « {base.title} ».",
        actor=by,
        page=base,
    )


def removed(base, user, by) -> None:
    """Told without a link: a private base is closed to them now."""
    notify(
        Kind.REMOVED_FROM_BASE,
        [user],
        f"Vous n'êtes plus membre de la base « {base.title} ».",
        actor=by,
        subject=f"Vous n'êtes plus membre de la base {base.title}",
        email_template="bases/emails/removed.txt",
        email_context={"base": base, "user": user, "base_url": emails.absolute(base.url)},
    )


def base_deleted(base, by) -> None:
    """To its members, before the base and its memberships go."""
    notify(
        Kind.BASE_DELETED,
        get_user_model().objects.filter(memberships__base=base),
        f"La base « {base.title} » a été supprimée par {by.public_name}.",
        actor=by,
    )


def became_admin(base, user) -> None:
    """To the oldest member of a base whose last admin deleted their account."""
    _send(
        [user.email],
        f"Vous êtes administrateur de la base {base.title}",
        "became_admin",
        {"base": base, "base_url": emails.absolute(base.url)},
    )


def base_without_admin(base) -> None:
    """To the platform admins: the last member of a base deleted their account."""
    admins = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS_GROUP), is_active=True
    )
    _send(
        sorted(set(admins.values_list("email", flat=True))),
        f"La base {base.title} n'a plus d'administrateur",
        "base_without_admin",
        {"base": base, "base_url": emails.absolute(base.url)},
    )
