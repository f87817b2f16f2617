import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.test import Client

from cms.sentry import init_sentry


class FakeSentry(BaseHTTPRequestHandler):
    """Accepts envelopes on /api/<project>/envelope/ as Sentry's ingestion endpoint does."""

    received: list[dict]

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            # The SDK compresses with brotli when it can import it (locust brings it with `.[bench]`).
            import brotli

            body = brotli.decompress(body)
        self.server.received.append(
            {"path": self.path, "items": [line for line in body.splitlines() if line]}
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    sentry_sdk.init()  # Sentry off again for the other tests.


def test_sentry_stays_off_without_a_dsn():
    assert init_sentry({}) is False


@pytest.mark.django_db
@pytest.mark.urls("tests.ops.failing_urls")
def test_an_exception_in_a_view_reaches_sentry_without_personal_data(fake_sentry):
    port = fake_sentry.server_address[1]
    environ = {
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/42",
        "SENTRY_ENVIRONMENT": "recette",
        "SENTRY_RELEASE": "abc123",
    }
    assert init_sentry(environ) is True

    response = Client(raise_request_exception=False).get(
        "/erreur-de-test/", HTTP_COOKIE="sessionid=secret-session"
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    assert fake_sentry.received, "no envelope reached the fake Sentry"
    envelope = fake_sentry.received[0]
    assert envelope["path"] == "/api/42/envelope/"
    events = [json.loads(item) for item in envelope["items"] if b'"exception"' in item]
    assert events, envelope["items"]
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "SentryProbeError"
    assert event["environment"] == "recette"
    assert event["release"] == "abc123"
    assert "secret-session" not in json.dumps(event)
