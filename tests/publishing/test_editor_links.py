"""On a resource, those who may edit it (Wagtail's page permissions) find « Modifier », « Paramètres »
and « Historique »; a base's admins find « Gérer la base ». Nobody else sees them."""

import pytest
from django.test import Client
from django.urls import reverse

from resources.contributors import add_contributor
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LINKS = ("Modifier</a>", "Paramètres</a>", "Historique</a>")


def shows_editor_links(client, resource) -> bool:
    html = client.get(resource.url).content.decode()
    found = [link in html for link in LINKS]
    assert all(found) or not any(found)
    return all(found)


def test_the_author_sees_them_and_they_lead_to_the_editor():
    author = factories.contributor()
    resource = factories.resource(owner=author)
    client = client_for(author)
    html = client.get(resource.url).content.decode()
    edit = reverse("wagtailadmin_pages:edit", args=[resource.pk])
    history = reverse("wagtailadmin_pages:history", args=[resource.pk])
    assert (
        f'href="{edit}"' in html and f'href="{edit}#tab-parametres"' in html and f'href="{history}"' in html
    )
    assert 'id="tab-parametres"' in client.get(edit).content.decode()
    assert client.get(history).status_code == 200


def test_an_invited_contributor_sees_them():
    author, invited = factories.contributor(), factories.contributor()
    resource = factories.resource(owner=author)
    add_contributor(resource, invited.email, by=author)
    assert shows_editor_links(client_for(invited), resource)


def test_in_a_base_its_members_and_admins_see_them(team):
    resource = team["resources"]["public"]
    assert shows_editor_links(client_for(team["member"]), resource)
    assert shows_editor_links(client_for(team["admin"]), resource)


def test_readers_do_not_see_them(team):
    resource = team["resources"]["public"]
    assert not shows_editor_links(Client(), resource)
    assert not shows_editor_links(client_for(factories.contributor()), resource)
    personal = factories.resource(owner=team["admin"])
    assert not shows_editor_links(client_for(team["member"]), personal)


def test_a_bases_admins_see_gerer_la_base_and_nobody_else(team):
    base = team["bases"]["public"]
    manage = reverse("bases:manage", args=[base.slug])
    admin_html = client_for(team["admin"]).get(base.url).content.decode()
    assert f'href="{manage}">Gérer la base</a>' in admin_html
    assert client_for(team["admin"]).get(manage).status_code == 200
    for client in (client_for(team["member"]), client_for(factories.contributor()), Client()):
        assert "Gérer la base" not in client.get(base.url).content.decode()
