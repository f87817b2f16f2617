"""Which responses the edge may keep: an anonymous visitor's page of what anyone may read, and nothing
that belongs to one visitor."""

import pytest
from django.contrib.messages import INFO
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from tests import factories
from tests.conftest import client_for


def directives(response) -> set[str]:
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def shared(response) -> bool:
    return directives(response) == {"public", "max-age=0", "s-maxage=300"} and "Cookie" in response["Vary"]


def private(response) -> bool:
    """Kept by no cache: ours, or the stricter one of the view (Django's never_cache)."""
    return {"private", "no-store"} <= directives(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/ressources/", "/bases/", "/rechercher/?q=atelier", "/statistiques/"])
def test_an_anonymous_visitors_public_pages_are_shared_at_the_edge(path):
    response = Client().get(path)
    assert response.status_code == 200
    assert shared(response)
    assert not response.cookies


@pytest.mark.django_db
def test_a_public_resource_is_shared_and_sets_no_cookie():
    resource = factories.resource()
    response = Client().get(resource.url)
    assert shared(response)
    assert not response.cookies


@pytest.mark.django_db
def test_a_signed_in_members_pages_are_never_kept():
    resource = factories.resource()
    member = client_for(factories.contributor())
    for path in ("/", resource.url, "/rechercher/?q=atelier"):
        assert private(member.get(path))


@pytest.mark.django_db
def test_a_private_resource_is_never_kept(team):
    response = Client().get(team["resources"]["private"].url)
    assert response.status_code == 403
    assert private(response)
    assert private(client_for(team["member"]).get(team["resources"]["private"].url))


@pytest.mark.django_db
def test_an_anonymous_visitor_with_a_session_of_their_own_is_never_kept(client):
    resource = factories.resource()
    session = client.session
    session["passed_page_view_restrictions"] = [resource.pk]  # as Wagtail's password form leaves it
    session.save()
    assert private(client.get(resource.url))


@pytest.mark.django_db
def test_a_page_with_a_csrf_token_is_never_kept_even_for_a_visitor_who_already_has_one():
    visitor = Client()
    first = visitor.get(reverse("account_login"))
    assert private(first)
    assert private(visitor.get(reverse("account_login")))  # the cookie is sent, the token still used


@pytest.mark.django_db
def test_a_page_that_shows_a_message_is_never_kept():
    resource = factories.resource()
    visitor = Client()
    visitor.cookies.load(message_cookie("Votre signalement a été envoyé."))
    response = visitor.get(resource.url)
    assert "Votre signalement a été envoyé." in response.content.decode()
    assert private(response)


def message_cookie(text: str) -> dict:
    """The cookie Django's messages leave for the next page."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(INFO, text)
    response = HttpResponse()
    storage.update(response)
    return {CookieStorage.cookie_name: response.cookies[CookieStorage.cookie_name].value}


@pytest.mark.django_db
def test_errors_forms_and_files_are_never_kept():
    visitor = Client()
    assert private(visitor.get("/nulle-part/"))
    assert private(visitor.post("/rechercher/", {"q": "atelier"}))


@pytest.mark.django_db
def test_a_views_own_policy_stands():
    assert "no-cache" in Client().get("/health/")["Cache-Control"]
