import pytest

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
