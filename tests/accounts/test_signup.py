"""Signing up: names, email and the terms of use, then a code sent by email confirms the address."""

import pytest
from django.conf import settings

from accounts.models import User
from community.models import Collection
from resources.permissions import CONTRIBUTORS_GROUP
from tests.accounts.conftest import code_in

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Inès",
    "last_name": "Garnier",
    "email": "ines.garnier@example.org",
    "profile_visibility": "prive",
    "cgu": "on",
}


def test_the_terms_of_use_must_be_accepted(client, mailoutbox):
    response = client.post("/inscription/", {**FORM, "cgu": ""})
    assert response.status_code == 200
    assert "Vous devez accepter les conditions générales d&#x27;utilisation." in response.content.decode()
    assert not User.objects.filter(email=FORM["email"]).exists()
    assert mailoutbox == []


def test_the_sign_up_form_links_the_terms_and_asks_no_password(client):
    html = client.get("/inscription/").content.decode()
    assert 'href="/cgu/"' in html
    assert 'type="password"' not in html


def test_a_new_user_confirms_with_the_emailed_code_and_is_signed_in(client, mailoutbox):
    response = client.post("/inscription/", FORM)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [FORM["email"]]
    assert "Voici votre code pour confirmer votre adresse e-mail sur les Bases." in mailoutbox[0].body
    assert client.get("/").wsgi_request.user.is_anonymous

    response = client.post(response.url, {"code": code_in(mailoutbox[0])}, follow=True)

    user = User.objects.get(email=FORM["email"])
    assert response.wsgi_request.user == user
    assert user.get_full_name() == "Inès Garnier"
    assert not user.has_usable_password()
    assert user.cgu_version == settings.CGU_VERSION
    assert user.cgu_accepted_at is not None
    assert user.groups.filter(name=CONTRIBUTORS_GROUP).exists()
    favorites = Collection.objects.get(owner=user, is_favorites=True)
    assert favorites.title == "Mes favoris"
    assert not favorites.is_public


def test_a_wrong_confirmation_code_is_refused(client, mailoutbox):
    response = client.post("/inscription/", FORM)
    response = client.post(response.url, {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Code incorrect." in response.content.decode()
    assert client.get("/").wsgi_request.user.is_anonymous


def test_the_profile_visibility_must_be_chosen_at_sign_up(client, mailoutbox):
    html = client.get("/inscription/").content.decode()
    assert "Visibilité de votre profil" in html
    assert "Public : tout le monde voit votre page de profil" in html
    assert "Privé : les autres voient seulement votre nom" in html
    assert 'type="radio" name="profile_visibility" value="public"' in html
    assert (
        " checked" not in html.split('name="profile_visibility"')[1].split(">")[0]
    )  # nothing chosen for them

    response = client.post("/inscription/", {**FORM, "profile_visibility": ""})
    assert response.status_code == 200
    assert "Choisissez si votre profil est public ou privé." in response.content.decode()
    assert not User.objects.filter(email=FORM["email"]).exists()
    assert mailoutbox == []


@pytest.mark.parametrize(("choice", "is_public"), [("public", True), ("prive", False)])
def test_the_chosen_visibility_is_the_new_profile_s(client, mailoutbox, choice, is_public):
    response = client.post("/inscription/", {**FORM, "profile_visibility": choice})
    client.post(response.url, {"code": code_in(mailoutbox[0])})
    assert User.objects.get(email=FORM["email"]).is_public is is_public
