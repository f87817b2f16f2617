import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from cms.embedded_db import ensure_running
from tests.ops.conftest import GUNICORN, free_port, operator_environment

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_static_files_are_served_by_whitenoise(client):
    response = client.get("/static/dsfr/dist/dsfr/dsfr.min.css")
    assert response.status_code == 200
    assert response.streaming  # whitenoise's file response, not a Django view


@pytest.fixture
def gunicorn_production():
    """The Procfile's web process with production settings, on the embedded database."""
    params = ensure_running("lesbases")
    port = free_port()
    env = operator_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-long-random-production-like-secret-key-for-this-test-only-123456",
        DATABASE_URL=f"postgres://postgres@{quote(params['host'], safe='')}:{params['port']}/lesbases",
        ALLOWED_HOSTS="lesbases.test",
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    process = subprocess.Popen(GUNICORN, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/health/", headers={"Host": "lesbases.test"}, timeout=10)
            break
        except requests.RequestException:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_gunicorn_serves_health_behind_an_https_proxy_and_redirects_plain_http(gunicorn_production):
    behind_proxy = {"Host": "lesbases.test", "X-Forwarded-Proto": "https"}
    response = requests.get(f"{gunicorn_production}/health/", headers=behind_proxy, timeout=5)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "Strict-Transport-Security" in response.headers

    plain = requests.get(
        f"{gunicorn_production}/", headers={"Host": "lesbases.test"}, allow_redirects=False, timeout=5
    )
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://lesbases.test/")
