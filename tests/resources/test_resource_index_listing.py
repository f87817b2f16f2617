"""``/ressources/`` lists every resource the visitor may read, personal or in a base, 16 a page, with
the search's filters and sorts; what the visitor may not read is never counted nor shown."""

import re

import pytest

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="fr-card__title"><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture(scope="module")
def world(module_db):
    """Personal and base resources, public and private: 18 public ones in all."""
    author = factories.contributor()
    public_base = factories.base(title="Base ouverte", owner=author)
    private_base = factories.base(title="Base fermée", owner=author, is_public=False)
    for number in range(12):
        factories.resource(owner=author, title=f"Personnelle {number}")
    for number in range(6):
        factories.resource(parent=public_base, owner=author, title=f"De la base {number}")
    factories.resource(owner=author, title="Personnelle privée", is_public=False)
    factories.resource(parent=private_base, owner=author, title="Dans la base fermée")
    factories.resource(owner=author, title="Brouillon", publish=False)
    return author


def test_a_visitor_sees_every_public_resource_paginated_private_ones_left_out(client, world):
    first = client.get("/ressources/").content.decode()
    second = client.get("/ressources/?page=2").content.decode()
    assert "Ressources (18)" in first
    assert len(_titles(first)) == 16 and len(_titles(second)) == 2
    shown = _titles(first) + _titles(second)
    assert len(set(shown)) == 18
    assert any(title.startswith("De la base") for title in shown)
    for hidden in ("Personnelle privée", "Dans la base fermée", "Brouillon"):
        assert hidden not in first + second


def test_the_author_also_sees_what_they_may_read(world):
    html = client_for(world).get("/ressources/?page=2").content.decode()
    assert "Ressources (20)" in client_for(world).get("/ressources/").content.decode()
    assert len(_titles(html)) == 4


def test_the_search_filters_and_sorts_narrow_the_listing(client, world):
    other = factories.contributor()
    factories.resource(owner=other, title="Atelier seniors", beneficiaries=["seniors"])
    html = client.get("/ressources/?beneficiaires=seniors").content.decode()
    assert _titles(html) == ["Atelier seniors"]
    assert "Ressources (1)" in html
    assert "Seniors &amp; personnes âgées" in html and "retirer ce filtre" in html
    oldest = _titles(client.get("/ressources/?tri=ancien").content.decode())
    assert oldest[0] == "Personnelle 0"
    # Relevance ranks words: there are none to rank here, so it is not offered.
    assert 'value="pertinence"' not in html


def test_a_page_out_of_range_shows_the_last_one(client, world):
    html = client.get("/ressources/?page=99").content.decode()
    assert len(_titles(html)) == 2


@pytest.mark.parametrize("count", [1, 20])
def test_the_listing_uses_a_bounded_number_of_queries(client, django_assert_max_num_queries, count):
    picture = factories.image()
    for number in range(count):
        factories.resource(title=f"Fiche {number}", cover_image=picture)
    client.get("/ressources/")  # the frame's fragments, cached per site
    # The site, the page routed to and its ancestors (4), Wagtail's check of its view restrictions (1),
    # the page of results counted in the same query (1), its cards and their pictures (2), the facets
    # (1), the frame's cached fragments and the site's root paths (3): 12, for 1 resource as for 20.
    with django_assert_max_num_queries(12):
        assert client.get("/ressources/").status_code == 200
