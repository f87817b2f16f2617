"""A private base explains itself to whoever may not read it, instead of a bare sign-in page, and
reveals nothing of itself: not its name, its description, its members nor its resources."""

import pytest

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def private(team):
    base = team["bases"]["private"]
    base.description = "Nos comptes rendus de réunion confidentiels"
    base.save_revision().publish()
    return base


def _secrets(team, base) -> list[str]:
    return [
        base.title,
        "Nos comptes rendus de réunion confidentiels",
        team["resources"]["private"].title,
        "Adèle",
        "Marc",
        base.contact_email,
    ]


@pytest.mark.parametrize("viewer", [None, "stranger"])
@pytest.mark.parametrize("what", ["base", "resource"])
def test_a_visitor_is_told_it_is_a_private_base_and_nothing_of_it(team, private, viewer, what):
    user = factories.contributor() if viewer else None
    url = private.url if what == "base" else team["resources"]["private"].url
    response = client_for(user).get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Cette page appartient à une base privée" in html
    assert "demandez à l'un de ses administrateurs de vous inviter" in html
    main = html[html.index("<main") : html.index("</main>")]
    for secret in _secrets(team, private):
        assert secret not in main
    assert "<title>Base privée — " in html
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_anonymous_visitor_is_offered_to_sign_in_and_come_back(client, private):
    html = client.get(private.url).content.decode()
    assert f'href="/connexion/?next={private.url}"' in html
    assert "Créer un compte" in html


def test_members_read_the_base_as_before(team, private):
    html = client_for(team["member"]).get(private.url).content.decode()
    assert private.title in html


def test_a_private_resource_outside_any_base_still_asks_to_sign_in(client):
    resource = factories.resource(title="Brouillon personnel", is_public=False, owner=factories.contributor())
    response = client.get(resource.url)
    assert response.status_code == 302 and response.url.startswith("/connexion/")
