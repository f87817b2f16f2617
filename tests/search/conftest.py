from urllib.parse import urlencode

import pytest


@pytest.fixture
def titles(db, client):
    """The titles of the resources ``/rechercher/`` lists for these parameters, in order."""

    def search(client_=None, **parameters) -> list[str]:
        response = (client_ or client).get(f"/rechercher/?{urlencode(parameters, doseq=True)}")
        assert response.status_code == 200
        page = response.context["results"]
        return [resource.title for resource in page]

    return search


@pytest.fixture
def found(db, client):
    """The names of the results ``/rechercher/`` lists for these parameters (any tab), in order."""

    def search(client_=None, **parameters) -> list[str]:
        response = (client_ or client).get(f"/rechercher/?{urlencode(parameters, doseq=True)}")
        assert response.status_code == 200
        return [getattr(item, "title", None) or item.get_full_name() for item in response.context["results"]]

    return search


@pytest.fixture
def facets(db, client):
    """``{parameter: {key: count}}`` as the filters of ``/rechercher/`` show them, and the result count."""

    def search(client_=None, **parameters) -> tuple[dict[str, dict[str, int]], int]:
        response = (client_ or client).get(f"/rechercher/?{urlencode(parameters, doseq=True)}")
        assert response.status_code == 200
        counts = {
            facet["parameter"]: {
                option["key"]: option["count"] for group in facet["groups"] for option in group["options"]
            }
            for facet in response.context["filters"]
        }
        return counts, response.context["results"].paginator.count

    return search
