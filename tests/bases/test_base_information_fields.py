"""Creating a base and managing it ask for its information with the same fields, each form saying
how its own description is written."""

import pytest
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SHARED_LABELS = [
    "Nom de la base",
    "Description",
    "Département",
    "Adresse e-mail de contact",
    "Afficher cette adresse sur la base",
    "Site internet",
]
CREATION_HELP = "Vous pourrez la mettre en forme ensuite."
MANAGEMENT_HELP = "Laissez une ligne vide entre deux paragraphes."


def test_creating_and_managing_a_base_ask_the_same_information_with_their_own_description_help(team):
    client = client_for(team["admin"])
    creation = client.get(reverse("bases:create")).content.decode()
    management = client.get(reverse("bases:manage", args=(team["bases"]["public"].slug,))).content.decode()

    for label in SHARED_LABELS:
        assert label in creation and label in management
    assert CREATION_HELP in creation and MANAGEMENT_HELP not in creation
    assert MANAGEMENT_HELP in management and CREATION_HELP not in management
    assert 'rows="5"' in creation and 'rows="6"' in management


def test_both_forms_refuse_a_wrong_contact_address_in_the_same_words(team):
    client = client_for(team["admin"])
    wrong = {"title": "Base de test", "contact_email": "pas-une-adresse"}
    creation = client.post(reverse("bases:create"), {**wrong, "is_public": "1"})
    management = client.post(reverse("bases:manage", args=(team["bases"]["public"].slug,)), wrong)

    for response in (creation, management):
        assert response.status_code == 200
        assert "Saisissez une adresse de courriel valide." in response.content.decode()
