"""La Base's API, kept: /api/v1/resources and /api/v1/bases list what anyone may read, in La Base's
JSON shape, with La Base's ids for what came from it."""

import json

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def data(response) -> list[dict]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(body)["data"]


def test_newest_first_in_pages_with_a_link_to_the_next():
    made = [factories.resource(title=f"Fiche {number}") for number in range(5)]
    newest_first = [page.title for page in reversed(made)]
    assert [entry["title"] for entry in data(Client().get("/api/v1/resources"))] == newest_first
    first = Client().get("/api/v1/resources?page=1&per_page=2")
    assert [entry["title"] for entry in data(first)] == newest_first[:2]
    assert 'page=2&per_page=2>; rel="next"' in first["Link"]
    last = Client().get("/api/v1/resources?page=3&per_page=2")
    assert [entry["title"] for entry in data(last)] == newest_first[4:]
    assert 'rel="next"' not in last["Link"] and 'rel="prev"' in last["Link"]


def test_the_query_count_does_not_grow_with_the_list(django_assert_max_num_queries):
    for number in range(3):
        factories.resource(title=f"Fiche {number}")
        factories.base()
    for path in ("/api/v1/resources", "/api/v1/bases", "/api/v1/resources?page=1&per_page=2"):
        with django_assert_max_num_queries(1):
            few = data(Client().get(path))
        assert few
    for number in range(10):
        factories.resource(title=f"Autre fiche {number}")
        factories.base()
    for path in ("/api/v1/resources", "/api/v1/bases", "/api/v1/resources?page=1&per_page=1000"):
        with django_assert_max_num_queries(1):
            many = data(Client().get(path))
        assert len(many) > len(few)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("page=0", 400),
        ("page=deux", 400),
        ("page=-1", 400),
        ("per_page=0", 400),
        ("page=1&per_page=1001", 400),
        ("page=1&per_page=%00", 400),
        ("page=%C2%B2", 400),
        ("page=100000000000000000000000", 400),
        ("page=99", 404),
    ],
)
def test_a_bad_parameter_is_told_in_json(query, status):
    factories.resource()
    for path in ("/api/v1/resources", "/api/v1/bases"):
        response = Client().get(f"{path}?{query}")
        assert response.status_code == status
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert json.loads(response.content)["error"]


def test_an_empty_list_is_an_empty_list():
    assert data(Client().get("/api/v1/bases")) == []
    assert data(Client().get("/api/v1/bases?page=1")) == []


def test_only_reading_is_allowed():
    assert Client().post("/api/v1/resources").status_code in (403, 405)
    assert Client().delete("/api/v1/bases").status_code == 405


def test_the_api_is_never_kept_by_a_shared_cache():
    assert "no-store" in Client().get("/api/v1/resources")["Cache-Control"]
