"""A new version of the CGU: those who accepted an older one accept it at their next page, then go on
where they were going; nothing else is blocked."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGE = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


def test_an_older_acceptance_asks_once_then_lets_the_user_go_on(settings):
    settings.CGU_VERSION = "2026-06"
    user = factories.contributor(cgu_version="2026-01")
    client = client_for(user)
    accept_url = reverse("cgu_accept")

    response = client.get("/ressources/", **PAGE)
    assert response.status_code == 302 and response["Location"] == f"{accept_url}?next=%2Fressources%2F"
    assert accept_url not in client.get("/cgu/", **PAGE).get("Location", "")  # the CGU themselves
    assert client.get("/ressources/", HTTP_ACCEPT="image/webp").status_code == 200  # not a page visit
    page = client.get(response["Location"], **PAGE).content.decode()
    assert "Nouvelles conditions générales d'utilisation" in page

    response = client.post(accept_url, {"next": "https://ailleurs.example.org/"})
    assert response["Location"] == "/"
    user.refresh_from_db()
    assert user.cgu_version == "2026-06" and user.cgu_accepted_at is not None
    assert client.get("/ressources/", **PAGE).status_code == 200


def test_accounts_that_never_accepted_any_version_are_not_asked(settings):
    settings.CGU_VERSION = "2026-06"
    assert client_for(factories.contributor()).get("/ressources/", **PAGE).status_code == 200
