"""La Base's API, kept, for a team's public and private bases and resources: La Base's fields and ids,
and only what anyone may read (the team is shared by this file's tests, tests/conftest.py)."""

import json
import uuid

import pytest
from django.test import Client

from tests import factories
from tests.conftest import client_for
from tests.labase.records import imported
from tests.labase.test_api_v1 import data

pytestmark = pytest.mark.django_db

RESOURCE_FIELDS = ["id", "slug", "title", "created", "updated", "deleted", "is_public", "published", "url"]
BASE_FIELDS = ["id", "slug", "created", "updated", "deleted", "is_public", "title", "url"]


def test_resources_have_la_bases_fields_and_ids(team):
    public = team["resources"]["public"]
    record = imported(public, "resources", slug="fiche-labase")
    native = factories.resource(title="Faite ici")
    entries = {entry["title"]: entry for entry in data(Client().get("/api/v1/resources"))}
    entry = entries[public.title]
    assert list(entry) == RESOURCE_FIELDS
    assert entry["id"] == record.source_id
    assert entry["slug"] == "fiche-labase"
    assert entry["url"] == f"http://testserver{public.url}"
    assert entry["is_public"] is True
    assert entry["deleted"] is None
    assert entry["published"].endswith("Z")
    assert entries["Faite ici"]["id"] == str(native.translation_key)
    assert uuid.UUID(entries["Faite ici"]["id"])
    assert entries["Faite ici"]["slug"] == native.slug


def test_bases_have_la_bases_fields_and_ids(team):
    record = imported(team["bases"]["public"], "bases", slug="base-labase")
    (entry,) = data(Client().get("/api/v1/bases"))
    assert list(entry) == BASE_FIELDS
    assert entry["id"] == record.source_id
    assert entry["title"] == "Base ouverte"
    assert entry["url"] == f"http://testserver{team['bases']['public'].url}"


def test_private_draft_and_unpublished_content_is_never_listed_even_to_members(team):
    imported(team["resources"]["private"], "resources", slug="secrete")
    imported(team["bases"]["private"], "bases", slug="secrete")
    factories.resource(title="Brouillon", publish=False)
    unpublished = factories.resource(title="Dépubliée")
    unpublished.unpublish()
    personal_private = factories.resource(title="Personnelle privée", is_public=False, owner=team["member"])
    for client in (Client(), client_for(team["member"]), client_for(team["admin"])):
        resources = data(client.get("/api/v1/resources"))
        bases = data(client.get("/api/v1/bases"))
        assert [entry["title"] for entry in resources] == [team["resources"]["public"].title]
        assert [entry["title"] for entry in bases] == ["Base ouverte"]
        text = json.dumps([resources, bases])
        assert "secrete" not in text and personal_private.slug not in text
