import pytest

from tests import factories


@pytest.fixture(scope="module", autouse=True)
def resource(module_db):
    return factories.resource(title="Atelier de marqueterie")


@pytest.mark.parametrize(
    "query",
    [
        "q=marqueterie&couleurs=rouge&thematiques=inconnue",
        "q=marqueterie&q=autre&beneficiaires=parents&beneficiaires=parents",
        "q=" + "marqueterie%20" * 800,
        "q=marqueterie&page=-1",
        "q=marqueterie&page=999999",
        "q=marqueterie&page=abc",
        "q=%ff%fe%00marqueterie",
        "q=%27%22%5C%3A%2A%26%7C%21%28%29",
        "q=le%20la%20les",
        "q=%20%20",
        "q=---",
        "q=-marqueterie",
        "tri=drop&q=marqueterie",
        "tri=drop&tri=vues&tri=a-z",
        "tri=%ff%00",
        "departements=999&departements=75&departements=75&departements=%00",
        "onglet=%ff&onglet=bases",
        "thematiques=%ff%fe&types=%00",
        "q=marqueterie&page=-1&tri=suivis&departements=2A",
    ],
)
@pytest.mark.parametrize("tab", ["ressources", "bases", "profils"])
def test_bad_input_never_breaks_the_page(client, query, tab):
    response = client.get(f"/rechercher/?onglet={tab}&{query}")

    assert response.status_code == 200


def test_unknown_filter_keys_are_ignored(client):
    response = client.get("/rechercher/?q=marqueterie&thematiques=inconnue&types=drop")

    assert [page.title for page in response.context["results"]] == ["Atelier de marqueterie"]


def test_a_very_long_query_is_truncated(client):
    response = client.get("/rechercher/?q=" + "marqueterie " + "x" * 10_000)

    assert response.status_code == 200
    assert len(response.context["params"].q) <= 200


def test_a_page_past_the_end_shows_the_last_one(client):
    response = client.get("/rechercher/?q=marqueterie&page=999999")

    assert [page.title for page in response.context["results"]] == ["Atelier de marqueterie"]


@pytest.mark.parametrize("tab", ["bases", "profils"])
def test_a_page_past_the_end_of_a_tab_shows_its_last_one(client, tab):
    factories.base(title="Atelier de marqueterie")
    factories.contributor(first_name="Marqueterie", is_public=True)

    for page in ("-1", "999999", "0"):
        response = client.get(f"/rechercher/?q=marqueterie&onglet={tab}&page={page}")
        assert response.status_code == 200
        assert len(response.context["results"]) == 1
