import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from home.demo import load_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop in the test thread while it runs, and the database
    # set-up and teardown of the browser tests are synchronous ORM calls made from that thread.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo content (each transactional test starts from an empty database)."""
    load_demo(activity=False)
    return live_server


class Visit:
    """A browser tab that records console errors and failed page scripts."""

    def __init__(self, page, base_url):
        self.page, self.base_url, self.errors = page, base_url, []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, f"{path}: {response.status}"
        return self.page

    def axe_violations(self):
        results = Axe().run(self.page)
        return [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]
        ]


@pytest.fixture
def visit(browser, site):
    context = browser.new_context(locale="fr-FR")
    yield Visit(context.new_page(), site.url)
    context.close()
