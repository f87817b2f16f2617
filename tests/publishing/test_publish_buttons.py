"""« Publier une ressource » is where signed-in users look for it: the header, the home page, their
own profile and the bases where they may add resources."""

import pytest
from django.test import Client

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

BUTTON = "Publier une ressource"


def header(html: str) -> str:
    return html.split("</header>")[0]


def test_the_header_offers_it_to_signed_in_users_only():
    assert BUTTON in header(client_for(factories.contributor()).get("/").content.decode())
    assert BUTTON not in header(Client().get("/").content.decode())


def test_the_home_page_offers_it_to_everyone():
    body = Client().get("/").content.decode().split("</header>")[1]
    assert BUTTON in body and 'href="/publier/"' in body


def test_a_profile_offers_it_to_its_owner_only():
    owner = factories.contributor(is_public=True)
    url = f"/profils/{owner.slug}/"
    own = client_for(owner).get(url).content.decode().split("</header>")[1]
    assert BUTTON in own
    other = client_for(factories.contributor()).get(url).content.decode().split("</header>")[1]
    assert BUTTON not in other


def test_a_base_offers_it_to_those_who_may_add_there_with_the_base_chosen(team):
    base = team["bases"]["public"]
    for user in (team["admin"], team["member"]):
        body = client_for(user).get(base.url).content.decode().split("</header>")[1]
        assert f'href="/publier/?base={base.pk}"' in body
    for client in (client_for(factories.contributor()), Client()):
        body = client.get(base.url).content.decode().split("</header>")[1]
        assert "/publier/?base=" not in body
