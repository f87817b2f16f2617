"""Broken and oversized uploads get a clear error and store nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor_client(client):
    client.force_login(factories.contributor())
    return client


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_a_file_that_claims_to_be_an_image_but_is_not_is_refused(contributor_client):
    response = upload_image(contributor_client, "photo.png", b"ceci n'est pas une image")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title="Photo").exists()


def test_an_oversized_image_is_refused_with_its_limit(contributor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(contributor_client, "photo.png", factories.png_bytes(400, 400) + b"\0" * 2048)
    assert response.status_code == 200
    assert "La taille de fichier maximale est de 1,0\xa0Kio." in " ".join(
        response.context["form"].errors["file"]
    )
    assert not get_image_model().objects.filter(title="Photo").exists()


def test_an_image_in_an_unsupported_format_is_refused(contributor_client):
    response = upload_image(contributor_client, "animation.gif", b"GIF89a" + b"\0" * 32, "image/gif")
    assert response.status_code == 200 and response.context["form"].errors["file"]


def test_the_production_limits_are_those_of_the_platform(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 100 * 1024 * 1024


def test_an_oversized_document_is_refused_and_nothing_is_stored(contributor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = contributor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Gros fichier", "file": SimpleUploadedFile("gros.pdf", b"%PDF" + b"0" * 4096)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.filter(title="Gros fichier").exists()
