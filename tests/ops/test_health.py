import pytest

PROBE = """
from django.test import Client
response = Client(HTTP_HOST="localhost").get("/health/")
print("status", response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_is_unavailable_without_database_and_tells_no_secret(manage):
    secret_url = "postgres://lesbases:topsecret@127.0.0.1:9/lesbases"
    result = manage("shell", "-c", PROBE, env={"DATABASE_URL": secret_url})
    assert result.returncode == 0, result.stderr
    assert "status 503" in result.stdout
    assert "topsecret" not in result.stdout and "127.0.0.1" not in result.stdout
