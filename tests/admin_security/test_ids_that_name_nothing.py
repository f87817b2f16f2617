"""An id typed into a resource's form that names nothing — a deleted image, document or page, a word, a
negative number — is refused like a foreign one: a French error on its field, nothing saved, never a 500."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TITLE = "Fiche aux identifiants inventés"
NOTHING = ["999999999", "-1", "abc", "1 OR 1=1"]


def blocks(block_type, value):
    return {
        "image": ("image", {"image": value, "alt_text": "Une photo", "caption": ""}),
        "file": ("file", {"document": value, "title": "Support", "caption": ""}),
        "link": ("link", {"url": "", "page": value, "title": "Voir aussi", "caption": ""}),
    }[block_type]


def post(author, **fields):
    url = reverse(
        "wagtailadmin_pages:add", args=("resources", "resourcepage", ResourceIndexPage.objects.get().pk)
    )
    return client_for(author).post(url, factories.resource_form_data(author, title=TITLE, **fields))


@pytest.mark.parametrize("value", NOTHING)
@pytest.mark.parametrize("block_type", ["image", "file", "link"])
def test_a_block_naming_nothing_is_refused_in_french(block_type, value):
    response = post(factories.contributor(), body=streamfield([blocks(block_type, value)]))
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert "Select a valid choice" not in response.content.decode()
    assert not ResourcePage.objects.filter(title=TITLE).exists()


@pytest.mark.parametrize("value", NOTHING)
def test_a_cover_image_naming_nothing_is_refused_in_french(value):
    response = post(factories.contributor(), cover_image=value)
    assert response.status_code == 200
    assert response.context["form"].errors["cover_image"] == [
        "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."
    ]
    assert not ResourcePage.objects.filter(title=TITLE).exists()
