"""What is not a page leaves an audit trail in Wagtail's model log entries, with who did it; platform
admins read it in the admin's « Journal des actions », and nobody else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP, ensure_platform_groups
from community.models import BaseFollow
from resources.models import Rating
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = factories.contributor()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_follows_ratings_and_memberships_are_logged_for_platform_admins_only():
    ensure_platform_groups()
    follower, newcomer = factories.contributor(first_name="Flore"), factories.contributor()
    base = factories.base(title="Base tracée")
    resource = factories.resource()
    client = client_for(follower)

    client.post(reverse("base_follow", args=[base.slug]))
    client.post(reverse("resources:rate", args=[resource.pk]), {"value": "3"})
    client.post(reverse("base_unfollow", args=[base.slug]))
    factories.base(owner=base.owner, members=[newcomer])

    entries = ModelLogEntry.objects.filter(user=follower).order_by("pk")
    assert [(entry.content_type.model_class(), entry.action) for entry in entries] == [
        (BaseFollow, "wagtail.create"),
        (Rating, "wagtail.create"),
        (BaseFollow, "wagtail.delete"),
    ]
    assert (
        ModelLogEntry.objects.filter(content_type__model="membership", action="wagtail.create").count() >= 2
    )

    history = "/admin/reports/site-history/"
    for admin in (factories.superuser(), member_of(ADMINISTRATORS_GROUP)):
        page = client_for(admin).get(history).content.decode()
        assert "Base tracée" in page and "Flore" in page
    for other in (member_of(MODERATORS_GROUP), follower):
        response = client_for(other).get(history)
        assert response.status_code in (302, 403)
