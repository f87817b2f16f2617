"""Platform roles: Administrateurs manage everything, users included; Modérateurs see the users."""

import csv
import io

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP, ensure_platform_groups
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def member_of(group_name, **fields):
    user = factories.contributor(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_groups_exist_and_ensuring_them_again_changes_nothing():
    administrators = Group.objects.get(name=ADMINISTRATORS_GROUP)
    counts = (administrators.permissions.count(), administrators.page_permissions.count())
    ensure_platform_groups()
    assert Group.objects.filter(name__in=[ADMINISTRATORS_GROUP, MODERATORS_GROUP]).count() == 2
    assert (administrators.permissions.count(), administrators.page_permissions.count()) == counts


def test_a_platform_admin_edits_anyones_resource():
    resource = factories.resource(owner=factories.contributor())
    client = client_for(member_of(ADMINISTRATORS_GROUP))
    assert client.get(f"/admin/pages/{resource.pk}/edit/").status_code == 200


def test_a_platform_admin_searches_the_users():
    factories.contributor(first_name="Yvonne", last_name="Quéméner")
    client = client_for(member_of(ADMINISTRATORS_GROUP))
    html = client.get("/admin/users/", {"q": "Quéméner"}).content.decode()
    assert "Yvonne Quéméner" in html


def test_a_platform_admin_exports_the_users_as_csv():
    factories.contributor(email="yvonne@example.org", first_name="Yvonne", last_name="Quéméner")
    client = client_for(member_of(ADMINISTRATORS_GROUP))

    response = client.get("/admin/users/", {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="utilisateurs.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert any("yvonne@example.org" in row and "Quéméner" in row for row in rows[1:])


@pytest.mark.parametrize("role", ["contributor", "moderator"])
def test_others_cannot_export_the_users(role):
    user = factories.contributor() if role == "contributor" else member_of(MODERATORS_GROUP)
    client = client_for(user)
    response = client.get("/admin/users/", {"export": "csv"})
    assert response.status_code in (302, 403)
    assert b"@" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_moderator_sees_the_users_without_the_export():
    factories.contributor(first_name="Yvonne", last_name="Quéméner")
    client = client_for(member_of(MODERATORS_GROUP))
    response = client.get("/admin/users/")
    assert response.status_code == 200
    assert "Yvonne Quéméner" in response.content.decode()
    assert "export=csv" not in response.content.decode()
