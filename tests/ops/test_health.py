"""The load balancer's liveness check depends on nothing; the readiness check names which of the
database, the cache and the media storage fails, and nothing of how."""

import pytest

PROBE = """
from django.test import Client
for path in ("/health/", "/health/ready/"):
    response = Client(HTTP_HOST="localhost").get(path)
    print(path, response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_health_and_readiness_are_ok_when_everything_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "base de données": "ok", "cache": "ok", "stockage": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_without_its_services_the_app_lives_but_is_not_ready_and_tells_no_secret(manage):
    unreachable = {
        "DATABASE_URL": "postgres://lesbases:topsecret@127.0.0.1:9/lesbases",
        "REDIS_URL": "redis://:redissecret@127.0.0.1:9/0",
        "AWS_STORAGE_BUCKET_NAME": "medias",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9",
        "AWS_ACCESS_KEY_ID": "cle",
        "AWS_SECRET_ACCESS_KEY": "s3secret",
    }
    result = manage("shell", "--no-imports", "-c", PROBE, env=unreachable)
    assert result.returncode == 0, result.stderr
    assert '/health/ 200 {"status": "ok"}' in result.stdout
    assert "/health/ready/ 503" in result.stdout
    for service in ("base de donn", "cache", "stockage"):
        assert f"{service}" in result.stdout
    assert result.stdout.count("indisponible") == 4  # the status and each of the three
    for secret in ("topsecret", "redissecret", "s3secret", "127.0.0.1"):
        assert secret not in result.stdout
