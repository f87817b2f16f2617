import io

import pytest
import requests
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.models import LinkPreview
from tests import factories
from tests.conftest import client_for
from tests.ops.conftest import BUCKET, s3_storages


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 240), (0, 99, 203)).save(buffer, "PNG")
    return buffer.getvalue()


def served(client, address):
    """Follow the site's redirect to the bucket's signed address, as a browser does."""
    response = client.get(address)
    assert response.status_code == 302, response.status_code
    return response, requests.get(response.url, timeout=10)


@pytest.mark.django_db
def test_an_image_uploaded_through_wagtail_lands_in_the_bucket_and_its_rendition_is_served(
    s3_endpoint, superuser_client
):
    endpoint, s3, _ = s3_endpoint
    with override_settings(STORAGES=s3_storages(endpoint)):
        upload = io.BytesIO(png_bytes())
        upload.name = "atelier.png"
        response = superuser_client.post(
            "/admin/images/add/",
            {"title": "Atelier", "file": upload, "collection": Collection.get_first_root_node().pk},
        )
        assert response.status_code == 302, response.content.decode()[:2000]

        image = get_image_model().objects.get(title="Atelier")
        keys = {obj["Key"] for obj in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
        assert image.file.name in keys

        rendition = image.get_rendition("fill-160x120")
        assert rendition.url.startswith("/images/")
        redirect, file = served(superuser_client, rendition.url)
        assert redirect.url.startswith(f"{endpoint}/{BUCKET}/{rendition.file.name}?")
        assert file.status_code == 200
        assert PILImage.open(io.BytesIO(file.content)).size == (160, 120)


def public_grants(s3, key) -> list:
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return [grant for grant in grants if grant["Grantee"].get("URI", "").endswith("/AllUsers")]


@pytest.mark.django_db
def test_a_rendition_of_a_private_resource_is_private_in_the_bucket(s3_endpoint, team):
    endpoint, s3, _ = s3_endpoint
    with override_settings(STORAGES=s3_storages(endpoint)):
        picture = factories.image(
            "Plan de la base fermée", owner=team["admin"], base=team["bases"]["private"]
        )
        block = ("image", {"image": picture, "alt_text": "Un plan", "decorative": False, "caption": ""})
        factories.resource(
            parent=team["bases"]["private"], owner=team["admin"], is_public=False, body=[block]
        )
        rendition = picture.get_rendition("max-1200x1200")

        assert public_grants(s3, rendition.file.name) == []
        assert requests.get(f"{endpoint}/{BUCKET}/{rendition.file.name}", timeout=10).status_code == 403
        assert client_for(None).get(rendition.url).status_code == 404
        assert client_for(factories.contributor()).get(rendition.url).status_code == 404
        redirect, file = served(client_for(team["member"]), rendition.url)
        assert redirect["Cache-Control"] == "private, no-store"
        assert file.status_code == 200


@pytest.mark.django_db
def test_a_rendition_of_a_public_resource_is_served_to_anyone_from_a_stable_address(s3_endpoint, team):
    endpoint, s3, _ = s3_endpoint
    with override_settings(STORAGES=s3_storages(endpoint)):
        picture = factories.image("Affiche", owner=team["admin"], base=team["bases"]["public"])
        resource = factories.resource(
            parent=team["bases"]["public"], owner=team["admin"], cover_image=picture
        )
        html = client_for(None).get(resource.url).content.decode()
        rendition = picture.get_rendition("width-1200")
        assert f'src="{rendition.url}"' in html

        redirect, file = served(client_for(None), rendition.url)
        assert redirect["Cache-Control"] == "public, max-age=3600"
        assert file.status_code == 200
        assert public_grants(s3, rendition.file.name) == []


@pytest.mark.django_db
def test_link_preview_pictures_are_public_files_of_the_bucket(s3_endpoint):
    endpoint, *_ = s3_endpoint
    with override_settings(STORAGES=s3_storages(endpoint)):
        preview = LinkPreview.objects.create(
            url="https://www.exemple.fr/",
            fetched_at=timezone.now(),
            image=ContentFile(png_bytes(), "carte.webp"),
        )
        assert preview.image.url.startswith(f"{endpoint}/{BUCKET}/images/link-previews/")
        assert requests.get(preview.image.url, timeout=10).status_code == 200


def test_settings_switch_media_to_s3_when_a_bucket_is_named(manage):
    probe = "from django.conf import settings; print(settings.STORAGES['default'])"
    env = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        "AWS_S3_REGION_NAME": "fr-par",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    result = manage("shell", "-c", probe, env=env)
    assert result.returncode == 0, result.stderr
    assert "cms.storage.MediaS3Storage" in result.stdout
    assert "'addressing_style': 'path'" in result.stdout
    assert "https://s3.fr-par.scw.cloud" in result.stdout


@pytest.mark.django_db
def test_while_the_bucket_does_not_answer_pages_render_and_an_upload_is_refused_in_french(
    s3_endpoint, client, superuser_client
):
    with override_settings(STORAGES=s3_storages(s3_endpoint.endpoint)):
        owner = factories.contributor()
        picture = get_image_model().objects.create(
            title="Salle", file=ContentFile(png_bytes(), "salle.png"), uploaded_by_user=owner
        )
        resource = factories.resource(
            owner=owner,
            title="Atelier tablette",
            cover_image=picture,
            body=[("image", {"image": picture, "alt_text": "Une salle", "caption": ""})],
        )
        url = resource.url

        s3_endpoint.server.stop()
        # The page's renditions, never made yet, cannot be: the image shows as missing, the page renders.
        for path in (url, "/", "/ressources/", "/rechercher/?q=atelier"):
            assert client.get(path).status_code == 200, path
        upload = io.BytesIO(png_bytes())
        upload.name = "atelier.png"
        response = superuser_client.post(
            "/admin/images/add/",
            {"title": "Atelier", "file": upload, "collection": Collection.get_first_root_node().pk},
        )
        assert response.status_code == 503
        assert "Le stockage des fichiers ne répond pas" in response.content.decode()
        assert not get_image_model().objects.filter(title="Atelier").exists()
