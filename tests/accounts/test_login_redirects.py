"""The Wagtail admin and private pages send visitors to the same sign-in page as the header link."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_admin_sends_visitors_to_our_sign_in_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/connexion/?next=/admin/"


def test_wagtails_login_form_is_our_sign_in_page(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/connexion/?next=/admin/pages/"


def test_a_page_for_signed_in_users_sends_visitors_to_our_sign_in_page(client):
    resource = factories.resource(slug="reservee")
    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/ressources/reservee/")
    assert response.status_code == 302
    assert response.url == "/connexion/?next=/ressources/reservee/"


def test_after_signing_in_the_user_goes_where_they_were_going(client, contributor):
    response = client.post(
        "/connexion/?next=/admin/", {"login": contributor.email, "password": "mot-de-passe-de-test"}
    )
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
