"""An editor of a resource invites a contributor, who may then edit that resource and nothing else."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def edit_status(user, page):
    return client_for(user).get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code


@pytest.fixture
def owner():
    return factories.contributor(first_name="Olga", last_name="Autrice")


def test_an_invited_contributor_edits_that_resource_only(owner, mailoutbox):
    resource = factories.resource(owner=owner, title="Fiche partagée")
    other = factories.resource(owner=owner, title="Autre fiche")
    guest = factories.contributor(email="paul@exemple.fr", first_name="Paul", last_name="Invité")
    assert edit_status(guest, resource) == 302

    response = client_for(owner).post(
        reverse("resources:invite_contributor", args=(resource.pk,)),
        {"email": "Paul@Exemple.fr"},
        follow=True,
    )
    assert "Paul Invité peut désormais modifier cette ressource." in response.content.decode()
    assert edit_status(guest, resource) == 200
    assert edit_status(guest, other) == 302
    mail = mailoutbox[-1]
    assert mail.subject == "Invitation à contribuer à la ressource Fiche partagée" and mail.to == [
        "paul@exemple.fr"
    ]
    assert f"/admin/pages/{resource.pk}/edit/" in mail.body


def test_a_private_resource_shows_to_its_contributor(owner):
    resource = factories.resource(owner=owner, is_public=False)
    resource.apply_visibility()
    guest = factories.contributor(email="paul@exemple.fr")
    assert client_for(guest).get(resource.url).status_code == 302
    client_for(owner).post(
        reverse("resources:invite_contributor", args=(resource.pk,)), {"email": guest.email}
    )
    assert client_for(guest).get(resource.url).status_code == 200


def test_someone_who_cannot_edit_cannot_invite(owner):
    resource = factories.resource(owner=owner)
    outsider = factories.contributor()
    client_for(outsider).post(
        reverse("resources:invite_contributor", args=(resource.pk,)), {"email": outsider.email}
    )
    assert edit_status(outsider, resource) == 302


def test_an_unknown_address_gets_a_message(owner):
    resource = factories.resource(owner=owner)
    response = client_for(owner).post(
        reverse("resources:invite_contributor", args=(resource.pk,)),
        {"email": "personne@exemple.fr"},
        follow=True,
    )
    assert "doit d&#x27;abord s&#x27;inscrire" in response.content.decode()


def test_removing_a_contributor_takes_the_right_back(owner):
    resource = factories.resource(owner=owner)
    guest = factories.contributor(email="paul@exemple.fr")
    client = client_for(owner)
    client.post(reverse("resources:invite_contributor", args=(resource.pk,)), {"email": guest.email})
    client.post(reverse("resources:remove_contributor", args=(resource.pk, guest.pk)))
    assert edit_status(guest, resource) == 302


def test_the_contributors_section_shows_only_to_editors(owner, client):
    resource = factories.resource(owner=owner)
    assert "Inviter à contribuer" in client_for(owner).get(resource.url).content.decode()
    assert "Inviter à contribuer" not in client.get(resource.url).content.decode()
    assert (
        "Inviter à contribuer" not in client_for(factories.contributor()).get(resource.url).content.decode()
    )
