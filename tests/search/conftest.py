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
