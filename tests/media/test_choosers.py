"""The image and document choosers offer a user their own uploads and their bases', and upload only
into a collection the user may add to."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from cms.media import personal_collection
from resources.models import ResourcePage
from tests import factories
from tests.conftest import client_for
from tests.media.conftest import CHOOSES, VIEWERS, mentions

pytestmark = pytest.mark.django_db

FILES = [
    "private_image",
    "private_document",
    "public_image",
    "public_document",
    "stranger_image",
    "stranger_document",
    "outsider_image",
]


def chooser_html(client) -> str:
    return "".join(client.get(f"/admin/{kind}/chooser/").json()["html"] for kind in ("images", "documents"))


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_choosers_list_the_viewers_uploads_and_those_of_their_bases(viewer, people, media):
    html = chooser_html(client_for(people[viewer]))
    shown = {name for name in FILES if mentions(html, media[name].title)}
    assert shown == CHOOSES[viewer]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_choosing_a_file_by_its_id_follows_the_same_rule(viewer, people, media):
    client = client_for(people[viewer])
    for name in FILES:
        kind = "images" if name.endswith("image") else "documents"
        response = client.get(f"/admin/{kind}/chooser/chosen/{media[name].pk}/")
        allowed = name in CHOOSES[viewer]
        assert (response.status_code == 200) is allowed, name
        assert mentions(response.content.decode(), media[name].title) is allowed, name


def test_the_chooser_search_finds_no_foreign_file(people, media):
    html = client_for(people["stranger"]).get("/admin/images/chooser/results/", {"q": "Plan secret"})
    assert not mentions(html.content.decode(), media["private_image"].title)


def upload(client, collection=None):
    data = {
        "image-chooser-upload-title": "Salle de l'atelier",
        "image-chooser-upload-file": SimpleUploadedFile("salle.png", factories.png_bytes(), "image/png"),
    }
    if collection is not None:
        data["image-chooser-upload-collection"] = collection.pk
    return client.post("/admin/images/chooser/create/", data)


def test_a_contributor_without_a_base_uploads_into_their_personal_uploads(people):
    client = client_for(people["stranger"])
    assert 'name="image-chooser-upload-collection"' not in chooser_html(client)
    assert upload(client).json()["step"] == "chosen"
    image = get_image_model().objects.get(title="Salle de l'atelier")
    assert image.collection == personal_collection() and image.uploaded_by_user == people["stranger"]


def test_a_member_is_offered_personal_uploads_and_their_bases_only(team, people):
    html = client_for(people["member"]).get("/admin/images/chooser/").json()["html"]
    upload_form = html[html.index("image-chooser-upload-collection") :]
    assert f'<option value="{personal_collection().pk}" selected>' in upload_form
    assert "Base ouverte" in upload_form and "Base fermée" in upload_form
    assert "Base Oscar" not in html
    assert (
        "vous seul pouvez utiliser ce fichier ; dans la collection d&#x27;une base, tous ses membres" in html
    )


def test_a_member_uploads_into_their_base(team, people):
    base = team["bases"]["private"]
    assert upload(client_for(people["member"]), base.media_collection).json()["step"] == "chosen"
    assert get_image_model().objects.get(title="Salle de l'atelier").collection == base.media_collection


def test_an_upload_into_a_foreign_base_is_refused_and_nothing_is_stored(people):
    response = upload(client_for(people["member"]), people["outsider_base"].media_collection)
    assert response.json()["step"] == "reshow_creation_form"
    assert "Sélectionnez un choix valide" in response.json()["htmlFragment"]
    assert not get_image_model().objects.filter(title="Salle de l'atelier").exists()


def test_the_block_previews_show_a_public_file_rather_than_the_latest_upload(people, media):
    client = client_for(people["outsider"])
    blocks = ResourcePage._meta.get_field("body").stream_block.child_blocks

    def preview(name):
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": blocks[name].definition_prefix})
        return response.content.decode()

    assert media["public_document"].url in preview("file")
    assert media["stranger_document"].url not in preview("file")
    image_html = preview("image")
    assert media["public_image"].get_rendition("max-1200x1200").url in image_html
    stem = media["stranger_image"].file.name.removeprefix("original_images/").rsplit(".", 1)[0]
    assert stem not in image_html
