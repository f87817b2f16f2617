"""The admin's image and document pages (listings, edit, delete, usage, multiple upload) show a user
only the files they may change, and never the title of a page they may not edit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests import factories
from tests.conftest import client_for
from tests.media.conftest import image_block

pytestmark = pytest.mark.django_db

# What each one may change: their own uploads; a base's admins all of the base's; platform admins all.
CHANGES = {
    "stranger": {"stranger_image", "stranger_document"},
    "outsider": {"outsider_image"},
    "member": set(),
    "admin": {"private_image", "private_document", "public_image", "public_document"},
    "platform_admin": {
        "private_image",
        "private_document",
        "public_image",
        "public_document",
        "stranger_image",
        "stranger_document",
        "outsider_image",
    },
}
FILES = sorted(CHANGES["platform_admin"])


def kind(name):
    return "images" if name.endswith("image") else "documents"


def edit_path(name, media):
    pk = media[name].pk
    return f"/admin/images/{pk}/" if kind(name) == "images" else f"/admin/documents/edit/{pk}/"


def delete_path(name, media):
    pk = media[name].pk
    return f"/admin/images/{pk}/delete/" if kind(name) == "images" else f"/admin/documents/delete/{pk}/"


def usage_path(name, media):
    return f"/admin/{kind(name)}/usage/{media[name].pk}/"


@pytest.mark.parametrize("viewer", list(CHANGES))
def test_the_listings_show_what_the_viewer_may_change(viewer, people, media):
    client = client_for(people[viewer])
    html = client.get("/admin/images/").content.decode() + client.get("/admin/documents/").content.decode()
    assert {name for name in FILES if media[name].title in html} == CHANGES[viewer]


@pytest.mark.parametrize("viewer", list(CHANGES))
def test_edit_delete_and_usage_pages_answer_only_those_who_may_change_the_file(viewer, people, media):
    client = client_for(people[viewer])
    for name in FILES:
        for path in (edit_path(name, media), delete_path(name, media), usage_path(name, media)):
            response = client.get(path)
            allowed = name in CHANGES[viewer]
            assert (response.status_code == 200) is allowed, path
            assert (media[name].title in response.content.decode()) is allowed, path


def test_a_foreign_file_cannot_be_deleted_or_edited_through_the_multiple_upload_views(people, media):
    client = client_for(people["stranger"])
    image = media["private_image"]
    client.post(f"/admin/images/multiple/{image.pk}/delete/")
    response = client.post(f"/admin/images/multiple/{image.pk}/", {f"image-{image.pk}-title": "Volée"})
    assert response.status_code != 200 and image.title not in response.content.decode()
    client.post(f"/admin/documents/multiple/{media['private_document'].pk}/delete/")
    assert get_image_model().objects.get(pk=image.pk).title == "Plan secret de la base fermée"
    assert get_document_model().objects.filter(pk=media["private_document"].pk).exists()


def test_the_usage_of_ones_file_does_not_name_a_page_one_may_not_edit(team, people, media):
    factories.resource(
        parent=team["bases"]["private"],
        owner=team["admin"],
        title="Compte rendu du bureau",
        is_public=False,
        body=[image_block(media["stranger_image"])],
    )
    html = client_for(people["stranger"]).get(usage_path("stranger_image", media)).content.decode()
    assert "Compte rendu du bureau" not in html
    assert "Base fermée" not in html
    assert "(page Privé(e))" in html


def listing_queries(client, django_assert_max_num_queries, path) -> int:
    client.get(path)
    with django_assert_max_num_queries(200) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/admin/images/", "/admin/documents/", "/admin/images/chooser/"])
def test_the_filtered_listings_cost_the_same_whatever_the_number_of_files(
    path, team, people, django_assert_max_num_queries
):
    admin, base = team["admin"], team["bases"]["private"]
    client = client_for(admin)

    def add(count):
        for number in range(count):
            factories.image(f"Photo {number}", owner=admin, base=base)
            factories.document(f"Fiche {number}", owner=admin, base=base)

    add(2)
    few = listing_queries(client, django_assert_max_num_queries, path)
    add(10)
    assert listing_queries(client, django_assert_max_num_queries, path) <= few


def test_the_multiple_upload_puts_nothing_in_a_foreign_base(people):
    foreign = people["outsider_base"].media_collection
    upload = SimpleUploadedFile("salle.png", factories.png_bytes(), "image/png")
    response = client_for(people["member"]).post(
        "/admin/images/multiple/add/", {"files[]": upload, "collection": foreign.pk}
    )
    assert response.status_code == 200
    assert not get_image_model().objects.filter(collection=foreign).exists()
    assert "Base Oscar" not in response.content.decode()
