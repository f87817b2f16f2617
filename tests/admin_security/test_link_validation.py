"""A link of a resource goes to a page its author may choose: an id typed into the form for a private
page or someone else's draft is a field error in French, nothing is saved, and the page is not named."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bases.models import BasePage
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.admin_security.conftest import shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

REFUSED = "Choisissez une page publique du site ou une page que vous pouvez modifier."


def form_data(title, blocks, action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "fiche-liee",
            "description": "Des liens.",
            "body": streamfield(blocks),
            "is_public": "on",
            "licence": "etalab-2-0",
            action: "1",
        }
    )
    return {**data, **factories.INDEXATION}


def link_to(page):
    return ("link", {"url": "", "page": page.pk, "title": "Voir aussi", "caption": ""})


def text_linking_to(page):
    return ("text", rich_text(f'<p>Lire <a linktype="page" id="{page.pk}">cette page</a>.</p>'))


def create(client, blocks, action="action-publish"):
    url = reverse(
        "wagtailadmin_pages:add", args=("resources", "resourcepage", ResourceIndexPage.objects.get().pk)
    )
    return client.post(url, form_data("Fiche liée", blocks, action))


@pytest.mark.parametrize("target", ["private_resource", "draft", "private_base", "private_base_resource"])
@pytest.mark.parametrize("action", ["action-publish", "action-save"])
def test_a_link_to_a_page_one_may_not_choose_is_refused(target, action, content):
    page = {
        "private_resource": content["private_resource"],
        "draft": content["draft"],
        "private_base": content["bases"]["private"],
        "private_base_resource": content["resources"]["private"],
    }[target]
    response = create(client_for(factories.contributor()), [link_to(page), text_linking_to(page)], action)
    assert response.status_code == 200
    assert not ResourcePage.objects.filter(title="Fiche liée").exists()
    text = shown(response)
    assert REFUSED in text
    assert "il a été retiré" in text
    assert page.title not in text and f"/{page.slug}/" not in text


def test_links_to_public_pages_and_own_drafts_are_saved(content):
    author = factories.contributor()
    own_draft = factories.resource(owner=author, publish=False, title="Mon brouillon")
    blocks = [
        link_to(content["resources"]["public"]),
        link_to(own_draft),
        text_linking_to(content["bases"]["public"]),
    ]
    response = create(client_for(author), blocks)
    assert response.status_code == 302
    assert ResourcePage.objects.get(title="Fiche liée").live


def test_a_member_links_to_their_private_base(content):
    response = create(
        client_for(content["member"]), [link_to(content["resources"]["private"])], "action-save"
    )
    assert response.status_code == 302


def test_a_link_already_in_the_resource_stays_when_the_page_became_private(content):
    author = factories.contributor()
    target = factories.resource(owner=factories.contributor(), title="Bientôt privée")
    client = client_for(author)
    assert create(client, [link_to(target)], "action-save").status_code == 302
    resource = ResourcePage.objects.get(title="Fiche liée")
    target.is_public = False
    target.save_revision().publish()
    edit = reverse("wagtailadmin_pages:edit", args=(resource.pk,))
    response = client.post(edit, form_data("Fiche liée", [link_to(target)], "action-save"))
    assert response.status_code == 302


def test_a_base_description_links_only_to_choosable_pages(content):
    base, secret = content["bases"]["public"], content["private_resource"]
    data = nested_form_data(
        {
            "title": base.title,
            "slug": base.slug,
            "description": rich_text(f'<p>Voir <a linktype="page" id="{secret.pk}">ce journal</a>.</p>'),
            "contact_email": base.contact_email,
            "is_public": "on",
            "highlighted_resources": "latest",
            "featured_collections": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client_for(content["admin"]).post(reverse("wagtailadmin_pages:edit", args=(base.pk,)), data)
    assert response.status_code == 200
    text = shown(response)
    assert "La description contenait un lien vers une page que vous ne pouvez pas choisir" in text
    assert secret.title not in text and f"/{secret.slug}/" not in text
    assert str(secret.pk) not in BasePage.objects.get(pk=base.pk).description
