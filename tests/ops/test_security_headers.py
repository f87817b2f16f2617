"""The Content-Security-Policy and Permissions-Policy headers: strict on the site, what Wagtail needs in
its admin, and the sources of each configured service (Matomo, Metabase, ProConnect, the media bucket)."""

import json
import re

import pytest
from wagtail.models import Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def assert_strict_site_policy(response):
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'" and "'unsafe-inline'" not in csp["script-src"]
    assert not any(source.startswith("'nonce-") for source in csp["script-src"])
    assert "'unsafe-inline'" not in csp["style-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"][0] == "'self'"


def test_a_public_page_gets_the_strict_policy_and_the_permissions_policy(client):
    response = client.get("/")

    assert response.status_code == 200
    assert_strict_site_policy(response)
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()", "fullscreen=(self)"):
        assert feature in permissions


def test_a_signed_in_page_gets_the_strict_policy():
    client = client_for(factories.contributor())

    response = client.get("/profils/modifier/")

    assert response.status_code == 200
    assert_strict_site_policy(response)


def test_the_admin_allows_the_inline_code_of_wagtails_templates(superuser_client):
    response = superuser_client.get("/admin/")

    assert response.status_code == 200
    csp = policy(response)
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_no_page_of_the_site_holds_inline_code(client, settings, django_capture_on_commit_callbacks):
    settings.MATOMO_URL, settings.MATOMO_SITE_ID = "https://stats.example.gouv.fr", "12"
    config = CmsDsfrConfig.for_site(Site.objects.get(is_default_site=True))
    config.notice_title, config.notice_is_collapsible = "<p>Maintenance ce soir à 20 h.</p>", True
    with django_capture_on_commit_callbacks(execute=True):
        config.save()

    for path in ("/", "/ressources/", "/rechercher/", "/statistiques/", "/connexion/", "/a-propos/"):
        html = client.get(path).content.decode()
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path
        for tag in html.split("<script")[1:]:
            opening, body = tag.split(">", 1)
            # JSON-LD is data, which browsers never run: the CSP's script-src does not apply to it.
            if 'type="application/ld+json"' in opening:
                continue
            assert "src=" in opening or 'type="application/json"' in opening, (path, opening)
            assert body.startswith("</script"), (path, opening)
    html = client.get("/").content.decode()
    assert 'data-matomo-url="https://stats.example.gouv.fr" data-matomo-site-id="12"' in html
    assert "Maintenance ce soir à 20 h." in html and "data-lb-notice-close" in html


def test_each_configured_service_adds_its_origin_and_nothing_else(manage):
    show = (
        "import json; from django.conf import settings; print(json.dumps(settings.CONTENT_SECURITY_POLICY))"
    )
    bare = json.loads(manage("shell", "--no-imports", "-c", show).stdout)["DIRECTIVES"]
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        show,
        env={
            "MATOMO_URL": "https://stats.example.gouv.fr/",
            "MATOMO_SITE_ID": "12",
            "METABASE_URL": "https://metabase.example.gouv.fr",
            "PROCONNECT_CLIENT_ID": "les-bases",
            "PROCONNECT_CLIENT_SECRET": "secret",
            "PROCONNECT_SERVER_URL": "https://auth.agentconnect.gouv.fr/api/v2",
            "AWS_STORAGE_BUCKET_NAME": "lesbases",
            "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        },
    )
    configured = json.loads(result.stdout)["DIRECTIVES"]

    added = {name: sorted(set(configured[name]) - set(bare[name])) for name in configured}
    assert {name: sources for name, sources in added.items() if sources} == {
        "script-src": ["https://stats.example.gouv.fr"],
        "connect-src": ["https://stats.example.gouv.fr"],
        "img-src": ["https://s3.fr-par.scw.cloud", "https://stats.example.gouv.fr"],
        "frame-src": ["https://metabase.example.gouv.fr"],
        "form-action": ["https://auth.agentconnect.gouv.fr"],
    }
