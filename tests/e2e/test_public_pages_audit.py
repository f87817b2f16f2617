"""The accessibility audit of the public pages that no other journey opens (docs/accessibility.md): the
« Plan du site » and the accessibility statement reached from the footer, the display settings and the
dark theme, the error 500, a profile's followers and the subscriptions page, each without an axe-core
violation; security.txt is text and is only read."""

import re

import pytest
from django.template.loader import render_to_string
from playwright.sync_api import expect

from community.follows import follow_base, follow_profile
from tests.e2e.conftest import Visit

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
# As the DSFR writes it, with a typographic apostrophe.
DISPLAY_SETTINGS = "Paramètres d\u2019affichage"


def test_a_visitor_walks_the_pages_no_other_journey_opens_in_both_themes(visit, content):
    follow_profile(content.admin, content.member)
    follow_base(content.base, content.member)

    page = visit.open("/")
    page.locator("footer").get_by_role("link", name="Plan du site").click()
    page.wait_for_url("**/plan-du-site/")
    plan = page.get_by_role("navigation", name="Plan du site")
    expect(plan.get_by_role("link", name="Ressources", exact=True)).to_be_visible()
    expect(plan.get_by_role("link", name="Médiation numérique en Bretagne")).to_be_visible()
    expect(plan.get_by_role("link", name="Culture numérique")).to_be_visible()
    assert visit.axe_violations() == []

    page.locator("footer").get_by_role("link", name="Accessibilité : partiellement conforme").click()
    page.wait_for_url("**/accessibilite/")
    expect(page.get_by_role("heading", name="État de conformité")).to_be_visible()
    assert visit.axe_violations() == []

    # The DSFR display settings, from the footer: the dark theme is kept from page to page.
    page.locator("footer").get_by_role("button", name=DISPLAY_SETTINGS).click()
    dialog = page.get_by_role("dialog", name=DISPLAY_SETTINGS)
    expect(dialog).to_be_visible()
    dialog.get_by_text("Thème sombre").click()
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
    dialog.get_by_role("button", name="Fermer").click()
    expect(dialog).to_be_hidden()
    assert visit.axe_violations() == []
    for path in ("/", content.resources[0].url, content.base.url, f"/profils/{content.admin.slug}/"):
        visit.open(path)
        expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
        assert visit.axe_violations() == [], path

    page.locator("footer").get_by_role("button", name=DISPLAY_SETTINGS).click()
    page.get_by_role("dialog").get_by_text("Thème clair").click()
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "light")

    # A profile's followers, and what a signed-in member follows.
    page = visit.open(f"/profils/{content.admin.slug}/abonnes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnés de Camille Lefèvre")
    expect(page.get_by_role("main").get_by_text("Karim Benali")).to_be_visible()
    assert visit.axe_violations() == []
    visit.sign_in(content.member)
    page = visit.open("/profils/abonnements/")
    expect(page.get_by_role("link", name="Médiation numérique en Bretagne")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Camille Lefèvre"))).to_be_visible()
    assert visit.axe_violations() == []

    # The answer to an unexpected error, shown from the site's address so that its styles load.
    page.set_content(render_to_string("500.html"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Erreur inattendue")
    assert visit.axe_violations() == []

    security = page.request.get(visit.base_url + "/.well-known/security.txt")
    assert security.ok and security.text().startswith("Contact: ")
    assert visit.errors == []


def test_on_a_phone_the_site_map_and_the_footer_fit_the_screen(browser, site, content):
    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    visit = Visit(context.new_page(), site.url)
    page = visit.open("/plan-du-site/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("footer").get_by_role("button", name=DISPLAY_SETTINGS).click()
    expect(page.get_by_role("dialog", name=DISPLAY_SETTINGS)).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []
    context.close()
