"""« Retirer de la collection » names the resource taken out only to those who may read it."""

import pytest
from django.urls import reverse

from community import collections
from community.models import CollectionItem
from tests.admin_security.conftest import shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_removing_a_resource_names_it_only_to_its_readers(content):
    owner = content["member"]
    shelf = collections.create_collection(owner, "Mes lectures")
    readable, secret = content["resources"]["public"], content["private_resource"]
    CollectionItem.objects.create(collection=shelf, resource=readable, position=0)
    CollectionItem.objects.create(collection=shelf, resource=secret, position=1)
    client = client_for(owner)

    def remove(resource):
        url = reverse("collections:remove", args=(shelf.pk, resource.pk))
        return shown(client.post(url, follow=True))

    assert "« Fiche de la base ouverte » a été retirée de la collection." in remove(readable)
    text = remove(secret)
    assert "La ressource a été retirée de la collection." in text and secret.title not in text
    assert not shelf.items.exists()
    other = content["draft"]
    response = client.post(reverse("collections:remove", args=(shelf.pk, other.pk)))
    assert response.status_code == 404 and other.title not in shown(response)
