"""An image or a document the user may not choose, put in a page by its id, is refused with a French
error on its field and nothing is saved; what the page already holds stays accepted for its editors."""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.contributors import add_contributor
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for
from tests.media.conftest import mentions

pytestmark = pytest.mark.django_db

REFUSED_IMAGE = (
    "Vous ne pouvez pas utiliser cette image : choisissez l'une des vôtres ou l'une de celles "
    "des bases dont vous êtes membre."
)
REFUSED_DOCUMENT = (
    "Vous ne pouvez pas utiliser ce fichier : choisissez l'un des vôtres ou l'un de ceux "
    "des bases dont vous êtes membre."
)


def block_errors(response, field="body") -> dict:
    """``{block position: {child block: [messages]}}`` of the form shown again."""
    error = response.context["form"].errors[field].as_data()[0].as_json_data()
    return {
        int(position): {name: errors["messages"] for name, errors in child["blockErrors"].items()}
        for position, child in error.get("blockErrors", {}).items()
    }


def add_url():
    return reverse(
        "wagtailadmin_pages:add", args=("resources", "resourcepage", ResourceIndexPage.objects.get().pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def body(*blocks):
    return streamfield(list(blocks))


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "Une photo", "caption": ""})


def file_block(document):
    return ("file", {"document": document.pk, "title": "Support", "caption": ""})


@pytest.mark.parametrize("action", ["action-save", "action-publish"])
def test_a_foreign_image_or_document_in_a_block_is_refused_and_nothing_is_saved(action, people, media):
    stranger = people["stranger"]
    data = factories.resource_form_data(
        stranger,
        title="Fiche pirate",
        action=action,
        body=body(image_block(media["private_image"]), file_block(media["private_document"])),
    )
    response = client_for(stranger).post(add_url(), data)
    assert response.status_code == 200
    assert block_errors(response) == {0: {"image": [REFUSED_IMAGE]}, 1: {"document": [REFUSED_DOCUMENT]}}
    assert not ResourcePage.objects.filter(title="Fiche pirate").exists()
    # The form is shown again without the refused files: their titles stay unknown.
    html = response.content.decode()
    assert not mentions(html, media["private_image"].title)
    assert not mentions(html, media["private_document"].title)


def test_a_foreign_cover_image_is_refused(people, media):
    stranger = people["stranger"]
    data = factories.resource_form_data(stranger, title="Fiche pirate", cover_image=media["private_image"].pk)
    response = client_for(stranger).post(add_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors["cover_image"] == [REFUSED_IMAGE]
    assert not ResourcePage.objects.filter(title="Fiche pirate").exists()
    assert not mentions(response.content.decode(), media["private_image"].title)


def test_ones_own_uploads_and_ones_bases_are_accepted(people, media):
    member = people["member"]
    data = factories.resource_form_data(
        member,
        title="Fiche du membre",
        action="action-save",
        cover_image=media["public_image"].pk,
        body=body(image_block(media["private_image"]), file_block(media["public_document"])),
    )
    response = client_for(member).post(add_url(), data)
    assert response.status_code == 302
    assert ResourcePage.objects.filter(title="Fiche du membre").exists()


def resource_edit_data(page, editor, blocks, action="action-save"):
    return factories.resource_form_data(
        editor, title=page.title, slug=page.slug, action=action, cover_image=None, body=body(*blocks)
    )


def test_a_co_member_keeps_a_colleagues_file_but_cannot_add_a_foreign_one(team, people, media):
    # A resource of the public base holding the stranger's picture (put there before the rule, or by a
    # member who has since left).
    resource = factories.resource(
        parent=team["bases"]["public"],
        owner=team["admin"],
        body=[("image", {"image": media["stranger_image"], "alt_text": "Photo", "caption": ""})],
    )
    member = client_for(people["member"])
    kept = resource_edit_data(resource, people["member"], [image_block(media["stranger_image"])])
    assert member.post(edit_url(resource), kept).status_code == 302
    revisions = Revision.page_revisions.filter(object_id=str(resource.pk)).count()

    added = resource_edit_data(
        resource,
        people["member"],
        [image_block(media["stranger_image"]), image_block(media["outsider_image"])],
    )
    response = member.post(edit_url(resource), added)
    assert response.status_code == 200 and block_errors(response) == {1: {"image": [REFUSED_IMAGE]}}
    assert Revision.page_revisions.filter(object_id=str(resource.pk)).count() == revisions


def test_an_invited_contributor_keeps_the_authors_file(people, media):
    outsider, stranger = people["outsider"], people["stranger"]
    resource = factories.resource(
        owner=outsider,
        cover_image=media["outsider_image"],
        body=[("image", {"image": media["outsider_image"], "alt_text": "Photo", "caption": ""})],
    )
    add_contributor(resource, stranger.email, by=outsider)
    data = factories.resource_form_data(
        stranger,
        title=resource.title,
        slug=resource.slug,
        cover_image=media["outsider_image"].pk,
        body=body(image_block(media["outsider_image"]), image_block(media["stranger_image"])),
    )
    response = client_for(stranger).post(edit_url(resource), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    resource.refresh_from_db()
    assert resource.cover_image == media["outsider_image"]


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


def test_a_base_logo_or_cover_from_another_base_is_refused(people, media):
    base = people["outsider_base"]
    data = base_edit_data(base, logo=media["private_image"].pk, cover_image=media["public_image"].pk)
    response = client_for(people["outsider"]).post(edit_url(base), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["logo"] == errors["cover_image"] == [REFUSED_IMAGE]
    assert not mentions(response.content.decode(), media["private_image"].title)
    base.refresh_from_db()
    assert base.logo is None and base.cover_image is None

    data = base_edit_data(base, logo=media["outsider_image"].pk)
    assert client_for(people["outsider"]).post(edit_url(base), data).status_code == 302
    base.refresh_from_db()
    assert base.logo == media["outsider_image"]


@pytest.mark.parametrize("value", ["999999999", "abc"])
def test_a_base_logo_naming_nothing_is_refused_in_french(people, value):
    base = people["outsider_base"]
    response = client_for(people["outsider"]).post(edit_url(base), base_edit_data(base, logo=value))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."
    ]
    base.refresh_from_db()
    assert base.logo is None
