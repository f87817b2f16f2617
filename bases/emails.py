"""The emails of base membership, in French, with absolute links to the site."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import ADMINISTRATORS_GROUP


def _site_url(path: str) -> str:
    return Site.objects.get(is_default_site=True).root_url + path


def _send(recipients: list[str], subject: str, template: str, context: dict) -> None:
    if recipients:
        body = render_to_string(f"bases/emails/{template}.txt", context)
        send_mail(subject, body, None, recipients)


def invitation(invitation, token: str) -> None:
    base = invitation.base
    _send(
        [invitation.email],
        f"Invitation à rejoindre la base {base.title}",
        "invitation",
        {
            "invitation": invitation,
            "base_url": _site_url(base.url),
            "answer_url": _site_url(reverse("bases:invitation", args=[token])),
        },
    )


def join_request(join_request) -> None:
    base = join_request.base
    admins = base.memberships.filter(role="admin").values_list("user__email", flat=True)
    _send(
        list(admins),
        f"{join_request.user} demande à rejoindre la base {base.title}",
        "join_request",
        {"join_request": join_request, "members_url": _site_url(base.url + "?onglet=membres")},
    )


def join_request_answered(join_request) -> None:
    base = join_request.base
    verdict = "acceptée" if join_request.accepted else "refusée"
    _send(
        [join_request.user.email],
        f"Votre demande pour rejoindre la base {base.title} a été {verdict}",
        "join_request_answered",
        {"join_request": join_request, "verdict": verdict, "base_url": _site_url(base.url)},
    )


def removed(base, user) -> None:
    _send(
        [user.email],
        f"Vous n'êtes plus membre de la base {base.title}",
        "removed",
        {"base": base, "user": user, "base_url": _site_url(base.url)},
    )


def became_admin(base, user) -> None:
    """To the oldest member of a base whose last admin deleted their account."""
    _send(
        [user.email],
        f"Vous êtes administrateur de la base {base.title}",
        "became_admin",
        {"base": base, "base_url": _site_url(base.url)},
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
        {"base": base, "base_url": _site_url(base.url)},
    )
