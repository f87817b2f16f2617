"""Category pages: the themes of a category with their counts, and its resources, readable ones only."""

import pytest

from tests import factories
from tests.conftest import client_for

ENVIRONMENT = "/numerique-et-environnement/"


def environment_resource(**fields):
    return factories.resource(themes=["sobriete-numerique", "materiel-reconditionne"], **fields)


def theme_count(response, key):
    return next(theme["count"] for theme in response.context["themes"] if theme["key"] == key)


@pytest.mark.parametrize(
    "path", ["/inclusion-numerique/", "/culture-numerique/", "/communs-et-souverainete/", ENVIRONMENT]
)
def test_each_category_has_its_page(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response.context["category"]["key"] == path.strip("/")


def test_an_unknown_category_is_not_found(client, db):
    assert client.get("/categorie-inconnue/").status_code == 404


def test_the_page_lists_the_resources_of_the_category_and_counts_each_theme(client, db):
    before = client.get(ENVIRONMENT)
    sober = environment_resource(title="Réduire ses impressions")
    mobile = factories.resource(title="Covoiturage solidaire", themes=["mobilites", "parentalite"])
    elsewhere = factories.resource(title="Hors catégorie", themes=["code-et-programmation"])

    response = client.get(ENVIRONMENT)

    titles = [resource.title for resource in response.context["results"]]
    assert sober.title in titles and mobile.title in titles
    assert elsewhere.title not in titles
    assert theme_count(response, "sobriete-numerique") == theme_count(before, "sobriete-numerique") + 1
    assert theme_count(response, "mobilites") == theme_count(before, "mobilites") + 1
    assert theme_count(response, "usages-responsables-du-numerique") == theme_count(
        before, "usages-responsables-du-numerique"
    )
    html = response.content.decode()
    assert 'href="/rechercher/?thematiques=sobriete-numerique"' in html
    assert "Numérique &amp; environnement" in html


def test_a_private_resource_is_neither_listed_nor_counted_for_a_visitor(client, team):
    private = environment_resource(
        parent=team["bases"]["private"], owner=team["admin"], title="Fiche secrète"
    )

    visitor = client.get(ENVIRONMENT)
    member = client_for(team["member"]).get(ENVIRONMENT)

    assert private.title not in [resource.title for resource in visitor.context["results"]]
    assert private.title in [resource.title for resource in member.context["results"]]
    assert theme_count(member, "sobriete-numerique") == theme_count(visitor, "sobriete-numerique") + 1
    assert member.context["results"].paginator.count == visitor.context["results"].paginator.count + 1


def test_drafts_are_neither_listed_nor_counted(client, db):
    before = theme_count(client.get(ENVIRONMENT), "sobriete-numerique")
    draft = environment_resource(title="Brouillon", publish=False)

    response = client.get(ENVIRONMENT)

    assert draft.title not in [resource.title for resource in response.context["results"]]
    assert theme_count(response, "sobriete-numerique") == before


def test_the_resources_are_paginated_by_sixteen(client, db):
    for number in range(17):
        environment_resource(title=f"Sobriété {number}")

    first, second = client.get(ENVIRONMENT), client.get(f"{ENVIRONMENT}?page=2")

    assert len(first.context["results"]) == 16
    assert second.context["results"].number == 2
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_the_page_uses_a_bounded_number_of_queries(client, db, django_assert_max_num_queries, count):
    picture = factories.image()
    for number in range(count):
        environment_resource(title=f"Sobriété {number}", cover_image=picture)
    client.get(ENVIRONMENT)  # the frame's cache, filled once, as in production

    with django_assert_max_num_queries(9):
        response = client.get(ENVIRONMENT)

    assert min(count, 16) <= len(response.context["results"]) <= 16
