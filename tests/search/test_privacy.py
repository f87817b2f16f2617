import pytest

from bases import membership
from tests import factories
from tests.conftest import client_for


@pytest.fixture
def private_title(team):
    return team["resources"]["private"].title


def test_a_private_base_resource_is_invisible_to_visitors(titles, team, private_title):
    assert private_title not in titles(q="fiche fermée")
    assert team["resources"]["public"].title in titles(q="fiche ouverte")


def test_a_private_base_resource_is_invisible_to_a_non_member(titles, team, private_title):
    outsider = client_for(factories.contributor())

    assert private_title not in titles(outsider, q="fiche fermée")


def test_a_private_base_resource_is_visible_to_a_member(titles, team, private_title):
    assert private_title in titles(client_for(team["member"]), q="fiche fermée")


def test_a_resource_made_private_disappears_at_once(titles):
    page = factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    page.is_public = False
    page.save_revision().publish()

    assert titles(q="spéléologie") == []


def test_a_removed_member_stops_seeing_the_private_base_at_once(titles, team, private_title):
    member = client_for(team["member"])
    assert private_title in titles(member, q="fiche fermée")

    membership.remove(team["bases"]["private"], team["member"], by=team["admin"])

    assert private_title not in titles(member, q="fiche fermée")


def test_a_members_results_are_never_shown_to_a_visitor_asking_next(titles, team, private_title):
    assert private_title in titles(client_for(team["member"]), q="fiche fermée")

    assert private_title not in titles(q="fiche fermée")
