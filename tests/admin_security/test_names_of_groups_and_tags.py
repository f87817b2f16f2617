"""Groups are named after the bases, and tags after the files: the users listing's group filter and
the chooser of wagtail-dsfr's tags name only what the viewer may read."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.admin_security.conftest import shown

pytestmark = pytest.mark.django_db


def test_the_users_group_filter_offers_moderators_the_groups_of_the_bases_they_read(content, client_of):
    private, public = content["bases"]["private"], content["bases"]["public"]
    moderator_sees = shown(client_of("moderateur").get(reverse("wagtailusers_users:index")))
    assert public.members_group.name in moderator_sees
    assert private.slug not in moderator_sees
    admin_sees = shown(client_of("admin_plateforme").get(reverse("wagtailusers_users:index")))
    assert private.members_group.name in admin_sees


@pytest.mark.parametrize("viewer", ["contributeur", "membre", "moderateur"])
def test_the_editorial_tag_chooser_is_refused_to_all_but_platform_admins(viewer, content, client_of):
    Tag.objects.create(name="étiquette-d-un-fichier-privé")
    url = reverse("wagtailsnippetchoosers_wagtail_dsfr_content_manager_tag:choose")
    response = client_of(viewer).get(url, follow=True)
    assert "étiquette-d-un-fichier-privé" not in shown(response)
    assert "étiquette-d-un-fichier-privé" in shown(client_of("admin_plateforme").get(url))
