"""What a walk through the public site found, checked in a real browser: the resources index with the
search's filters, the search's first result on a phone, the statistics' folded tables, the sign-up's
choice of visibility and a private base's explanation, each without an axe-core violation."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import Visit

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def test_the_resources_index_lists_every_readable_resource_with_the_filters(visit, content):
    private_base = factories.base(title="Base fermée", owner=content.admin, is_public=False)
    factories.resource(parent=private_base, owner=content.admin, title="Dans la base fermée")
    page = visit.open("/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Ressources").click()
    page.wait_for_url("**/ressources/")
    # The 20 public resources, personal and of the base, 16 on the first page; the private one left out.
    expect(page.get_by_role("heading", name="Ressources (20)")).to_be_visible()
    expect(page.locator("#search-results ~ ul .fr-card")).to_have_count(16)
    expect(page.get_by_text("Dans la base fermée")).to_have_count(0)
    assert visit.axe_violations() == []

    page.get_by_role("button", name="Types de ressource").click()
    page.get_by_text(re.compile(r"^Ressources pédagogiques \(20\)")).click()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/ressources/?*types=ressources-pedagogiques*")
    page.get_by_role("link", name="Page suivante").first.click()
    page.wait_for_url("**page=2**")
    expect(page.locator("#search-results ~ ul .fr-card")).to_have_count(4)
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_on_a_phone_the_first_search_result_shows_without_scrolling(browser, site, content):
    # The latest resource, first of the results, has a cover image: the card leaves it out on phones.
    factories.resource(
        owner=content.admin,
        title="Atelier smartphone illustré",
        cover_image=factories.image(owner=content.admin),
    )
    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    visit = Visit(context.new_page(), site.url)
    page = visit.open("/rechercher/")
    first = page.locator("#search-results ~ ul .fr-card").first
    expect(first.get_by_role("link", name="Atelier smartphone illustré", exact=True)).to_be_visible()
    expect(first.locator(".fr-card__img img")).to_be_hidden()
    box = first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    filters = page.get_by_role("checkbox", name=re.compile("^Ressources pédagogiques"))
    expect(filters).to_be_hidden()
    assert visit.axe_violations() == []

    # The sort and the filters are one button away.
    page.get_by_role("button", name="Trier et filtrer").click()
    page.get_by_role("button", name="Types de ressource").click()
    expect(filters).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []
    context.close()


def test_the_statistics_tables_unfold_under_their_charts(visit, content):
    page = visit.open("/statistiques/")
    page.locator("bar-chart canvas").first.wait_for()
    table = page.get_by_role("table", name="Vues de ressources, par semaine")
    expect(table).to_be_hidden()
    page.get_by_role("button", name="Voir les données : vues de ressources, par semaine").click()
    expect(table).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_a_new_user_chooses_the_visibility_of_their_profile_at_sign_up(visit):
    page = visit.open("/inscription/")
    page.get_by_label("Prénom").fill("Nina")
    page.get_by_role("textbox", name=re.compile("^Nom")).fill("Lambert")
    page.get_by_label("Adresse e-mail").fill("nina.lambert@example.org")
    terms = page.get_by_role("checkbox")
    terms.focus()  # by keyboard: the DSFR label (holding a link to the terms) covers the box
    page.keyboard.press("Space")
    # Nothing is chosen for them: the browser asks for a choice (the server too, without it).
    expect(page.get_by_role("radio", name=re.compile("^Public :"))).not_to_be_checked()
    expect(page.get_by_role("radio", name=re.compile("^Privé :"))).not_to_be_checked()
    assert visit.axe_violations() == []

    page.get_by_text("Public : tout le monde voit").click()
    expect(page.get_by_role("radio", name=re.compile("^Public :"))).to_be_checked()
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", name="Saisir le code reçu par e-mail")).to_be_visible()
    assert page.title().startswith("Confirmer votre adresse e-mail — ")
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_a_private_base_explains_itself_and_reveals_nothing(visit, content):
    private_base = factories.base(title="Base fermée", owner=content.admin, is_public=False)
    response = visit.page.goto(visit.base_url + private_base.url)
    assert response.status == 403
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Cette page appartient à une base privée")
    expect(page.get_by_text("Base fermée")).to_have_count(0)
    assert page.title().startswith("Base privée — ")
    assert visit.axe_violations() == []
    page.get_by_role("main").get_by_role("link", name="Se connecter").click()
    page.wait_for_url(f"**/connexion/?next={private_base.url}")
    assert visit.errors == [] or all("403" in error for error in visit.errors)
