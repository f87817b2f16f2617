"""Who belongs to a base. Each operation is atomic, keeps the base's groups in step with the
memberships, records itself in Wagtail's audit log and tells the people concerned by email."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from bases import emails
from bases.models import BasePage, Invitation, JoinRequest, Membership
from cms import ratelimits

Role = Membership.Role


class MembershipError(Exception):
    """A refused membership operation; its message is shown to the user as is."""


def _require_admin(base: BasePage, user) -> None:
    if not base.viewer_role(user)["is_admin"]:
        raise MembershipError("Seuls les administrateurs de la base peuvent gérer ses membres.")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _set_role(base: BasePage, user, role: str) -> None:
    is_admin_role = role == Role.ADMIN
    (base.admins_group if is_admin_role else base.members_group).user_set.add(user)
    (base.members_group if is_admin_role else base.admins_group).user_set.remove(user)


def _admins_left(base: BasePage, without) -> bool:
    return base.memberships.filter(role=Role.ADMIN).exclude(user=without).exists()


@transaction.atomic
def invite(base: BasePage, email: str, role: str, by) -> tuple[Invitation, str]:
    """An invitation and its token (only its hash is stored), emailed to ``email``."""
    _require_admin(base, by)
    email = email.strip().lower()
    if base.memberships.filter(user__email__iexact=email).exists():
        raise MembershipError(f"{email} est déjà membre de la base.")
    ratelimits.consume("base_invitation", user=by)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        base=base,
        email=email,
        role=role,
        token_hash=_hash(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.BASE_INVITATION_DAYS),
    )
    log(base, "lesbases.member_invited", user=by, data={"email": email, "role": Role(role).label})
    emails.invitation(invitation, token)
    return invitation, token


@transaction.atomic
def cancel_invitation(invitation: Invitation, by) -> None:
    """Withdraw an unanswered invitation: its link stops working."""
    _require_admin(invitation.base, by)
    _require_unanswered(invitation)
    invitation.delete()
    log(invitation.base, "lesbases.invitation_cancelled", user=by, data={"email": invitation.email})


@transaction.atomic
def resend_invitation(invitation: Invitation, by) -> str:
    """Send an unanswered invitation again with a new token (the old link stops working) and a new
    expiry; counted like a new invitation against the sender's hourly allowance."""
    _require_admin(invitation.base, by)
    _require_unanswered(invitation)
    ratelimits.consume("base_invitation", user=by)
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _hash(token)
    invitation.expires_at = timezone.now() + timedelta(days=settings.BASE_INVITATION_DAYS)
    invitation.save(update_fields=["token_hash", "expires_at"])
    log(invitation.base, "lesbases.invitation_resent", user=by, data={"email": invitation.email})
    emails.invitation(invitation, token)
    return token


def _require_unanswered(invitation: Invitation) -> None:
    if invitation.answered_at is not None:
        raise MembershipError(f"L'invitation de {invitation.email} a déjà reçu une réponse.")


def invitation_for(token: str) -> Invitation | None:
    return Invitation.objects.select_related("base", "invited_by").filter(token_hash=_hash(token)).first()


def _open_invitation(token: str, user) -> Invitation:
    invitation = invitation_for(token)
    if invitation is None or not invitation.is_open:
        raise MembershipError(
            "Cette invitation n'est plus valable : elle a expiré ou a déjà reçu une réponse."
        )
    if invitation.email.lower() != user.email.lower():
        raise MembershipError("Cette invitation a été envoyée à une autre adresse e-mail que la vôtre.")
    return invitation


@transaction.atomic
def accept(token: str, user) -> Membership:
    invitation = _open_invitation(token, user)
    invitation.answered_at, invitation.accepted = timezone.now(), True
    invitation.save(update_fields=["answered_at", "accepted"])
    membership = join(invitation.base, user, invitation.role, by=user)
    emails.invitation_answered(invitation, by=user)
    return membership


@transaction.atomic
def decline(token: str, user) -> None:
    invitation = _open_invitation(token, user)
    invitation.answered_at, invitation.accepted = timezone.now(), False
    invitation.save(update_fields=["answered_at", "accepted"])
    log(invitation.base, "lesbases.invitation_declined", user=user, data={"email": user.email})
    emails.invitation_answered(invitation, by=user)


