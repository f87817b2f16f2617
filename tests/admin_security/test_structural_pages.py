"""Only platform admins unpublish, restrict, move, copy, delete or edit the home page, the indexes and
the editorial pages; everyone keeps adding and publishing their own resources beneath them."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_dsfr.content_manager.models import ContentPage

from bases.models import BaseIndexPage, BasePage
from home.models import HomePage
from resources.models import ResourceIndexPage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NON_ADMINS = ["contributeur", "autre_base", "membre", "admin_base", "moderateur"]


def structural_pages():
    return [
        HomePage.objects.get(),
        ResourceIndexPage.objects.get(),
        BaseIndexPage.objects.get(),
        ContentPage.objects.get(slug="a-propos"),
    ]


def page_url(name, page, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=(page.pk, *args))


@pytest.mark.parametrize("viewer", NON_ADMINS)
def test_structural_pages_stay_as_they_are_whoever_asks(viewer, client_of):
    client = client_of(viewer)
    children_before = {
        page.pk: list(page.get_children().values_list("pk", flat=True)) for page in structural_pages()
    }
    for page in structural_pages():
        for name in ("edit", "unpublish", "delete", "move", "copy", "set_privacy"):
            assert client.get(page_url(name, page)).status_code in (302, 403), (name, page)
        client.post(page_url("unpublish", page))
        client.post(page_url("delete", page))
        client.post(page_url("set_privacy", page), {"restriction_type": "password", "password": "secret"})
        client.post(page_url("lock", page))
        move = client.post(page_url("move_confirm", page, BaseIndexPage.objects.get().pk))
        assert move.status_code in (302, 403), page
        client.post(
            page_url("copy", page), {"new_title": "Copie", "new_slug": "copie", "new_parent_page": page.pk}
        )
        for child in page.get_children()[:1]:
            client.post(reverse("wagtailadmin_pages:set_page_position", args=(child.pk,)) + "?position=5")
    for page in structural_pages():
        fresh = Page.objects.get(pk=page.pk)
        assert list(fresh.get_children().values_list("pk", flat=True)) == children_before[page.pk]
        assert fresh.live and not fresh.locked and fresh.title == page.title
        assert not PageViewRestriction.objects.filter(page=fresh).exists()
    assert not Page.objects.filter(slug="copie").exists()


def test_a_platform_admin_may_unpublish_and_restrict_an_index(viewers):
    client = client_for(viewers["admin_plateforme"])
    index = ResourceIndexPage.objects.get()
    assert client.get(page_url("unpublish", index)).status_code == 200
    assert client.get(page_url("set_privacy", index)).status_code == 200
    assert client.get(page_url("edit", index)).status_code == 200


def test_a_contributor_publishes_and_unpublishes_their_own_resource(content):
    author = factories.contributor()
    client = client_for(author)
    create = reverse(
        "wagtailadmin_pages:add", args=("resources", "resourcepage", ResourceIndexPage.objects.get().pk)
    )
    assert 'name="action-publish"' in client.get(create).content.decode()
    own = factories.resource(owner=author, title="Ma fiche")
    client.post(page_url("unpublish", own))
    own.refresh_from_db()
    assert not own.live
    others = content["resources"]["public"]
    client.post(page_url("unpublish", others))
    others.refresh_from_db()
    assert others.live


@pytest.mark.parametrize("viewer", ["contributeur", "admin_base"])
def test_privacy_follows_the_public_switch_not_wagtails_dialog(viewer, content, viewers):
    """Wagtail's dialog lists every group of the site, named after the bases (private ones included)."""
    own = {
        "contributeur": factories.resource(owner=viewers["contributeur"]),
        "admin_base": content["bases"]["public"],
    }
    response = client_for(viewers[viewer]).get(page_url("set_privacy", own[viewer]))
    assert response.status_code == 302
    assert "Base fermée" not in response.content.decode()


def test_a_base_admin_keeps_publishing_and_locking_their_base(content):
    base = content["bases"]["public"]
    permissions = base.permissions_for_user(content["admin"])
    assert permissions.can_edit() and permissions.can_publish() and permissions.can_lock()
    assert not permissions.can_move_to(ResourceIndexPage.objects.get())
    assert not permissions.can_copy_to(BaseIndexPage.objects.get())


def base_edit_data(base, **fields):
    return nested_form_data(
        {
            "title": base.title,
            "slug": base.slug,
            "description": rich_text("<p>Notre base.</p>"),
            "contact_email": base.contact_email,
            "is_public": "on",
            "highlighted_resources": "latest",
            "featured_collections": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
            **fields,
        }
    )


@pytest.mark.parametrize(("viewer", "shown_in_menus"), [("admin_base", False), ("admin_plateforme", True)])
def test_only_platform_admins_put_a_base_in_the_site_menu(viewer, shown_in_menus, content, viewers):
    base = content["bases"]["public"]
    client = client_for(viewers[viewer])
    assert ('name="show_in_menus"' in client.get(page_url("edit", base)).content.decode()) is shown_in_menus
    response = client.post(page_url("edit", base), base_edit_data(base, show_in_menus="on"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert BasePage.objects.get(pk=base.pk).show_in_menus is shown_in_menus


def test_creating_a_base_from_the_site_never_puts_it_in_the_menu():
    client = client_for(factories.contributor())
    form = {
        "title": "Base au menu",
        "contact_email": "base@exemple.fr",
        "is_public": "1",
        "show_in_menus": "on",
    }
    assert client.post(reverse("bases:create"), form).status_code == 302
    assert not BasePage.objects.get(title="Base au menu").show_in_menus
