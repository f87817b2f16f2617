"""Wagtail's API v2 at /api/v2/: the public live pages, their images and documents; read-only."""

import pytest
from wagtail.rich_text import RichText

from tests import factories
from tests.conftest import client_for


@pytest.fixture(scope="module")
def world(module_db):
    author = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    base = factories.base(title="Base des ateliers", owner=author)
    picture = factories.image(title="Tablette", owner=author, base=base)
    handout = factories.document(title="Support imprimable", owner=author, base=base)
    body = [
        ("text", RichText("<p>Le déroulé.</p>")),
        ("image", {"image": picture, "alt_text": "Une tablette", "decorative": False, "caption": ""}),
        ("file", {"document": handout, "title": "", "caption": "", "show_preview": False}),
    ]
    resource = factories.resource(parent=base, owner=author, title="Atelier tablette", body=body)
    return {"author": author, "base": base, "resource": resource, "picture": picture, "handout": handout}


def test_public_pages_are_listed_with_their_fields(client, world):
    response = client.get("/api/v2/pages/?type=resources.ResourcePage&fields=description,themes,licence,body")

    assert response.status_code == 200
    item = next(item for item in response.json()["items"] if item["id"] == world["resource"].pk)
    assert item["title"] == "Atelier tablette"
    assert item["description"] == "Une fiche pratique pour les ateliers."
    assert item["licence"] == "etalab-2-0"
    assert "parentalite" in item["themes"]
    assert [block["type"] for block in item["body"]] == ["text", "image", "file"]


def test_a_page_is_read_by_its_id(client, world):
    response = client.get(f"/api/v2/pages/{world['base'].pk}/")

    assert response.status_code == 200
    assert response.json()["title"] == "Base des ateliers"


def test_images_and_documents_of_public_pages_are_listed(client, world):
    images = client.get("/api/v2/images/").json()["items"]
    documents = client.get("/api/v2/documents/").json()["items"]

    assert [image["id"] for image in images] == [world["picture"].pk]
    assert [document["id"] for document in documents] == [world["handout"].pk]


def test_answers_are_the_same_for_everyone_and_kept_by_the_edge(world):
    anonymous = client_for(None).get("/api/v2/pages/")
    author = client_for(world["author"]).get("/api/v2/pages/")

    assert anonymous.json() == author.json()
    assert "s-maxage=" in anonymous["Cache-Control"]


def test_it_only_reads(client, world):
    assert client.post("/api/v2/pages/", {"title": "Nouvelle"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{world['resource'].pk}/").status_code == 405


def test_basic_authentication_is_not_a_way_in(client, world):
    response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION="Basic dGVzdDp0ZXN0")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("type=inconnu.Modele", 400),
        ("limit=abc", 400),
        ("offset=-5", 400),
        ("order=mot_de_passe", 400),
        ("child_of=999999", 400),
        ("child_of=abc", 400),
        ("fields=owner", 400),
        ("site=%00", 400),
        ("site=inconnu.example", 404),
        ("search=%27%22%3C%00", 400),
        ("search=%27%22%3C", 200),
    ],
)
def test_bad_parameters_are_refused_never_a_500(client, world, query, status):
    assert client.get(f"/api/v2/pages/?{query}").status_code == status


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/999999/",
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/find/?html_path=/inconnue/",
        "/api/v2/images/999999/",
        "/api/v2/documents/find/?id=-1",
        "/api/v2/images/find/?id=%C2%B2",
        "/api/v2/pages/find/?id=99999999999999999999999",
    ],
)
def test_ids_that_name_nothing_are_not_found(client, world, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_a_listing_costs_the_same_queries_whatever_its_items(
    client, db, django_assert_max_num_queries, count
):
    base = factories.base(title="Base comptée")
    for number in range(count):
        factories.resource(parent=base, title=f"Compte {number}")
    with django_assert_max_num_queries(8):
        response = client.get(
            f"/api/v2/pages/?type=resources.ResourcePage&child_of={base.pk}&fields=description,themes"
        )
    assert len(response.json()["items"]) == count
