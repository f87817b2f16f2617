"""The open web's entry points in a real browser: the « Flux RSS » page, reached from the footer of
every page and from a category page, with no axe-core violation, and a resource's « Version Markdown » link, which shows its Markdown."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_visitor_finds_the_feeds_and_reads_a_resource_as_markdown(visit, content):
    page = visit.open("/")
    page.locator("footer").get_by_role("link", name="Flux RSS et données ouvertes").click()
    page.wait_for_url("**/flux/")
    page = visit.open("/numerique-et-environnement/")
    page.get_by_role("link", name="Tous les flux RSS").click()
    page.wait_for_url("**/flux/")
    expect(page.get_by_role("heading", name="Flux RSS et données ouvertes", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="flux RSS de la thématique Parentalité")).to_be_visible()
    assert visit.axe_violations() == []

    resource = content.resources[0]
    page = visit.open(resource.url)
    assert page.locator('link[rel="alternate"][type="text/markdown"]').count() == 1
    assert visit.axe_violations() == []
    with page.expect_response(lambda response: "/markdown/" in response.url) as answer:
        page.get_by_role("link", name="Version Markdown de la ressource").click()
    assert answer.value.status == 200
    assert answer.value.text().startswith(f"# {resource.title}")
    assert visit.errors == []
