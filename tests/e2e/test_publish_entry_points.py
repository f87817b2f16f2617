"""« Publier une ressource » in a real browser, by keyboard: a visitor clicks it on the home page, signs
in, comes back to the page that asks where to publish, chooses a base and lands in Wagtail's editor
there; then finds their drafts on their profile. No axe-core violation on the way."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.e2e

PASSWORD = "mot-de-passe-de-test"


def test_a_member_publishes_from_the_home_page_and_finds_their_drafts(visit):
    member = factories.contributor(first_name="Inès", last_name="Médiatrice")
    base = factories.base(title="Médiation numérique en Bretagne", members=[member])
    factories.resource(owner=member, publish=False, title="Atelier smartphone (brouillon)")

    page = visit.open("/")
    page.get_by_role("link", name="Publier une ressource").last.click()
    page.wait_for_url("**/connexion/?next=/publier/")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    form = page.locator("#connexion-mot-de-passe")
    form.get_by_label("Adresse e-mail").fill(member.email)
    form.get_by_label("Mot de passe").fill(PASSWORD)
    form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/publier/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Publier une ressource")
    expect(page.get_by_role("radio", name="Mon profil")).to_be_attached()
    assert visit.axe_violations() == []
    # By keyboard: to the first choice, then down to the base, then submit.
    page.get_by_role("radio", name="Mon profil").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=base.title)).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Commencer la rédaction")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/admin/pages/add/resources/resourcepage/{base.pk}/$"))

    page = visit.open(f"/profils/{member.slug}/")
    tab = page.get_by_role("tab", name="Mon travail")
    page.get_by_role("tab", name="Ressources").focus()
    page.keyboard.press("ArrowRight")  # DSFR tabs follow the arrow keys
    expect(tab).to_have_attribute("aria-selected", "true")
    drafts = page.get_by_role("table", name="Mes brouillons")
    expect(drafts.get_by_role("cell", name="Atelier smartphone (brouillon)", exact=True)).to_be_visible()
    expect(drafts.get_by_role("link", name=re.compile("^Modifier"))).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_editors_find_their_links_on_a_resource_and_its_base(visit):
    admin = factories.contributor(first_name="Camille", last_name="Lefèvre")
    base = factories.base(title="Médiation numérique en Bretagne", owner=admin)
    resource = factories.resource(parent=base, owner=admin, title="Atelier démarches en ligne")

    page = visit.open(f"/connexion/?next={base.url}")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    form = page.locator("#connexion-mot-de-passe")
    form.get_by_label("Adresse e-mail").fill(admin.email)
    form.get_by_label("Mot de passe").fill(PASSWORD)
    form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{base.url}")
    expect(page.get_by_role("link", name="Gérer la base")).to_be_visible()
    expect(page.get_by_role("link", name="Publier une ressource").last).to_have_attribute(
        "href", f"/publier/?base={base.pk}"
    )
    assert visit.axe_violations() == []

    page = visit.open(resource.url)
    for name in ("Modifier", "Paramètres", "Historique"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_role("link", name="Paramètres", exact=True).click()
    page.wait_for_url(re.compile(rf"/admin/pages/{resource.pk}/edit/#tab-parametres$"))
    expect(page.get_by_role("tab", name="Paramètres")).to_have_attribute("aria-selected", "true")
    assert visit.errors == []
