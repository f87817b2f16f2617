"""What the admin shows to each kind of account, around content that some of them may not read."""

import html
import json
import re

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from tests import factories
from tests.conftest import client_for

VIEWERS = ["contributeur", "autre_base", "membre", "admin_base", "moderateur", "admin_plateforme"]


@pytest.fixture(scope="module")
def content(module_team):
    """The team's public and private bases with a resource each (by the base admin), a stranger's
    private resource and draft under /ressources/, and a base of another team."""
    stranger = factories.contributor(first_name="Sacha", last_name="Inconnu", email="sacha@example.org")
    neighbour = factories.contributor(first_name="Noé", last_name="Voisin")
    return {
        **module_team,
        "stranger": stranger,
        "neighbour": neighbour,
        "neighbour_base": factories.base(title="Base voisine", members=[neighbour]),
        "private_resource": factories.resource(
            owner=stranger, is_public=False, title="Journal confidentiel de Sacha"
        ),
        "draft": factories.resource(owner=stranger, publish=False, title="Brouillon secret de Sacha"),
    }


@pytest.fixture(scope="module")
def viewers(content):
    moderator = factories.contributor(first_name="Mona", last_name="Modératrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    platform_admin = factories.contributor(first_name="Pia", last_name="Plateforme")
    platform_admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    return {
        "contributeur": factories.contributor(first_name="Ursule", last_name="Inscrite"),
        "autre_base": content["neighbour"],
        "membre": content["member"],
        "admin_base": content["admin"],
        "moderateur": moderator,
        "admin_plateforme": platform_admin,
    }


def private_titles(content) -> dict[str, str]:
    return {
        "private_base": content["bases"]["private"].title,
        "private_base_resource": content["resources"]["private"].title,
        "private_resource": content["private_resource"].title,
        "draft": content["draft"].title,
    }


# Which of the private titles each viewer may be shown (as a reader or an editor).
MAY_SEE = {
    "contributeur": set(),
    "autre_base": set(),
    "membre": {"private_base", "private_base_resource"},
    "admin_base": {"private_base", "private_base_resource"},
    "moderateur": set(),
    "admin_plateforme": {"private_base", "private_base_resource", "private_resource", "draft"},
}


def shown(response) -> str:
    """What a response shows, as text: its HTML or its JSON (modal choosers, the admin API), with
    entities and escapes undone, those of the JSON that the admin's forms embed included."""
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(response.json(), ensure_ascii=False)
    else:
        text = response.content.decode()
    text = html.unescape(text)
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda escape: chr(int(escape[1], 16)), text)


def assert_shows_only_what_they_may_see(response, content, viewer: str, where: str = ""):
    text = shown(response)
    for name, title in private_titles(content).items():
        assert title not in text or name in MAY_SEE[viewer], f"{viewer} sees « {title} » {where}"


@pytest.fixture
def client_of(viewers):
    return lambda viewer: client_for(viewers[viewer])
