"""The base page: its tabs, contact details, highlighted resources, at a cost that does not grow."""

import pytest

from bases.membership import join
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_tabs_and_the_contact_details(team, client):
    base = team["bases"]["public"]
    base.email_is_public, base.website = True, "https://exemple.fr/"
    base.save_revision().publish()
    html = client.get(base.url).content.decode()
    for tab in ("Accueil", "Ressources", "Collections", "Membres"):
        assert f'aria-controls="panneau-{tab.lower()}">{tab}</button>' in html
    assert base.contact_email in html and 'href="https://exemple.fr/"' in html
    assert "Marc Membre" in html


def test_a_hidden_contact_email_stays_hidden(team, client):
    base = team["bases"]["public"]
    assert base.contact_email not in client.get(base.url).content.decode()


def test_the_selected_tab_comes_from_the_address(team, client):
    html = client.get(team["bases"]["public"].url, {"onglet": "membres"}).content.decode()
    assert 'aria-selected="true" aria-controls="panneau-membres"' in html
    html = client.get(team["bases"]["public"].url, {"onglet": "<script>"}).content.decode()
    assert 'aria-selected="true" aria-controls="panneau-accueil"' in html


def test_highlighted_resources_follow_the_setting(team, client):
    base = team["bases"]["public"]
    assert "À la une" in client.get(base.url).content.decode()
    base.highlighted_resources = "none"
    base.save_revision().publish()
    assert "À la une" not in client.get(base.url).content.decode()


def test_visitors_are_offered_to_sign_in_and_users_to_join(team, client):
    base = team["bases"]["public"]
    assert "Se connecter pour rejoindre la base" in client.get(base.url).content.decode()
    assert (
        "Demander à rejoindre la base" in client_for(factories.contributor()).get(base.url).content.decode()
    )
    assert "Quitter la base" in client_for(team["member"]).get(base.url).content.decode()


def test_the_base_page_costs_the_same_queries_for_1_or_20_resources_and_members(
    team, client, django_assert_max_num_queries
):
    base = team["bases"]["public"]
    client.get(base.url)
    with django_assert_max_num_queries(100) as captured:
        client.get(base.url)
    budget = len(captured)
    for number in range(20):
        factories.resource(parent=base, owner=team["admin"], title=f"Fiche {number}")
        join(base, factories.contributor(), "member", by=team["admin"])
    admin = client_for(team["admin"])
    admin.get(base.url)
    with django_assert_max_num_queries(budget):
        assert client.get(base.url).status_code == 200
    # An admin's page adds their rights, pending requests and invitations, submissions awaiting
    # validation, the Wagtail user bar, the header's notification bell and whether anyone may read the
    # base (its metadata, cms/metadata.py), not one per item.
    with django_assert_max_num_queries(budget + 16):
        assert admin.get(base.url + "?onglet=membres").status_code == 200