def join(base: BasePage, user, role: str, by) -> Membership:
    membership, created = Membership.objects.get_or_create(base=base, user=user, defaults={"role": role})
    if not created and role == Role.ADMIN and membership.role != Role.ADMIN:
        membership.role = Role.ADMIN
        membership.save(update_fields=["role"])
    _set_role(base, user, membership.role)
    base.join_requests.filter(user=user, answered_at__isnull=True).update(
        answered_at=timezone.now(), accepted=True, answered_by=by
    )
    log(
        base,
        "lesbases.member_added",
        user=by,
        data={"member": str(user), "role": membership.get_role_display()},
    )
    return membership


@transaction.atomic
def request_to_join(base: BasePage, user) -> JoinRequest:
    if base.memberships.filter(user=user).exists():
        raise MembershipError("Vous êtes déjà membre de cette base.")
    join_request, created = JoinRequest.objects.get_or_create(base=base, user=user, answered_at=None)
    if created:
        # Raising here rolls the new request back with the transaction: nothing is left, nothing sent.
        ratelimits.consume("join_request", user=user)
        log(base, "lesbases.join_requested", user=user, data={"member": str(user)})
        emails.join_request(join_request)
    return join_request


@transaction.atomic
def answer_request(join_request: JoinRequest, accepted: bool, by) -> None:
    base = join_request.base
    _require_admin(base, by)
    if join_request.answered_at is not None:
        raise MembershipError("Cette demande a déjà reçu une réponse.")
    join_request.answered_at, join_request.accepted, join_request.answered_by = timezone.now(), accepted, by
    join_request.save(update_fields=["answered_at", "accepted", "answered_by"])
    if accepted:
        join(base, join_request.user, Role.MEMBER, by=by)
    else:
        log(base, "lesbases.join_declined", user=by, data={"member": str(join_request.user)})
    emails.join_request_answered(join_request, by=by)


@transaction.atomic
def change_role(base: BasePage, user, role: str, by) -> Membership:
    _require_admin(base, by)
    membership = _membership(base, user)
    if role == Role.MEMBER and membership.role == Role.ADMIN and not _admins_left(base, user):
        raise MembershipError("La base doit garder au moins un administrateur.")
    membership.role = role
    membership.save(update_fields=["role"])
    _set_role(base, user, role)
    log(
        base,
        "lesbases.role_changed",
        user=by,
        data={"member": str(user), "role": membership.get_role_display()},
    )
    emails.role_changed(membership, by=by)
    return membership


@transaction.atomic
def remove(base: BasePage, user, by) -> None:
    _require_admin(base, by)
    _leave(base, _membership(base, user), by, action="lesbases.member_removed")
    emails.removed(base, user, by=by)


@transaction.atomic
def leave(base: BasePage, user) -> None:
    _leave(base, _membership(base, user), user, action="lesbases.member_left")


def _leave(base: BasePage, membership: Membership, by, action: str) -> None:
    if membership.role == Role.ADMIN and not _admins_left(base, membership.user):
        raise MembershipError("La base doit garder au moins un administrateur : nommez-en un autre avant.")
    membership.delete()
    base.members_group.user_set.remove(membership.user)
    base.admins_group.user_set.remove(membership.user)
    log(base, action, user=by, data={"member": str(membership.user)})


def _membership(base: BasePage, user) -> Membership:
    membership = base.memberships.filter(user=user).select_related("user").first()
    if membership is None:
        raise MembershipError("Cette personne n'est pas membre de la base.")
    return membership


@transaction.atomic
def hand_over(user) -> None:
    """Before ``user``'s account is deleted: each base of which they are the last admin gets its
    oldest other member as admin, told by e-mail; a base with no other member is flagged to the
    platform admins, who name its next admin."""
    sole_admin_of = Membership.objects.filter(user=user, role=Role.ADMIN).exclude(
        base__memberships__in=Membership.objects.filter(role=Role.ADMIN).exclude(user=user)
    )
    for membership in sole_admin_of.select_related("base"):
        base = membership.base
        successor = (
            base.memberships.exclude(user=user).select_related("user").order_by("created_at", "pk").first()
        )
        if successor is None:
            log(base, "lesbases.base_without_admin", user=None, data={"member": str(user)})
            emails.base_without_admin(base)
            continue
        successor.role = Role.ADMIN
        successor.save(update_fields=["role"])
        _set_role(base, successor.user, Role.ADMIN)
        log(
            base,
            "lesbases.role_changed",
            user=None,
            data={"member": str(successor.user), "role": successor.get_role_display()},
        )
        emails.became_admin(base, successor.user)
