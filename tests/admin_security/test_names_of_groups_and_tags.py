"""Groups are named after the bases: the users listing's group filter names only what the viewer may
read."""

import pytest
from django.urls import reverse

from tests.admin_security.conftest import shown

pytestmark = pytest.mark.django_db


def test_the_users_group_filter_offers_moderators_the_groups_of_the_bases_they_read(content, client_of):
    private, public = content["bases"]["private"], content["bases"]["public"]
    moderator_sees = shown(client_of("moderateur").get(reverse("wagtailusers_users:index")))
    assert public.members_group.name in moderator_sees
    assert private.slug not in moderator_sees
    admin_sees = shown(client_of("admin_plateforme").get(reverse("wagtailusers_users:index")))
    assert private.members_group.name in admin_sees

