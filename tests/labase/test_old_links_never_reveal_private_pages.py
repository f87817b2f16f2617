"""A La Base address of something the visitor may not read answers the 404 of an unknown address: no
redirect tells that it exists, nor where it lives now."""

import re

import pytest
from django.test import Client

from community import collections
from tests import factories
from tests.conftest import client_for
from tests.labase.records import imported

pytestmark = pytest.mark.django_db


def viewers(team) -> dict:
    return {
        "anonymous": Client(),
        "stranger": client_for(factories.contributor()),
        "member": client_for(team["member"]),
    }


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def page(response) -> str:
    return CSRF_TOKEN.sub("", response.content.decode())  # a new token for every signed-in page


def looks_unknown(client, path: str, slug: str) -> bool:
    """``path`` answers what the same address with an unknown slug answers (the 404 page names the
    address it was asked for, as in its sign-in link)."""
    response = client.get(path)
    unknown = client.get(path.replace(slug, "inconnue"))
    return (
        response.status_code == unknown.status_code == 404
        and page(response).replace(slug, "inconnue") == page(unknown)
        and "no-store" in response["Cache-Control"]
    )


@pytest.mark.parametrize("suffix", ["", "/avis", "/markdown"])
def test_a_resource_of_a_private_base_is_found_by_its_members_only(team, suffix):
    private = team["resources"]["private"]
    imported(private, "resources", slug="fiche-secrete")
    clients = viewers(team)
    for viewer in ("anonymous", "stranger"):
        assert looks_unknown(clients[viewer], f"/ressources/fiche-secrete{suffix}", "fiche-secrete"), viewer
    expected = f"/markdown/ressources/{private.pk}/" if suffix == "/markdown" else private.url
    assert clients["member"].get(f"/ressources/fiche-secrete{suffix}")["Location"].startswith(expected)


@pytest.mark.parametrize("suffix", ["", "/ressources", "/collections", "/membres", "/markdown"])
def test_a_private_base_is_found_by_its_members_only(team, suffix):
    imported(team["bases"]["private"], "bases", slug="base-secrete")
    clients = viewers(team)
    for viewer in ("anonymous", "stranger"):
        assert looks_unknown(clients[viewer], f"/bases/base-secrete{suffix}", "base-secrete"), viewer
    assert clients["member"].get(f"/bases/base-secrete{suffix}").status_code == 301


def test_a_member_is_redirected_in_one_query_of_the_redirects_own(team, django_assert_num_queries):
    imported(team["resources"]["private"], "resources", slug="fiche-secrete")
    member = client_for(team["member"])
    # The session, the user and whether they are staff (accounts.second_factor), read for every
    # signed-in request; then the redirect's one query.
    with django_assert_num_queries(4):
        assert member.get("/ressources/fiche-secrete").status_code == 301


def test_a_draft_or_an_unpublished_resource_is_found_by_nobody(team):
    draft = factories.resource(parent=team["bases"]["public"], owner=team["admin"], publish=False)
    imported(draft, "resources", slug="brouillon")
    unpublished = factories.resource(parent=team["bases"]["public"], owner=team["admin"])
    unpublished.unpublish()
    imported(unpublished, "resources", slug="depubliee")
    for client in (*viewers(team).values(), client_for(team["admin"])):
        assert client.get("/ressources/brouillon").status_code == 404
        assert client.get("/ressources/depubliee").status_code == 404


def test_a_private_collection_is_found_by_its_owner_only(team):
    owner = factories.contributor()
    collection = collections.create_collection(owner, "Mes trouvailles", is_public=False)
    imported(collection, "collections", slug="mes-trouvailles")
    for client in viewers(team).values():
        assert client.get("/collections/mes-trouvailles").status_code == 404
    assert client_for(owner).get("/collections/mes-trouvailles").status_code == 301


def test_a_collection_of_a_private_base_is_found_by_its_members_only(team):
    collection = collections.create_collection(
        team["admin"], "Sélection", base=team["bases"]["private"], is_public=True
    )
    imported(collection, "collections", slug="selection")
    clients = viewers(team)
    assert clients["anonymous"].get("/collections/selection").status_code == 404
    assert clients["stranger"].get("/collections/selection").status_code == 404
    assert clients["member"].get("/collections/selection").status_code == 301


def test_a_closed_account_has_no_profile_to_lead_to(team):
    gone = factories.contributor(is_public=True)
    imported(gone, "users", slug="compte-ferme")
    gone.is_active = False
    gone.save()
    for client in viewers(team).values():
        assert client.get("/profils/compte-ferme").status_code == 404


def test_an_image_of_a_private_resource_is_served_to_its_readers_only(team):
    picture = factories.image(owner=team["admin"], base=team["bases"]["private"])
    private = team["resources"]["private"]
    private.cover_image = picture
    private.save_revision(user=team["admin"]).publish()
    record = imported(picture, "images")
    clients = viewers(team)
    assert clients["anonymous"].get(f"/images/{record.source_id}").status_code == 404
    assert clients["stranger"].get(f"/images/{record.source_id}").status_code == 404
    response = clients["member"].get(f"/images/{record.source_id}")
    assert response.status_code == 301
    assert clients["member"].get(response["Location"]).status_code == 200


def test_a_private_profile_is_found_by_its_owner_and_platform_admins_only(team, superuser):
    private = factories.contributor(is_public=False)
    imported(private, "users", slug="discrete")
    for client in viewers(team).values():
        assert client.get("/profils/discrete").status_code == 404
        assert client.get("/profils/discrete/bases").status_code == 404
    assert client_for(private).get("/profils/discrete")["Location"] == f"/profils/{private.slug}/"
    assert client_for(superuser).get("/profils/discrete").status_code == 301
