"""A base added in the admin (Pages → Bases → ajouter) is equipped like one created from the site."""

import pytest
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PageViewRestriction, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from bases.membership import join
from bases.models import BaseIndexPage, BasePage, Membership
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def add_base_in_admin(user, **fields):
    index = BaseIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "Réseau des médiateurs du Cantal",
            "slug": "reseau-cantal",
            "description": rich_text("<p>Notre réseau.</p>"),
            "contact_email": "contact@cantal.fr",
            "highlighted_resources": "latest",
            "featured_collections": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
            **fields,
        }
    )
    response = client_for(user).post(f"/admin/pages/add/bases/basepage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return BasePage.objects.get(slug="reseau-cantal")


def test_a_base_added_in_the_admin_gets_groups_collection_permissions_and_workflow(superuser):
    base = add_base_in_admin(superuser, is_public="on")

    assert base.live
    assert base.members_group.name == "Base reseau-cantal — membres"
    codenames = set(
        GroupPagePermission.objects.filter(group=base.admins_group, page=base).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert base.media_collection.name == "Réseau des médiateurs du Cantal"
    assert GroupCollectionPermission.objects.filter(
        group=base.members_group, collection=base.media_collection
    ).exists()
    task = WorkflowPage.objects.get(page=base).workflow.tasks.get().specific
    assert list(task.groups.all()) == [base.admins_group]
    assert Membership.objects.get(base=base).user == superuser
    assert not PageViewRestriction.objects.filter(page=base).exists()


def test_a_private_base_added_in_the_admin_is_readable_by_its_members_only(superuser):
    base = add_base_in_admin(superuser)  # « base publique » left unticked

    restriction = PageViewRestriction.objects.get(page=base)
    assert {base.members_group, base.admins_group} <= set(restriction.groups.all())
    member = factories.contributor()
    join(base, member, "member", by=superuser)
    assert client_for(member).get(base.url).status_code == 200
    for stranger in (factories.contributor(), None):
        assert client_for(stranger).get(base.url).status_code == 403  # the page explaining a private base


def test_a_base_created_from_the_site_is_not_equipped_twice(superuser):
    base = factories.base(owner=superuser)
    assert Membership.objects.filter(base=base).count() == 1
    assert WorkflowPage.objects.filter(page=base).count() == 1
