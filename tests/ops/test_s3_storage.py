import io
import json
from typing import NamedTuple

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.models import LinkPreview
from tests import factories
from tests.conftest import client_for
from tests.ops.conftest import free_port

BUCKET = "lesbases-media"
# As in production: only link-preview pictures are public in the bucket. Image renditions are reached
# through the site (/images/…), which redirects their readers to a signed address; documents go
# through Wagtail's serve view.
PUBLIC_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/link-previews/*",
        }
    ],
}


class Bucket(NamedTuple):
    endpoint: str
    client: object  # boto3's S3 client
    server: ThreadedMotoServer


@pytest.fixture
def s3_endpoint():
    """A real S3 API on loopback (moto's server), with an empty bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in the process, whichever server created them: start each test afresh.
    requests.post(f"{endpoint}/moto-api/reset", timeout=10)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="fr-par",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "fr-par"})
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_POLICY))
    yield Bucket(endpoint, client, server)
    server.stop()  # a second stop, after a test stopped it, returns at once


def s3_storages(endpoint: str) -> dict:
    # The same options as cms/settings/base.py builds from AWS_* variables.
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "fr-par",
                "access_key": "test",
                "secret_key": "test",
                "addressing_style": "path",
                "signature_version": "s3v4",
                "file_overwrite": False,
                "default_acl": None,
                "querystring_auth": False,
            },
        },
    }


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
