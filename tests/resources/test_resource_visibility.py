"""Drafts, private and unpublished resources stay hidden from visitors, everywhere."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from resources.models import ResourceIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.contributor()


@pytest.fixture
def hidden(owner):
    """A draft, a private resource and an unpublished one, next to a public one."""
    draft = factories.resource(owner=owner, title="Brouillon secret", publish=False)
    private = factories.resource(owner=owner, title="Ressource privée", is_public=False)
    unpublished = factories.resource(owner=owner, title="Ressource dépubliée")
    unpublished.unpublish()
    public = factories.resource(owner=owner, title="Ressource publique")
    return {"draft": draft, "private": private, "unpublished": unpublished, "public": public}


def test_anonymous_visitors_cannot_open_hidden_resources(client, hidden):
    assert client.get(hidden["public"].url).status_code == 200
    assert client.get("/ressources/" + hidden["draft"].slug + "/").status_code == 404
    assert client.get("/ressources/" + hidden["unpublished"].slug + "/").status_code == 404
    response = client.get(hidden["private"].url)
    assert response.status_code == 302
    assert response["Location"] == f"/connexion/?next={hidden['private'].url}"


def test_hidden_resources_have_no_card_in_the_listing(client, hidden):
    html = client.get("/ressources/").content.decode()
    assert "Ressource publique" in html
    for title in ("Brouillon secret", "Ressource privée", "Ressource dépubliée"):
        assert title not in html


def test_hidden_resources_are_not_in_the_sitemap(client, hidden):
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert hidden["public"].slug in xml
    for name in ("draft", "private", "unpublished"):
        assert hidden[name].slug not in xml


def test_the_owner_reads_their_private_resource_and_sees_its_card(client, owner, hidden):
    client.force_login(owner)
    assert "Ressource privée" in client.get(hidden["private"].url).content.decode()
    assert "Ressource privée" in client.get("/ressources/").content.decode()


def test_another_signed_in_user_cannot_read_a_private_resource(client, hidden):
    client.force_login(factories.contributor())
    assert client.get(hidden["private"].url).status_code == 302
    assert "Ressource privée" not in client.get("/ressources/").content.decode()


def test_the_owner_previews_their_draft_in_the_admin(client, owner, hidden):
    client.force_login(owner)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(hidden["draft"].pk,)))
    assert response.status_code == 200 and "Brouillon secret" in response.content.decode()


def test_a_private_resource_in_a_base_is_readable_by_the_groups_of_the_base(client, owner):
    base = factories.base(owner=owner)
    members = Group.objects.create(name="Base test — membres")
    GroupPagePermission.objects.create(
        group=members, page=base, permission=Permission.objects.get(codename="add_page")
    )
    member = factories.contributor()
    member.groups.add(members)
    private = factories.resource(parent=base, owner=owner, is_public=False)
    client.force_login(member)
    assert client.get(private.url).status_code == 200
    client.force_login(factories.contributor())
    assert client.get(private.url).status_code == 302


def test_making_a_resource_public_again_lifts_the_restriction(client, owner, hidden):
    private = hidden["private"]
    private.is_public = True
    private.save_revision(user=owner).publish(user=owner)
    assert client.get(private.url).status_code == 200
    assert ResourceIndexPage.objects.get().get_children().live().public().filter(pk=private.pk).exists()
