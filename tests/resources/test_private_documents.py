"""A file of a private resource or base is served only to those who may read that resource."""

import pytest

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def file_block(document):
    return ("file", {"document": document, "title": "Support", "caption": "", "show_preview": False})


def status(user, document):
    return client_for(user).get(document.url).status_code


def test_a_file_of_a_private_base_is_served_to_its_members_only(team):
    document = factories.document(owner=team["admin"])
    factories.resource(parent=team["bases"]["private"], owner=team["admin"], body=[file_block(document)])
    response = client_for(None).get(document.url)
    assert response.status_code == 302 and response.url.startswith("/connexion/")
    assert status(factories.contributor(), document) == 404
    assert status(team["member"], document) == 200


def test_a_file_of_a_private_resource_is_served_to_its_owner(db):
    owner = factories.contributor()
    document = factories.document(owner=owner)
    resource = factories.resource(owner=owner, is_public=False, body=[file_block(document)])
    resource.apply_visibility()
    assert status(None, document) == 302
    assert status(owner, document) == 200


def test_a_file_of_a_public_resource_is_served_to_everyone(team):
    used = factories.document(owner=team["admin"])
    factories.resource(parent=team["bases"]["public"], owner=team["admin"], body=[file_block(used)])
    assert status(None, used) == 200
