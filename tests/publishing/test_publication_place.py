"""« Publier une ressource » asks where (the user's profile or one of their bases where they may add)
and opens Wagtail's editor there; no other place is ever offered or accepted."""

import pytest
from django.test import Client
from django.urls import reverse

from resources.models import ResourceIndexPage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PUBLISH = "/publier/"


def editor_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))


def test_a_visitor_is_sent_to_sign_in_and_comes_back():
    response = Client().get(PUBLISH)
    assert response.status_code == 302
    assert response["Location"] == "/connexion/?next=/publier/"


def test_with_only_the_profile_the_editor_opens_at_once():
    user = factories.contributor()
    response = client_for(user).get(PUBLISH)
    assert response.status_code == 302
    assert response["Location"] == editor_url(ResourceIndexPage.objects.get())
    editor = client_for(user).get(response["Location"])
    assert editor.status_code == 200


def test_a_member_chooses_between_the_profile_and_their_bases(team):
    outsider_base = factories.base(title="Base des autres")
    html = client_for(team["member"]).get(PUBLISH).content.decode()
    assert "Où publier la ressource ?" in html
    assert "Mon profil" in html
    assert "Base ouverte" in html and "Base fermée" in html
    assert "Base des autres" not in html
    assert f'value="{outsider_base.pk}"' not in html


def test_choosing_a_base_opens_the_editor_under_it(team):
    base = team["bases"]["private"]
    client = client_for(team["member"])
    response = client.post(PUBLISH, {"place": base.pk})
    assert response.status_code == 302
    assert response["Location"] == editor_url(base)
    assert client.get(response["Location"]).status_code == 200


def test_choosing_the_profile_opens_the_editor_under_ressources(team):
    response = client_for(team["member"]).post(PUBLISH, {"place": ResourceIndexPage.objects.get().pk})
    assert response["Location"] == editor_url(ResourceIndexPage.objects.get())


@pytest.mark.parametrize("place", ["foreign", "home", "resource", "nonsense", "missing"])
def test_any_other_place_is_refused_in_french(team, place):
    foreign = factories.base(title="Base des autres")
    ids = {
        "foreign": foreign.pk,
        "home": ResourceIndexPage.objects.get().get_parent().pk,
        "resource": team["resources"]["public"].pk,
        "nonsense": "abc",
        "missing": "",
    }
    response = client_for(team["member"]).post(PUBLISH, {"place": ids[place]})
    assert response.status_code == 200
    html = response.content.decode()
    expected = "Choisissez où publier la ressource." if place == "missing" else "Vous ne pouvez pas publier"
    assert expected in html
    assert "Base des autres" not in html


def test_a_base_page_chooses_its_base_in_advance(team):
    base = team["bases"]["public"]
    html = client_for(team["member"]).get(f"{PUBLISH}?base={base.pk}").content.decode()
    checked = html.split(f'value="{base.pk}"')[1].split(">")[0]
    assert "checked" in checked
    assert "Vous ne pouvez pas" not in html


def test_a_foreign_base_in_advance_is_refused(team):
    foreign = factories.base(title="Base des autres")
    html = client_for(team["member"]).get(f"{PUBLISH}?base={foreign.pk}").content.decode()
    assert "Vous ne pouvez pas publier de ressource à cet endroit" in html
    assert "Base des autres" not in html


def test_a_foreign_base_is_refused_even_with_a_single_place():
    foreign = factories.base(title="Base des autres")
    response = client_for(factories.contributor()).get(f"{PUBLISH}?base={foreign.pk}")
    assert response.status_code == 200
    assert "Vous ne pouvez pas publier de ressource à cet endroit" in response.content.decode()


def test_its_queries_do_not_grow_with_the_number_of_bases(django_assert_max_num_queries):
    user = factories.contributor()
    factories.base(owner=user)
    client = client_for(user)
    client.get(PUBLISH)
    with django_assert_max_num_queries(100) as captured:
        assert client.get(PUBLISH).status_code == 200
    budget = len(captured)
    for _ in range(8):
        factories.base(members=[user])
    with django_assert_max_num_queries(budget):
        html = client.get(PUBLISH).content.decode()
    assert html.count('name="place"') == 10
    print(f"where-page with 10 places: {budget} queries")
