"""Reordering a collection: "Monter" and "Descendre" forms, and the order posted by drag and drop."""

import pytest
from django.test import Client

from community import collections
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.contributor()


@pytest.fixture
def filled(owner):
    collection = collections.create_collection(owner, "Dans l'ordre")
    resources = [factories.resource(title=f"Fiche {letter}") for letter in "ABC"]
    for resource in resources:
        collections.save_resource(collection, resource, by=owner)
    return collection, resources


def order(collection) -> list[str]:
    return list(collection.items.order_by("position").values_list("resource__title", flat=True))


def test_moving_down_and_up(owner, filled):
    collection, (a, _b, c) = filled
    client = client_for(owner)
    response = client.post(f"/collections/{collection.pk}/ressources/{a.pk}/descendre/")
    assert response.status_code == 302 and response.url.endswith(f"#ressource-{a.pk}")
    assert order(collection) == ["Fiche B", "Fiche A", "Fiche C"]
    client.post(f"/collections/{collection.pk}/ressources/{c.pk}/monter/")
    assert order(collection) == ["Fiche B", "Fiche C", "Fiche A"]


def test_the_ends_stay_put(owner, filled):
    collection, (a, _b, c) = filled
    client = client_for(owner)
    client.post(f"/collections/{collection.pk}/ressources/{a.pk}/monter/")
    client.post(f"/collections/{collection.pk}/ressources/{c.pk}/descendre/")
    assert order(collection) == ["Fiche A", "Fiche B", "Fiche C"]


def test_the_page_shows_the_order_and_the_buttons(owner, filled):
    collection, (_a, _b, _c) = filled
    html = client_for(owner).get(collection.get_absolute_url()).content.decode()
    assert html.index("Fiche A") < html.index("Fiche B") < html.index("Fiche C")
    assert html.count(">Monter<") == 2 and html.count(">Descendre<") == 2


def test_a_dropped_order_is_saved(owner, filled):
    collection, (a, b, c) = filled
    client_for(owner).post(f"/collections/{collection.pk}/ordre/", {"ressources": [c.pk, a.pk, b.pk]})
    assert order(collection) == ["Fiche C", "Fiche A", "Fiche B"]


def test_a_partial_order_keeps_the_others_in_place(owner, filled):
    collection, (_a, b, c) = filled
    client_for(owner).post(f"/collections/{collection.pk}/ordre/", {"ressources": [c.pk, b.pk]})
    assert order(collection) == ["Fiche A", "Fiche C", "Fiche B"]


@pytest.mark.parametrize("forged", [["999999"], ["abc"], ["{a}", "{a}"], ["{a}", "{other}"]])
def test_forged_orders_change_nothing(owner, filled, forged):
    collection, (a, _b, _c) = filled
    other = factories.resource()
    values = [value.format(a=a.pk, other=other.pk) for value in forged]
    response = client_for(owner).post(f"/collections/{collection.pk}/ordre/", {"ressources": values})
    assert response.status_code == 302
    assert order(collection) == ["Fiche A", "Fiche B", "Fiche C"]


def test_others_cannot_reorder(owner, filled):
    collection, (a, b, c) = filled
    intruder = client_for(factories.contributor())
    assert intruder.post(f"/collections/{collection.pk}/ressources/{a.pk}/descendre/").status_code == 404
    assert (
        intruder.post(f"/collections/{collection.pk}/ordre/", {"ressources": [c.pk, b.pk, a.pk]}).status_code
        == 404
    )
    anonymous = Client().post(f"/collections/{collection.pk}/ressources/{a.pk}/descendre/")
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")
    assert order(collection) == ["Fiche A", "Fiche B", "Fiche C"]


def test_a_resource_not_in_the_collection_cannot_be_moved(owner, filled):
    collection, _ = filled
    response = client_for(owner).post(f"/collections/{collection.pk}/ressources/999999/monter/", follow=True)
    assert "Cette ressource n&#x27;est pas dans la collection." in response.content.decode()


def test_csrf_is_enforced_on_moves(owner, filled):
    collection, (a, _b, _c) = filled
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(f"/collections/{collection.pk}/ressources/{a.pk}/descendre/").status_code == 403
    assert order(collection) == ["Fiche A", "Fiche B", "Fiche C"]


def test_moves_are_post_only(owner, filled):
    collection, (a, _b, _c) = filled
    assert (
        client_for(owner).get(f"/collections/{collection.pk}/ressources/{a.pk}/descendre/").status_code == 405
    )
