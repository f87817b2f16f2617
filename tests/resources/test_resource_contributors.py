"""An editor of a resource invites a contributor, who may then edit that resource and nothing else."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NEUTRAL_ANSWER = (
    "Si cette adresse n&#x27;est pas déjà celle d&#x27;un contributeur, une invitation y a été envoyée : la "
    "personne pourra modifier la ressource avec son compte, ou en créant un compte avec cette adresse."
)


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
    assert NEUTRAL_ANSWER in response.content.decode()
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


@pytest.mark.parametrize(
    "resource_of",
    [
        lambda owner: factories.resource(owner=owner),
        lambda owner: factories.resource(owner=owner, publish=False, slug="brouillon-secret"),
        lambda owner: factories.resource(owner=owner, is_public=False, slug="fiche-privee"),
    ],
    ids=["public", "draft", "private"],
)
def test_someone_who_cannot_edit_gets_a_404_that_leads_nowhere(owner, resource_of):
    resource = resource_of(owner)
    resource.apply_visibility()
    contributor = factories.contributor(email="paul@exemple.fr")
    client = client_for(factories.contributor())
    for url in (
        reverse("resources:invite_contributor", args=(resource.pk,)),
        reverse("resources:remove_contributor", args=(resource.pk, contributor.pk)),
    ):
        response = client.post(url, {"email": "paul@exemple.fr"})
        assert response.status_code == 404 and "Location" not in response
        assert resource.slug not in response.content.decode()
    assert edit_status(contributor, resource) == 302


def test_the_answer_says_nothing_of_whether_the_address_has_an_account(owner, mailoutbox):
    resource = factories.resource(owner=owner)
    factories.contributor(email="paul@exemple.fr", first_name="Paul", last_name="Invité")
    client = client_for(owner)
    url = reverse("resources:invite_contributor", args=(resource.pk,))

    answers = [
        client.post(url, {"email": email}, follow=True).content.decode()
        for email in ("personne@exemple.fr", "paul@exemple.fr", "paul@exemple.fr", owner.email)
    ]

    assert all(NEUTRAL_ANSWER in html for html in answers)
    assert "Invité" not in answers[1], "a private profile's full name stays out of the page"
    # The address without an account is invited to sign up; the owner and a contributor already
    # there get nothing.
    assert [mail.to for mail in mailoutbox] == [["personne@exemple.fr"], ["paul@exemple.fr"]]


def test_a_malformed_address_is_refused_in_french(owner, mailoutbox):
    resource = factories.resource(owner=owner)
    response = client_for(owner).post(
        reverse("resources:invite_contributor", args=(resource.pk,)),
        {"email": "pas une adresse"},
        follow=True,
    )
    assert "Saisissez une adresse e-mail valide." in response.content.decode() and mailoutbox == []


def test_contributors_are_listed_as_the_site_shows_people(owner):
    resource = factories.resource(owner=owner)
    public = factories.contributor(
        email="pia@exemple.fr", first_name="Pia", last_name="Publique", is_public=True
    )
    private = factories.contributor(email="paul@exemple.fr", first_name="Paul", last_name="Discret")
    nameless = factories.contributor(email="sans.nom@exemple.fr", first_name="", last_name="")
    client = client_for(owner)
    for user in (public, private, nameless):
        client.post(reverse("resources:invite_contributor", args=(resource.pk,)), {"email": user.email})

    section = client.get(resource.url).content.decode().split('id="contributeurs"')[1]

    assert f'<a href="/profils/{public.slug}/">Pia Publique</a>' in section
    assert "Paul D." in section and "Discret" not in section and f"/profils/{private.slug}/" not in section
    assert "Un membre des Bases" in section
    assert "@exemple.fr" not in section


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


def test_invitations_count_towards_the_hourly_limit_whether_or_not_the_address_has_an_account(
    settings, mailoutbox
):
    settings.RATE_LIMITS_PER_HOUR = {**settings.RATE_LIMITS_PER_HOUR, "contributor_invitation": 2}
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    known = factories.contributor(email="connue@exemple.fr")
    client = client_for(owner)
    url = reverse("resources:invite_contributor", args=(resource.pk,))
    client.post(url, {"email": "inconnue@exemple.fr"})
    client.post(url, {"email": "autre-inconnue@exemple.fr"})

    response = client.post(url, {"email": known.email}, follow=True)

    assert "limitée à 2 par heure" in response.content.decode()
    # The two addresses without an account were invited to sign up; the third attempt sent nothing.
    assert [mail.to for mail in mailoutbox] == [["inconnue@exemple.fr"], ["autre-inconnue@exemple.fr"]]
    assert not known.groups.filter(name=resource.contributors_group_name()).exists()
