"""Wagtail's account page keeps to what it may change safely: the name and preferences. The e-mail
address, which signs in and which ProConnect matches, changes only through allauth's verified flow, and
a forgotten password is reset only through allauth's form, which its rate limits guard."""

import pytest
from django import forms
from django.urls import reverse

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_admin_account_page_offers_no_email_field():
    user = factories.contributor(email="camille@example.org")
    response = client_for(user).get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()


def test_an_email_posted_to_the_admin_account_page_is_ignored():
    user = factories.contributor(email="camille@example.org", first_name="Camille")
    client = client_for(user)
    # Every panel's form as the page shows it (a refused one would save nothing), then the changes.
    tabs = client.get(reverse("wagtailadmin_account")).context["panels_by_tab"]
    data = {
        field.html_name: field.value()
        for panels in tabs.values()
        for panel in panels
        for field in panel.get_form()
        if not isinstance(field.field, forms.FileField) and field.value() is not None
    }
    data.update({"name_email-first_name": "Camilla", "name_email-email": "victime@example.org"})
    client.post(reverse("wagtailadmin_account"), data)
    user.refresh_from_db()
    assert user.first_name == "Camilla"
    assert user.email == "camille@example.org"


@pytest.mark.parametrize("name", ["wagtailadmin_password_reset", "wagtailadmin_password_reset_done"])
def test_wagtails_password_reset_is_not_served(client, name, mailoutbox):
    assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse("wagtailadmin_password_reset"), {"email": "a@example.org"}).status_code == 404
    assert mailoutbox == []
