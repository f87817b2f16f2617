"""A base's admins switch it public or private as one confirmed action; its resources follow at once."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from bases.models import BasePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def visibility_url(base):
    return reverse("bases:visibility", args=(base.slug,))


def searched(client, query) -> list[str]:
    response = client.get("/rechercher/", {"q": query})
    return [item.title for item in response.context["results"]]


def test_making_a_public_base_private_hides_it_and_its_resources_at_once(team):
    base, resource = team["bases"]["public"], team["resources"]["public"]
    admin, visitor = client_for(team["admin"]), client_for(None)
    assert visitor.get(resource.url).status_code == 200
    assert searched(visitor, "ouverte") == ["Fiche de la base ouverte"]

    confirmation = admin.get(visibility_url(base)).content.decode()
    assert "Rendre la base « Base ouverte » privée ?" in confirmation
    assert "Les ressources publiques de la base ne seront plus visibles que par ses membres." in confirmation
    assert BasePage.objects.get(pk=base.pk).is_public  # asking changes nothing

    response = admin.post(visibility_url(base), {"is_public": "0"}, follow=True)
    assert "La base est désormais privée." in response.content.decode()
    assert "Base privée" in response.content.decode()

    assert visitor.get(base.url).status_code == 403 and visitor.get(resource.url).status_code == 403
    assert client_for(factories.contributor()).get(resource.url).status_code == 403
    assert searched(visitor, "ouverte") == []
    assert searched(client_for(team["member"]), "ouverte") == ["Fiche de la base ouverte"]
    assert client_for(team["member"]).get(resource.url).status_code == 200
    entry = PageLogEntry.objects.filter(page=base, action="lesbases.visibility_changed").latest("timestamp")
    assert entry.user == team["admin"] and entry.data == {"public": False}


def test_making_a_private_base_public_shows_it_and_its_public_resources_at_once(team):
    base, resource = team["bases"]["private"], team["resources"]["private"]
    secret = factories.resource(
        parent=base, owner=team["admin"], title="Fiche fermée secrète", is_public=False
    )
    admin, visitor = client_for(team["admin"]), client_for(None)
    assert visitor.get(resource.url).status_code == 403
    assert searched(visitor, "fermée") == []

    confirmation = admin.get(visibility_url(base)).content.decode()
    assert "Rendre la base « Base fermée » publique ?" in confirmation
    assert "Les ressources publiques de la base seront visibles par tous" in confirmation

    response = admin.post(visibility_url(base), {"is_public": "1"}, follow=True)
    assert "La base est désormais publique." in response.content.decode()

    assert visitor.get(base.url).status_code == 200 and visitor.get(resource.url).status_code == 200
    assert searched(visitor, "fermée") == ["Fiche de la base fermée"]
    # A private resource stays its base's.
    assert visitor.get(secret.url).status_code == 302


def test_sending_the_confirmation_twice_does_not_switch_back(team):
    base = team["bases"]["public"]
    admin = client_for(team["admin"])
    admin.post(visibility_url(base), {"is_public": "0"})
    admin.post(visibility_url(base), {"is_public": "0"})
    assert not BasePage.objects.get(pk=base.pk).is_public


def test_a_forged_choice_changes_nothing(team):
    base = team["bases"]["public"]
    response = client_for(team["admin"]).post(visibility_url(base), {"is_public": "peut-être"})
    assert response.status_code == 200
    assert "Choisissez si la base doit être publique ou privée." in response.content.decode()
    assert BasePage.objects.get(pk=base.pk).is_public


def test_only_its_admins_switch_a_base(team):
    base = team["bases"]["public"]
    for user in (team["member"], factories.contributor()):
        response = client_for(user).post(visibility_url(base), {"is_public": "0"})
        assert response.status_code == 403
        assert "Seuls les administrateurs de la base peuvent la gérer." in response.content.decode()
    private = team["bases"]["private"]
    assert (
        client_for(factories.contributor()).post(visibility_url(private), {"is_public": "1"}).status_code
        == 404
    )
    assert BasePage.objects.get(pk=base.pk).is_public
    assert not BasePage.objects.get(pk=private.pk).is_public
