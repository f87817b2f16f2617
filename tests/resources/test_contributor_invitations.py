"""Inviting a contributor by e-mail without an account: the invitation waits for the address, and the
account opened with it (its address confirmed) may then edit the resource."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from resources.models import ContributorInvitation
from tests import factories
from tests.accounts.conftest import code_in
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NEUTRAL_ANSWER = (
    "Si cette adresse n&#x27;est pas déjà celle d&#x27;un contributeur, une invitation y a été envoyée"
)


def invite(owner, resource, email):
    return client_for(owner).post(
        reverse("resources:invite_contributor", args=(resource.pk,)), {"email": email}, follow=True
    )


def sign_up(email, mailoutbox) -> Client:
    """A new visitor signs up with ``email`` and enters the code it receives."""
    client = Client()
    response = client.post(
        "/inscription/",
        {
            "first_name": "Nina",
            "last_name": "Nouvelle",
            "email": email,
            "cgu": "on",
            "profile_visibility": "prive",
        },
    )
    client.post(response.url, {"code": code_in(mailoutbox[-1])})
    return client


def can_edit(client, resource) -> bool:
    return client.get(reverse("wagtailadmin_pages:edit", args=(resource.pk,))).status_code == 200


def test_an_address_without_an_account_gets_the_rights_once_it_signs_up(mailoutbox):
    owner = factories.contributor(first_name="Olga", last_name="Autrice", is_public=True)
    resource = factories.resource(owner=owner, title="Fiche partagée", is_public=False)
    resource.apply_visibility()

    assert NEUTRAL_ANSWER in invite(owner, resource, "Nina@Exemple.fr").content.decode()

    mail = mailoutbox[-1]
    assert mail.to == ["nina@exemple.fr"]
    assert mail.subject == "Invitation à contribuer à la ressource Fiche partagée"
    assert mail.body.startswith("Bonjour,") and "Olga Autrice vous invite" in mail.body
    assert "/inscription/" in mail.body
    client = sign_up("nina@exemple.fr", mailoutbox)
    assert can_edit(client, resource)
    assert client.get(resource.url).status_code == 200, "a private resource shows to its contributor"
    assert not ContributorInvitation.objects.exists()


def test_signing_up_with_another_address_claims_nothing(mailoutbox):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    invite(owner, resource, "nina@exemple.fr")
    client = sign_up("quelquun@exemple.fr", mailoutbox)
    assert not can_edit(client, resource)
    assert ContributorInvitation.objects.filter(email="nina@exemple.fr").exists()


def test_an_unconfirmed_sign_up_claims_nothing(mailoutbox):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    invite(owner, resource, "nina@exemple.fr")
    Client().post(
        "/inscription/",
        {
            "first_name": "N",
            "last_name": "N",
            "email": "nina@exemple.fr",
            "cgu": "on",
            "profile_visibility": "prive",
        },
    )
    assert ContributorInvitation.objects.filter(email="nina@exemple.fr").exists()
    assert not resource.contributors().exists()


def test_an_expired_invitation_gives_nothing(mailoutbox):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    invite(owner, resource, "nina@exemple.fr")
    ContributorInvitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    assert not can_edit(sign_up("nina@exemple.fr", mailoutbox), resource)


def test_the_answer_and_the_history_say_nothing_of_whether_the_address_has_an_account(mailoutbox):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    factories.contributor(email="paul@exemple.fr")
    answers = [
        invite(owner, resource, email).content.decode()
        for email in ("personne@exemple.fr", "paul@exemple.fr", owner.email)
    ]
    assert all(NEUTRAL_ANSWER in html for html in answers)
    assert sorted(mail.to[0] for mail in mailoutbox) == ["paul@exemple.fr", "personne@exemple.fr"]
    assert len({mail.subject for mail in mailoutbox}) == 1
    history = client_for(owner).get(reverse("wagtailadmin_pages:history", args=(resource.pk,)))
    assert "personne@exemple.fr" not in history.content.decode()
