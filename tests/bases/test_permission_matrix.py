"""Who may do what, for each role and each kind of base: every cell asserted, nothing leaks."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import Invitation, Membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "user", "member", "admin", "superuser", "administrateurs"]
BASES = ["public", "private"]

# role → (reads the private base, edits in the admin, publishes, invites, changes a role)
RIGHTS = {
    "visitor": (False, False, False, False, False),
    "user": (False, False, False, False, False),
    "member": (True, True, False, False, False),
    "admin": (True, True, True, True, True),
    "superuser": (True, True, True, True, True),
    "administrateurs": (True, True, True, True, True),
}


def user_for(role, team, superuser):
    platform_admin = None
    if role == "administrateurs":
        platform_admin = factories.contributor(first_name="Pia", last_name="Plateforme")
        platform_admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    return {
        "visitor": None,
        "user": factories.contributor(first_name="Ursule", last_name="Inscrite"),
        "member": team["member"],
        "admin": team["admin"],
        "superuser": superuser,
        "administrateurs": platform_admin,
    }[role]


def reads(role, visibility):
    return visibility == "public" or RIGHTS[role][0]


@pytest.mark.parametrize("visibility", BASES)
@pytest.mark.parametrize("role", ROLES)
def test_reading_the_base_its_resource_and_the_base_profile_and_sitemap_listings(
    role, visibility, team, superuser
):
    client = client_for(user_for(role, team, superuser))
    base, resource = team["bases"][visibility], team["resources"][visibility]
    expected = reads(role, visibility)

    base_response = client.get(base.url)
    assert (base_response.status_code == 200) is expected
    assert (resource.title in base_response.content.decode()) is expected
    assert (client.get(resource.url).status_code == 200) is expected
    assert (base.title in client.get("/bases/").content.decode()) is expected
    # /ressources/ lists every resource the viewer may read, those of bases included.
    assert (resource.title in client.get("/ressources/").content.decode()) is expected
    profile = client.get(f"/profils/{team['admin'].slug}/").content.decode()
    assert (resource.title in profile) is expected
    assert (base.title in profile) is expected
    assert (resource.url in client.get("/sitemap-pages.xml").content.decode()) is (visibility == "public")


@pytest.mark.parametrize("visibility", BASES)
@pytest.mark.parametrize("role", ROLES)
def test_editing_and_publishing_in_the_admin(role, visibility, team, superuser):
    user = user_for(role, team, superuser)
    resource = team["resources"][visibility]
    response = client_for(user).get(reverse("wagtailadmin_pages:edit", args=(resource.pk,)))
    assert (response.status_code == 200) is RIGHTS[role][1]
    if user is not None:
        assert resource.permissions_for_user(user).can_publish() is RIGHTS[role][2]


@pytest.mark.parametrize("visibility", BASES)
@pytest.mark.parametrize("role", ROLES)
def test_inviting_and_changing_a_role(role, visibility, team, superuser):
    client = client_for(user_for(role, team, superuser))
    base, member = team["bases"][visibility], team["member"]

    client.post(
        reverse("bases:invite", args=(base.slug,)), {"email": "nouvelle@exemple.fr", "role": "member"}
    )
    client.post(reverse("bases:change_role", args=(base.slug, member.pk)), {"role": "admin"})

    assert Invitation.objects.filter(base=base, email="nouvelle@exemple.fr").exists() is RIGHTS[role][3]
    role_now = Membership.objects.get(base=base, user=member).role
    assert (role_now == "admin") is RIGHTS[role][4]
    assert member.groups.filter(pk=base.admins_group_id).exists() is RIGHTS[role][4]
