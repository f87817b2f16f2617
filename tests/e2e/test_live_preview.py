"""An editor reads their resource on the site (with Wagtail's userbar) and in the admin's live preview:
the site's strict Content-Security-Policy and the admin's both let every piece load."""

import pytest
from playwright.sync_api import expect

from tests import factories

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
