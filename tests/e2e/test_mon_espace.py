"""A contributor opens « Mon espace »: the admin in the colours of Les Bases, their lists, their menu;
axe-core finds no violation."""

import os

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.e2e

SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_a_contributor_opens_mon_espace(visit, content):
    visit.sign_in(content.member)
    factories.base(title="Numérique en Auvergne", owner=content.member)  # a second place to publish
    factories.resource(owner=content.member, publish=False, title="Atelier en préparation")

    page = visit.open("/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_role("heading", level=2, name="Mes brouillons")).to_be_visible()
    expect(page.get_by_role("link", name="Atelier en préparation")).to_be_visible()
    expect(page.get_by_role("link", name="Médiation numérique en Bretagne")).to_be_visible()
    expect(page.locator("#wagtail-sidebar img.lb-admin-logo")).to_be_visible()
    expect(page.locator("#wagtail-sidebar .icon-wagtail")).to_have_count(0)
    sidebar = page.locator("#wagtail-sidebar")
    expect(sidebar.get_by_role("link", name="Mes ressources")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Pages")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    shoot(page, "mon-espace-desktop")
    assert visit.axe_violations() == []

    page.get_by_role("link", name="Mes ressources").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mes ressources")
    page.wait_for_load_state("networkidle")
    shoot(page, "mes-ressources-desktop")
    assert visit.axe_violations() == []

    page.set_viewport_size({"width": 390, "height": 844})
    visit.open("/admin/")
    page.wait_for_load_state("networkidle")
    shoot(page, "mon-espace-phone")
    assert visit.axe_violations() == []
    page.set_viewport_size({"width": 1280, "height": 900})
    visit.open("/admin/mes_ressources/choose_parent/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Où publier la ressource ?")
    page.wait_for_load_state("networkidle")
    shoot(page, "ou-publier-desktop")
    assert visit.axe_violations() == []
    assert visit.errors == []
