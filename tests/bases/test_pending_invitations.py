"""A base's admins see its pending invitations on the Membres tab, and cancel or resend each one."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from bases import membership
from bases.models import Invitation
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(team):
    base = team["bases"]["public"]
    invitation, token = membership.invite(base, "nina@exemple.fr", "member", by=team["admin"])
    return invitation, token


def members_tab(client, base) -> str:
    return client.get(base.url + "?onglet=membres").content.decode()


def test_admins_see_pending_invitations_and_members_do_not(team, invited):
    base = team["bases"]["public"]
    assert "nina@exemple.fr" in members_tab(client_for(team["admin"]), base)
    assert "Invitations en attente" in members_tab(client_for(team["admin"]), base)
    assert "nina@exemple.fr" not in members_tab(client_for(team["member"]), base)


def test_cancelling_an_invitation_makes_its_link_stop_working(team, invited):
    invitation, token = invited
    base = team["bases"]["public"]
    url = reverse("bases:cancel_invitation", args=(base.slug, invitation.pk))

    response = client_for(team["admin"]).post(url, follow=True)
    page = response.content.decode()
    assert "L&#x27;invitation de nina@exemple.fr est annulée : son lien ne fonctionne plus." in page
    assert "Invitations en attente" not in page
    assert client_for(None).get(reverse("bases:invitation", args=(token,))).status_code == 404
    assert PageLogEntry.objects.filter(page=base, action="lesbases.invitation_cancelled").exists()


def test_resending_an_invitation_sends_a_new_link_and_the_old_one_stops_working(team, invited, mailoutbox):
    invitation, old_token = invited
    base = team["bases"]["public"]
    url = reverse("bases:resend_invitation", args=(base.slug, invitation.pk))

    response = client_for(team["admin"]).post(url, follow=True)
    assert (
        "L&#x27;invitation a été renvoyée à nina@exemple.fr, avec un nouveau lien."
        in response.content.decode()
    )
    assert len(mailoutbox) == 2 and mailoutbox[1].to == ["nina@exemple.fr"]
    assert mailoutbox[1].body.startswith("Bonjour")
    new_token = re.search(r"/invitations/([^/]+)/", mailoutbox[1].body).group(1)
    assert new_token != old_token
    assert client_for(None).get(reverse("bases:invitation", args=(old_token,))).status_code == 404
    assert client_for(None).get(reverse("bases:invitation", args=(new_token,))).status_code == 200


def test_an_expired_invitation_is_marked_and_may_be_resent(team, invited, mailoutbox):
    invitation, _ = invited
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    base = team["bases"]["public"]
    assert "Expirée" in members_tab(client_for(team["admin"]), base)
    client_for(team["admin"]).post(reverse("bases:resend_invitation", args=(base.slug, invitation.pk)))
    assert Invitation.objects.get(pk=invitation.pk).is_open and len(mailoutbox) == 2


def test_resending_counts_against_the_hourly_limit_of_invitations(team, invited, settings, mailoutbox):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "base_invitation": 1}
    invitation, token = invited  # the first of the hour
    base = team["bases"]["public"]
    response = client_for(team["admin"]).post(
        reverse("bases:resend_invitation", args=(base.slug, invitation.pk)), follow=True
    )
    assert "limitée à 1 par heure : rien n&#x27;a été envoyé." in response.content.decode()
    assert len(mailoutbox) == 1
    assert client_for(None).get(reverse("bases:invitation", args=(token,))).status_code == 200


@pytest.mark.parametrize("action", ["cancel_invitation", "resend_invitation"])
def test_an_invitation_of_another_base_is_not_found(team, invited, action, mailoutbox):
    invitation, _ = invited  # of the public base
    private = team["bases"]["private"]  # which the same admin runs
    response = client_for(team["admin"]).post(reverse(f"bases:{action}", args=(private.slug, invitation.pk)))
    assert response.status_code == 404
    assert "Cette invitation n&#x27;existe pas ou a déjà reçu une réponse." in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).token_hash == invitation.token_hash
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("action", ["cancel_invitation", "resend_invitation"])
def test_only_admins_cancel_or_resend(team, invited, action, mailoutbox):
    invitation, _ = invited
    base = team["bases"]["public"]
    url = reverse(f"bases:{action}", args=(base.slug, invitation.pk))
    for user in (team["member"], factories.contributor()):
        response = client_for(user).post(url)
        assert response.status_code == 403
        assert "Seuls les administrateurs de la base peuvent la gérer." in response.content.decode()
    assert client_for(team["admin"]).get(url).status_code == 405
    assert Invitation.objects.get(pk=invitation.pk).token_hash == invitation.token_hash
    assert len(mailoutbox) == 1


def test_an_answered_invitation_can_no_longer_be_cancelled(team, invited):
    invitation, token = invited
    nina = factories.contributor(email="nina@exemple.fr")
    membership.accept(token, nina)
    base = team["bases"]["public"]
    response = client_for(team["admin"]).post(
        reverse("bases:cancel_invitation", args=(base.slug, invitation.pk))
    )
    assert response.status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()
