"""The accessibility statement: written from the audit, linked from every page's footer, and published
on sites made before it by the next release (``bootstrap``), unless an administrator rewrote the page."""

import pytest
from wagtail_dsfr.content_manager.models import ContentPage

from home import accessibility
from home.bootstrap import bootstrap_site

pytestmark = pytest.mark.django_db


def statement_page() -> ContentPage:
    return ContentPage.objects.get(slug="accessibilite")


def test_every_page_links_to_the_statement_of_a_partially_conformant_site(client):
    footer = client.get("/plan-du-site/").content.decode().split('id="footer"')[1]
    assert "Accessibilité : partiellement conforme" in footer
    html = client.get("/accessibilite/").content.decode()
    assert "est <b>partiellement conforme</b> avec le référentiel général" in html
    assert "Contenus non accessibles" in html and "Voies de recours" in html


def test_a_site_made_before_the_audit_receives_the_statement_at_the_next_release(client):
    page = statement_page()
    page.title = accessibility.TITLE_BEFORE_THE_AUDIT
    page.body = [("paragraph", "<p>Pas encore audité.</p>")]
    page.save_revision().publish()
    created = []
    bootstrap_site(created)
    assert created == ["déclaration d'accessibilité"]
    assert statement_page().title == accessibility.TITLE
    assert "Résultats des tests" in client.get("/accessibilite/").content.decode()


def test_a_statement_an_administrator_rewrote_is_left_as_it_is(client):
    page = statement_page()
    page.title = "Accessibilité : totalement conforme"
    page.save_revision().publish()
    bootstrap_site()
    assert statement_page().title == "Accessibilité : totalement conforme"
