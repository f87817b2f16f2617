"""The frame's footer speaks French: wagtail-dsfr's credit line has no French translation of its own."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_credits_sites_faciles_in_french(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="fr-footer"') :]
    assert "This website is made with" not in footer
    assert "Site construit avec" in footer and ">Sites faciles</a>" in footer
