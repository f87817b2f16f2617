"""Forwarded headers are believed only from the proxies in front of the app: by gunicorn for the
scheme, by the app for the client's address (its rate limits), as the environment says."""

import json
import runpy

import pytest

from tests.ops.conftest import ROOT

GUNICORN_CONF = str(ROOT / "infra" / "gunicorn.conf.py")


def test_gunicorn_believes_forwarded_headers_from_loopback_only_by_default(monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert runpy.run_path(GUNICORN_CONF)["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_gunicorn_takes_its_proxies_from_the_environment(monkeypatch):
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8")
    assert runpy.run_path(GUNICORN_CONF)["forwarded_allow_ips"] == "10.0.0.0/8"


@pytest.mark.parametrize(("environment", "expected"), [({}, 0), ({"TRUSTED_PROXY_COUNT": "1"}, 1)])
def test_the_number_of_trusted_proxies_comes_from_the_environment(manage, environment, expected):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        env=environment,
    )
    assert result.stdout.strip() == str(expected), result.stderr


def test_scalingo_trusts_its_router_and_nothing_more():
    variables = json.loads((ROOT / "infra" / "scalingo.json").read_text())["env"]
    assert variables["TRUSTED_PROXY_COUNT"]["value"] == "1"
    assert variables["FORWARDED_ALLOW_IPS"]["value"] == "*"
