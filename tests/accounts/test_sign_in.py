"""Signing in by a code sent by email (or a password, for the accounts that have one), signing out."""

import pytest
from django.test import Client

from tests.accounts.conftest import code_in

pytestmark = pytest.mark.django_db


def signed_in_user(client):
    return client.get("/").wsgi_request.user


def test_a_user_signs_in_with_the_code_sent_by_email(client, contributor, mailoutbox):
    response = client.post("/compte/login/code/", {"email": contributor.email})
    assert response.status_code == 302
    assert mailoutbox[0].to == [contributor.email]
    assert "Voici votre code pour vous connecter aux Bases." in mailoutbox[0].body

    response = client.post(response.url, {"code": code_in(mailoutbox[0])})

    assert response.status_code == 302
    assert signed_in_user(client) == contributor


def test_a_wrong_code_is_refused(client, contributor, mailoutbox):
    response = client.post("/compte/login/code/", {"email": contributor.email})
    response = client.post(response.url, {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Code incorrect." in response.content.decode()
    assert signed_in_user(client).is_anonymous


def test_an_account_with_a_password_may_still_use_it(client, contributor):
    response = client.post("/connexion/", {"login": contributor.email, "password": "mot-de-passe-de-test"})
    assert response.status_code == 302
    assert signed_in_user(client) == contributor


def test_a_wrong_password_is_refused_in_french(client, contributor):
    response = client.post("/connexion/", {"login": contributor.email, "password": "pas-le-bon"})
    assert response.status_code == 200
    assert "L\u2019adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()
    assert signed_in_user(client).is_anonymous


def test_the_sign_in_page_offers_the_code_first(client):
    html = client.get("/connexion/").content.decode()
    assert html.index("Recevoir un code") < html.index("Se connecter avec un mot de passe")


def test_signing_out_takes_a_post_with_its_token(client, contributor):
    client.force_login(contributor)
    assert client.get("/deconnexion/").status_code == 200
    assert signed_in_user(client) == contributor

    response = client.post("/deconnexion/")

    assert response.status_code == 302
    assert signed_in_user(client).is_anonymous


def test_signing_out_without_the_token_is_refused(contributor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    assert client.post("/deconnexion/").status_code == 403
    assert signed_in_user(client) == contributor


def test_codes_for_one_address_are_rate_limited(contributor, mailoutbox):
    # Each request from a new browser: within one session, a pending code is simply asked for again.
    responses = [Client().post("/compte/login/code/", {"email": contributor.email}) for _ in range(4)]
    assert [response.status_code for response in responses] == [302, 302, 302, 200]
    assert "Trop de tentatives de connexion" in responses[-1].content.decode()
    assert len(mailoutbox) == 3
