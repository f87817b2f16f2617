"""Documents and image renditions are served to everyone only when a live page anonymous visitors may
read uses them; otherwise to those who may read or edit a page using them, or choose them."""

import pytest

from resources.contributors import add_contributor
from tests import factories
from tests.conftest import client_for
from tests.media.conftest import file_block, image_block

pytestmark = pytest.mark.django_db


def document_status(user, document) -> int:
    return client_for(user).get(document.url).status_code


def test_a_document_of_a_live_public_page_is_served_to_everyone(people, media):
    response = client_for(None).get(media["public_document"].url)
    assert response.status_code == 200 and response.getvalue().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("viewer", "status"), [("stranger", 404), ("outsider", 404), ("member", 200), ("platform_admin", 200)]
)
def test_a_document_of_a_private_base_is_served_to_its_readers_only(viewer, status, people, media):
    assert document_status(people[viewer], media["private_document"]) == status
    anonymous = client_for(None).get(media["private_document"].url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")


def test_a_document_used_only_by_a_draft_is_served_to_its_editors_only(people, media):
    outsider, stranger = people["outsider"], people["stranger"]
    document = factories.document("Brouillon d'Oscar", owner=outsider)
    draft = factories.resource(owner=outsider, publish=False, body=[file_block(document)])
    assert document_status(None, document) == 302
    assert document_status(stranger, document) == 404
    assert document_status(outsider, document) == 200
    add_contributor(draft, stranger.email, by=outsider)
    assert document_status(stranger, document) == 200


def test_a_document_added_in_the_draft_of_a_live_page_is_not_public_until_published(people):
    outsider = people["outsider"]
    document = factories.document("Nouvelle version", owner=outsider)
    resource = factories.resource(owner=outsider)
    resource.body = [file_block(document)]
    resource.save_revision(user=outsider)
    assert document_status(None, document) == 302
    resource.get_latest_revision().publish()
    assert document_status(None, document) == 200


@pytest.mark.parametrize(
    ("viewer", "status"), [("stranger", 200), ("outsider", 404), ("member", 404), ("platform_admin", 200)]
)
def test_a_document_just_uploaded_is_served_to_its_uploader_and_platform_admins(
    viewer, status, people, media
):
    assert document_status(people[viewer], media["stranger_document"]) == status
    assert document_status(None, media["stranger_document"]) == 302


def rendition_url(image) -> str:
    return image.get_rendition("fill-400x225").url


def test_renditions_are_addressed_through_the_site(media):
    assert rendition_url(media["public_image"]).startswith("/images/")


def test_a_rendition_of_a_live_public_page_is_served_to_everyone_and_may_be_cached(client, media):
    response = client.get(rendition_url(media["public_image"]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize(
    ("viewer", "status"),
    [(None, 404), ("stranger", 404), ("outsider", 404), ("member", 200), ("platform_admin", 200)],
)
def test_a_rendition_of_a_private_base_is_served_to_its_readers_only(viewer, status, people, media):
    response = client_for(viewer and people[viewer]).get(rendition_url(media["private_image"]))
    assert response.status_code == status
    if status == 200:
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("viewer", "status"), [(None, 404), ("stranger", 200), ("outsider", 404), ("platform_admin", 200)]
)
def test_a_rendition_just_uploaded_is_served_to_its_uploader_and_platform_admins(
    viewer, status, people, media
):
    response = client_for(viewer and people[viewer]).get(rendition_url(media["stranger_image"]))
    assert response.status_code == status


def test_a_rendition_of_a_draft_is_not_public(people, media):
    factories.resource(owner=people["stranger"], publish=False, body=[image_block(media["stranger_image"])])
    assert client_for(None).get(rendition_url(media["stranger_image"])).status_code == 404


def test_an_unknown_rendition_is_not_found(client):
    assert client.get("/images/inconnue.fill-400x225.png").status_code == 404


def test_the_pages_of_a_public_resource_show_its_images_through_the_site(client, media):
    html = client.get(media["public_resource"].url).content.decode()
    for address in [url for url in html.split('"') if url.startswith("/images/")]:
        assert client.get(address).status_code == 200
    assert html.count('src="/images/') == 1  # the image block; the cover, the same image, is not repeated


@pytest.mark.parametrize("viewer", [None, "member"])
def test_serving_a_rendition_costs_the_same_whatever_the_number_of_pages_using_it(
    viewer, team, people, media, django_assert_max_num_queries
):
    image = media["public_image"] if viewer is None else media["private_image"]
    base = team["bases"]["public" if viewer is None else "private"]
    client = client_for(viewer and people[viewer])
    address = rendition_url(image)

    def queries():
        with django_assert_max_num_queries(20) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(10):
        factories.resource(parent=base, owner=team["admin"], is_public=viewer is None, cover_image=image)
    assert queries() <= few
