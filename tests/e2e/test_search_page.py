"""The search page in a real browser: tabs, a filter chosen by keyboard and removed as a tag, paging,
and no axe-core violation on any tab."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_visitor_searches_and_filters_by_keyboard(visit, content):
    page = visit.open("/rechercher/?q=atelier")
    expect(page.get_by_role("heading", name="Ressources (")).to_be_visible()
    assert visit.axe_violations() == []

    page.get_by_role("button", name="Types de ressource").click()
    choice = page.get_by_role("checkbox", name="Ressources pédagogiques")
    choice.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**types=ressources-pedagogiques**")
    expect(page.get_by_role("checkbox", name="Ressources pédagogiques")).to_be_checked()
    assert visit.axe_violations() == []

    page.get_by_role("link", name="Ressources pédagogiques : retirer ce filtre").click()
    page.wait_for_url(lambda url: "types=" not in url)
    expect(page.locator("#types-ressources-pedagogiques")).not_to_be_checked()  # in a closed accordion
    assert visit.errors == []


def test_a_visitor_switches_tabs_filters_bases_and_sorts(visit, content):
    page = visit.open("/rechercher/")
    page.get_by_role("link", name="Bases (").click()
    page.wait_for_url("**onglet=bases**")
    expect(page.get_by_role("heading", name="Bases (")).to_be_visible()
    assert visit.axe_violations() == []

    page.get_by_role("button", name="Départements").click()
    choice = page.get_by_role("checkbox", name="35 · Ille-et-Vilaine")
    choice.focus()
    page.keyboard.press("Space")
    page.get_by_label("Trier par").select_option("a-z")
    page.get_by_role("button", name="Trier").click()
    page.wait_for_url("**departements=35**")
    assert "tri=a-z" in page.url
    expect(page.get_by_role("link", name="35 · Ille-et-Vilaine : retirer ce filtre")).to_be_visible()
    assert visit.axe_violations() == []

    page.get_by_role("link", name="Profils (").click()
    page.wait_for_url("**onglet=profils**")
    expect(page.get_by_role("heading", name="Profils (")).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_a_visitor_pages_through_the_resources(visit, content):
    page = visit.open("/rechercher/")
    page.get_by_role("link", name="Page suivante").first.click()
    page.wait_for_url("**page=2**")
    expect(page.locator('.fr-pagination__link[aria-current="page"]')).to_have_text("2")
    assert visit.axe_violations() == []
