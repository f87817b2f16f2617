"""Feeds of the latest public resources: of the site, a base, a profile, a theme, a category; RSS and Atom."""

from xml.etree import ElementTree

import pytest

from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def world(module_db):
    author = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    base = factories.base(title="Base des ateliers", owner=author, department="33")
    in_base = factories.resource(
        parent=base, owner=author, title="Atelier tablette", themes=["parentalite"], licence="cc-by-sa-4-0"
    )
    personal = factories.resource(owner=author, title="Fiche personnelle", themes=["sobriete-numerique"])
    return {"author": author, "base": base, "in_base": in_base, "personal": personal}


def items(response) -> list[ElementTree.Element]:
    return ElementTree.fromstring(response.content).findall("channel/item")


def titles(response) -> list[str]:
    root = ElementTree.fromstring(response.content)
    if root.tag == f"{ATOM}feed":
        return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    return [item.findtext("title") for item in root.findall("channel/item")]


def test_the_site_feed_gives_each_item_what_a_reader_needs(client, world):
    response = client.get("/flux/ressources/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    item = next(item for item in items(response) if item.findtext("title") == "Atelier tablette")
    assert item.findtext("link") == f"http://testserver{world['in_base'].url}"
    assert item.findtext("description") == "Une fiche pratique pour les ateliers."
    assert item.findtext(f"{DC}creator") == "Base des ateliers"
    assert [category.text for category in item.findall("category")] == ["Parentalité"]
    assert item.findtext(f"{DC}rights") == "Creative Commons BY-SA 4.0"
    assert item.findtext("pubDate")
    personal = next(item for item in items(response) if item.findtext("title") == "Fiche personnelle")
    assert personal.findtext(f"{DC}creator") == "Paula Publique"


def test_atom_says_the_same_with_the_licence_as_rights(client, world):
    response = client.get("/flux/ressources/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    entry = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Atelier tablette")
    assert entry.findtext(f"{ATOM}rights") == "Creative Commons BY-SA 4.0"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Base des ateliers"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/flux/bases/{base.slug}/", ["Atelier tablette"]),
        ("/flux/profils/{author.slug}/", ["Fiche personnelle", "Atelier tablette"]),
        ("/flux/thematiques/parentalite/", ["Atelier tablette"]),
        ("/flux/categories/numerique-et-environnement/", ["Fiche personnelle"]),
        ("/flux/bases/{base.slug}/atom/", ["Atelier tablette"]),
    ],
)
def test_each_feed_holds_the_resources_of_its_object(client, world, path, expected):
    response = client.get(path.format(**world))

    assert response.status_code == 200
    assert titles(response) == expected


def test_feeds_are_kept_by_the_edge_for_a_short_while(client, world):
    response = client.get("/flux/ressources/")

    assert "public" in response["Cache-Control"]
    assert "s-maxage=" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/flux/bases/base-inconnue/",
        "/flux/profils/profil-inconnu/",
        "/flux/thematiques/theme-inconnu/",
        "/flux/categories/categorie-inconnue/atom/",
        "/flux/bases/%00%27%22%3Cscript%3E/",
    ],
)
def test_what_names_nothing_is_not_found(client, world, path):
    assert client.get(path).status_code == 404


def test_hostile_query_strings_change_nothing(client, world):
    response = client.get("/flux/ressources/?page=%00&limit=-1&q=%27%22%3C")

    assert response.status_code == 200
    assert "Atelier tablette" in titles(response)


@pytest.mark.parametrize("count", [2, 20])
def test_a_feed_costs_the_same_queries_whatever_its_items(client, db, django_assert_max_num_queries, count):
    base = factories.base(title="Base comptée")
    for number in range(count):
        factories.resource(parent=base, title=f"Compte {number}")
    for path in ("/flux/ressources/", f"/flux/bases/{base.slug}/", "/flux/categories/inclusion-numerique/"):
        with django_assert_max_num_queries(6):
            response = client.get(path)
        assert response.status_code == 200
