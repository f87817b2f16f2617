"""A reader follows a link of a resource, which its editor then reads under the block; « Copier le lien »
copies the full address of a resource, a base and a collection."""

import time

from playwright.sync_api import expect

from community.models import Collection
from resources.models import BlockUse
from tests import factories
from tests.e2e.conftest import DESKTOP_CHROME, Visit


def test_an_editor_reads_the_clicks_on_a_link_and_copies_the_links_of_the_pages(browser, site, visit):
    author = factories.contributor(first_name="Aline", last_name="Auteure")
    base = factories.base(title="Base des ateliers", owner=author)
    resource = factories.resource(
        parent=base,
        owner=author,
        title="Atelier courriel",
        body=[
            (
                "link",
                {
                    "url": f"{site.url}/ressources/",
                    "page": None,
                    "title": "Toutes les ressources",
                    "caption": "",
                },
            )
        ],
    )
    reader = Visit(browser.new_context(locale="fr-FR", user_agent=DESKTOP_CHROME).new_page(), site.url)
    reader.open(resource.url).get_by_role("link", name="Toutes les ressources").click()
    deadline = time.monotonic() + 5
    while not BlockUse.objects.filter(resource=resource).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    reader.page.context.close()

    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    visit.sign_in(author)
    page = visit.open(resource.url)
    expect(page.get_by_text("Suivi, visible par les éditeurs : 1 clic")).to_be_visible()
    assert visit.axe_violations() == []
    collection = Collection.objects.create(
        owner=author, title="Mes ateliers", slug="mes-ateliers", is_public=True
    )
    for path in (resource.url, base.url, collection.get_absolute_url()):
        page = visit.open(path)
        page.get_by_role("button", name="Copier le lien").click()
        expect(page.get_by_role("status").filter(has_text="copié dans le presse-papiers")).to_be_attached()
        assert page.evaluate("navigator.clipboard.readText()") == site.url + path
    assert visit.errors == []
