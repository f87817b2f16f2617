"""A contributor creates resources under /ressources/ and edits, publishes and sees only their own."""

import pytest
from django.urls import reverse

from resources.models import ResourceIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client):
    user = factories.contributor(first_name="Alice")
    client.force_login(user)
    return user


@pytest.fixture
def resources_of(alice):
    bob = factories.contributor(first_name="Bob")
    return {
        "alice": factories.resource(owner=alice, title="La fiche d'Alice"),
        "bob": factories.resource(owner=bob, title="La fiche de Bob"),
    }


def test_a_contributor_may_open_the_creation_form_under_ressources(client, alice):
    index = ResourceIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", index.pk))
    assert client.get(url).status_code == 200


def test_a_contributor_edits_their_own_resource_only(client, resources_of):
    assert client.get(reverse("wagtailadmin_pages:edit", args=(resources_of["alice"].pk,))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(resources_of["bob"].pk,))).status_code == 302


def test_a_contributor_cannot_unpublish_or_delete_the_resource_of_another(client, resources_of):
    bob = resources_of["bob"]
    client.post(reverse("wagtailadmin_pages:unpublish", args=(bob.pk,)))
    client.post(reverse("wagtailadmin_pages:delete", args=(bob.pk,)))
    bob.refresh_from_db()
    assert bob.live


def test_the_admin_explorer_lists_only_the_contributors_own_resources(client, resources_of):
    index = ResourceIndexPage.objects.get()
    html = client.get(reverse("wagtailadmin_explore", args=(index.pk,))).content.decode()
    assert "La fiche d&#x27;Alice" in html
    assert "La fiche de Bob" not in html


def test_a_contributor_cannot_add_pages_elsewhere_in_the_tree(client, alice):
    home = ResourceIndexPage.objects.get().get_parent()
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", home.pk))
    assert client.get(url).status_code in (302, 403)


def test_a_contributor_publishes_their_own_resource(client, alice):
    page = factories.resource(owner=alice, publish=False, title="Pas encore publiée")
    assert page.permissions_for_user(alice).can_publish()
    assert not factories.resource(owner=factories.contributor()).permissions_for_user(alice).can_publish()
