import io
import json

import boto3
import pytest
import requests
from django.test import override_settings
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.ops.conftest import free_port

BUCKET = "lesbases-media"
# As in production (infra/terraform): images are public, documents go through Wagtail's serve view.
PUBLIC_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}


@pytest.fixture
def s3_endpoint():
    """A real S3 API on loopback (moto's server), with an empty bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="fr-par",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "fr-par"})
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_POLICY))
    yield endpoint, client
    server.stop()


def s3_storages(endpoint: str) -> dict:
    # The same options as cms/settings/base.py builds from AWS_* variables.
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
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


@pytest.mark.django_db
def test_an_image_uploaded_through_wagtail_lands_in_the_bucket_and_its_rendition_is_served(
    s3_endpoint, superuser_client
):
    endpoint, s3 = s3_endpoint
    with override_settings(STORAGES=s3_storages(endpoint)):
        upload = io.BytesIO(png_bytes())
        upload.name = "atelier.png"
        response = superuser_client.post(
            "/admin/images/add/", {"title": "Atelier", "file": upload, "collection": 1}
        )
        assert response.status_code == 302, response.content.decode()[:2000]

        image = get_image_model().objects.get(title="Atelier")
        keys = {obj["Key"] for obj in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
        assert image.file.name in keys

        rendition = image.get_rendition("fill-160x120")
        assert rendition.url.startswith(f"{endpoint}/{BUCKET}/")
        served = requests.get(rendition.url, timeout=10)
        assert served.status_code == 200
        assert PILImage.open(io.BytesIO(served.content)).size == (160, 120)


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
    assert "storages.backends.s3.S3Storage" in result.stdout
    assert "'addressing_style': 'path'" in result.stdout
    assert "https://s3.fr-par.scw.cloud" in result.stdout
