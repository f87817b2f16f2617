"""Invitations by email: a single-use token that expires, answered only by the invited address."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bases import membership
from bases.models import Invitation, Membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def invite(client, base, email, role="member"):
    return client.post(reverse("bases:invite", args=(base.slug,)), {"email": email, "role": role})


def answer_link(mail) -> str:
    return re.search(r"https?://[^\s]+/invitations/[^\s/]+/", mail.body).group(0)


def test_the_invitation_email_links_to_a_page_where_the_invited_user_accepts(team, mailoutbox):
    base = team["bases"]["public"]
    invite(client_for(team["admin"]), base, "Nina.Nouvelle@exemple.fr", role="admin")

    mail = mailoutbox[-1]
    assert mail.subject == "Invitation à rejoindre la base Base ouverte"
    assert mail.to == ["nina.nouvelle@exemple.fr"]
    link = answer_link(mail)
    assert link.startswith("http://localhost/invitations/") or link.startswith("http://")
    path = "/" + link.split("/", 3)[3]

    assert "Se connecter" in client_for(None).get(path).content.decode()
    nina = factories.contributor(email="nina.nouvelle@exemple.fr", first_name="Nina")
    client = client_for(nina)
    assert "Accepter l'invitation" in client.get(path).content.decode()
    response = client.post(path, {"accept": "1"})
    assert response.status_code == 302 and response.url == base.url
    assert Membership.objects.get(base=base, user=nina).role == "admin"
    assert nina.groups.filter(pk=base.admins_group_id).exists()


def test_a_token_cannot_be_reused(team):
    base = team["bases"]["public"]
    _, token = membership.invite(base, "nina@exemple.fr", "member", by=team["admin"])
    nina = factories.contributor(email="nina@exemple.fr")
    path = reverse("bases:invitation", args=(token,))
    client_for(nina).post(path, {"accept": "0"})
    response = client_for(nina).post(path, {"accept": "1"})
    assert response.status_code == 410
    assert not Membership.objects.filter(base=base, user=nina).exists()


def test_an_expired_invitation_is_refused(team):
    base = team["bases"]["private"]
    invitation, token = membership.invite(base, "nina@exemple.fr", "member", by=team["admin"])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    nina = factories.contributor(email="nina@exemple.fr")
    response = client_for(nina).post(reverse("bases:invitation", args=(token,)), {"accept": "1"})
    assert response.status_code == 410 and "Invitation expirée" in response.content.decode()
    assert not Membership.objects.filter(base=base, user=nina).exists()


def test_someone_else_cannot_accept_an_invitation(team):
    base = team["bases"]["private"]
    _, token = membership.invite(base, "nina@exemple.fr", "admin", by=team["admin"])
    intruder = factories.contributor(email="intrus@exemple.fr")
    response = client_for(intruder).post(
        reverse("bases:invitation", args=(token,)), {"accept": "1"}, follow=True
    )
    assert "envoyée à une autre adresse" in response.content.decode()
    assert not Membership.objects.filter(base=base, user=intruder).exists()
    assert Invitation.objects.get(email="nina@exemple.fr").answered_at is None


@pytest.mark.parametrize("token", ["inconnu", "x" * 43, "%2e%2e"])
def test_a_forged_token_is_a_clear_404(client, token):
    response = client.get(f"/invitations/{token}/")
    assert response.status_code == 404 and "Invitation introuvable" in response.content.decode()


def test_inviting_a_member_again_is_refused_with_a_message(team, mailoutbox):
    base = team["bases"]["public"]
    client = client_for(team["admin"])
    response = invite(client, base, team["member"].email)
    assert response.status_code == 302
    assert not Invitation.objects.filter(base=base).exists() and not mailoutbox
    page = client.get(response.url).content.decode()
    assert "est déjà membre de la base" in page


def test_a_malformed_invitation_form_changes_nothing(team):
    base = team["bases"]["public"]
    response = invite(client_for(team["admin"]), base, "pas-une-adresse", role="roi")
    assert response.status_code == 302
    assert not Invitation.objects.exists()
