"""A second factor (an authenticator app and recovery codes): compulsory for platform staff, asked after
every way of signing in, and never asked of the contributors who did not turn it on."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from tests import factories
from tests.accounts.conftest import code_in
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PASSWORD = factories.PASSWORD
SET_UP = "/compte/2fa/totp/activate/"
CONFIRM = "/compte/2fa/reauthenticate/"


@pytest.fixture(params=["superuser", ADMINISTRATORS_GROUP, MODERATORS_GROUP])
def staff(request, django_user_model):
    """A platform staff account of each kind, and its password."""
    if request.param == "superuser":
        return factories.superuser(), PASSWORD
    user = factories.contributor()
    user.groups.add(Group.objects.get(name=request.param))
    return user, PASSWORD


def sign_in_with_password(client, user, password, next_url="/admin/"):
    return client.post("/connexion/", {"login": user.email, "password": password, "next": next_url})


def test_staff_without_an_authenticator_are_sent_to_set_one_up(staff):
    user, password = staff
    client = Client()
    assert sign_in_with_password(client, user, password).url == "/admin/"

    page = client.get("/admin/", follow=True)
    assert page.redirect_chain[0] == (SET_UP, 302)
    assert "activez la double authentification pour continuer" in page.content.decode()
    for path in ("/admin/users/", "/admin/pages/", "/", f"/profils/{user.slug}/", "/profils/modifier/"):
        response = client.get(path)
        assert (response.status_code, response.url) == (302, SET_UP), path


def test_staff_set_up_the_app_then_reach_the_admin(staff):
    user, password = staff
    client = Client()
    sign_in_with_password(client, user, password)

    # Setting up a second factor confirms the identity first: here, with the account's password.
    response = client.get(SET_UP)
    assert response.url.startswith("/compte/reauthenticate/")
    client.post(response.url, {"password": password})
    page = client.get(SET_UP)
    assert "Activer la double authentification" in page.content.decode()
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', page.content.decode()).group(1)

    refused = client.post(SET_UP, {"code": "000000" if factories.totp_code(secret) != "000000" else "111111"})
    assert "Code incorrect." in refused.content.decode()
    response = client.post(SET_UP, {"code": factories.totp_code(secret)}, follow=True)
    assert "Codes de secours" in response.content.decode()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    # The session then confirms the new second factor once, and reaches where it was going.
    response = client.get("/admin/")
    assert (response.status_code, response.url) == (302, f"{CONFIRM}?next=%2Fadmin%2F")
    response = client.post(response.url, {"code": factories.totp_code(secret), "next": "/admin/"})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_with_an_authenticator_give_its_code_after_their_password(staff):
    user, password = staff
    secret = factories.authenticator(user)
    client = Client()

    response = sign_in_with_password(client, user, password)

    assert response.url == "/compte/2fa/authenticate/"
    assert client.get("/").wsgi_request.user.is_anonymous
    refused = client.post("/compte/2fa/authenticate/", {"code": "12345"})
    assert "Code incorrect." in refused.content.decode()
    response = client.post("/compte/2fa/authenticate/", {"code": factories.totp_code(secret)})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_second_factor_is_asked_after_the_emailed_code_too(mailoutbox):
    user = factories.contributor()
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    secret = factories.authenticator(user)
    client = Client()

    response = client.post("/compte/login/code/", {"email": user.email})
    response = client.post(response.url, {"code": code_in(mailoutbox[0])})

    assert response.url == "/compte/2fa/authenticate/"
    assert client.get("/").wsgi_request.user.is_anonymous
    client.post("/compte/2fa/authenticate/", {"code": factories.totp_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_replaces_the_app_once(staff):
    user, password = staff
    factories.authenticator(user)
    setup = client_for(user)
    html = setup.get("/compte/2fa/recovery-codes/generate/").content.decode()
    assert "Générer de nouveaux codes de secours" in html
    setup.post("/compte/2fa/recovery-codes/generate/")
    codes = re.findall(
        r"<li><code>(\w+)</code></li>", setup.get("/compte/2fa/recovery-codes/").content.decode()
    )
    assert len(codes) == 10

    client = Client()
    sign_in_with_password(client, user, password)
    assert client.post("/compte/2fa/authenticate/", {"code": codes[0]}).url == "/admin/"
    assert client.get("/admin/").status_code == 200

    again = Client()
    sign_in_with_password(again, user, password)
    assert "Code incorrect." in again.post("/compte/2fa/authenticate/", {"code": codes[0]}).content.decode()


def test_a_session_opened_before_its_account_became_staff_confirms_the_second_factor():
    user = factories.contributor()
    client = client_for(user)
    assert client.get("/admin/").status_code == 200

    user.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    secret = factories.authenticator(user)

    response = client.get("/admin/users/")
    assert response.url == f"{CONFIRM}?next=%2Fadmin%2Fusers%2F"
    assert "Confirmer votre identité" in client.get(response.url).content.decode()
    response = client.post(CONFIRM, {"code": factories.totp_code(secret), "next": "/admin/users/"})
    assert response.url == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200


def test_staff_who_remove_their_app_must_set_up_another(staff):
    user, _ = staff
    client = client_for(user)

    response = client.post("/compte/2fa/totp/deactivate/", follow=True)

    assert not Authenticator.objects.filter(user=user).exists()
    assert "La double authentification n\u2019est pas active sur votre compte." in response.content.decode()
    assert client.get("/admin/").url == SET_UP


def test_staff_can_always_sign_out():
    user = factories.contributor()
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client = Client()
    client.force_login(user)

    response = client.post("/deconnexion/")

    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_anonymous


def test_a_contributor_is_never_asked_for_a_second_factor(mailoutbox):
    user = factories.contributor()
    client = Client()

    response = sign_in_with_password(client, user, PASSWORD)
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200

    by_code = Client()
    response = by_code.post("/compte/login/code/", {"email": user.email})
    response = by_code.post(response.url, {"code": code_in(mailoutbox[0])})
    assert response.url == "/"
    assert by_code.get("/admin/").status_code == 200


def test_a_contributor_may_turn_it_on_and_is_then_asked_for_it():
    user = factories.contributor()
    client = client_for(user)
    assert "n\u2019est pas active" in client.get("/compte/2fa/").content.decode()
    secret = factories.authenticator(user)
    assert "est active" in client.get("/compte/2fa/").content.decode()

    again = Client()
    assert sign_in_with_password(again, user, PASSWORD).url == "/compte/2fa/authenticate/"
    assert again.post("/compte/2fa/authenticate/", {"code": factories.totp_code(secret)}).url == "/admin/"
