"""An editor reads their resource on the site (with Wagtail's userbar) and in the admin's live preview:
the site's strict Content-Security-Policy and the admin's both let every piece load. A reader's view is
counted by the beacon the page sends; the preview counts none."""

import time

import pytest
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests import factories
from tests.e2e.conftest import DESKTOP_CHROME, Visit

pytestmark = pytest.mark.e2e


def test_an_editor_sees_the_userbar_and_the_live_preview(visit):
    author = factories.contributor()
    resource = factories.resource(owner=author, title="Atelier courriel")
    visit.sign_in(author)

    page = visit.open(resource.url)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    page.wait_for_load_state("networkidle")

    visit.open(f"/admin/pages/{resource.pk}/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.get_by_role("heading", level=1)).to_have_text("Atelier courriel")
    page.wait_for_load_state("networkidle")
    assert visit.errors == []


def test_a_reader_counts_one_view_by_the_pages_beacon_and_the_editors_preview_none(browser, site, visit):
    author = factories.contributor()
    resource = factories.resource(owner=author, title="Atelier tableur")
    context = browser.new_context(locale="fr-FR", user_agent=DESKTOP_CHROME)
    reader = Visit(context.new_page(), site.url)

    def views() -> int:
        return ResourcePage.objects.get(pk=resource.pk).views_count

    reader.open(resource.url).wait_for_load_state("networkidle")
    deadline = time.monotonic() + 5
    while views() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert views() == 1
    reader.open(resource.url).wait_for_load_state("networkidle")  # again within two hours

    visit.sign_in(author)
    page = visit.open(f"/admin/pages/{resource.pk}/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    expect(page.frame_locator("iframe[title]").first.get_by_role("heading", level=1)).to_have_text(
        "Atelier tableur"
    )
    page.wait_for_load_state("networkidle")
    assert views() == 1
    assert reader.errors == [] and visit.errors == []
    context.close()
