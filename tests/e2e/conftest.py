from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from home.bootstrap import bootstrap_site
from tests import factories
from tests.mail import start_mailbox

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Chromium headless names itself so, as robots do, which the site's counters leave out: a reader's browser
# in a test that counts says what a desktop one says.
DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)

# A form's POST may send an e-mail and render the page it redirects to: on a 2-core machine running two
# test workers and a browser, that takes more than Playwright's 5 s default now and then, and more than
# 15 s while the other worker starts the topology's containers (tests/ops/test_edge_topology.py).
expect.set_options(timeout=30_000)


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


# Run in every frame of every page before the page's own scripts: the browser's report of a blocked
# resource or inline code, sent to the console where the test's listener reads it.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


def is_csp_violation(text: str) -> bool:
    """Our listener's report, or Chromium's own ("Refused to load…", "Executing inline script violates…")."""
    return text.startswith("CSP violation:") or "Content Security Policy directive" in text


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """Fail any browser test during which a page, in any browser context, reports a Content-Security-Policy
    violation: the policy (cms/settings/base.py) and the pages must keep agreeing."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    violations = []
    new_context = browser.new_context

    def watched_new_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on(
            "console", lambda message: is_csp_violation(message.text) and violations.append(message.text)
        )
        return context

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(browser, "new_context", watched_new_context)
        yield
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(dict.fromkeys(violations)))


@pytest.fixture
def transactional_db(request, snapshots, django_db_blocker):
    """pytest-django's, which its live server asks for, empties the database after each test (Django's
    ``flush``) for the next to build what it needs again; a browser test starts instead from a snapshot
    of the site (tests/database_snapshots.py), or of the content when it asks for ``content``: that one
    alone is restored (the site's, under it, only once, to build the content on)."""
    with django_db_blocker.unblock():
        if "content" in request.fixturenames:
            if not snapshots.has("content"):
                snapshots.restore_or_take("site", bootstrap_site)
            yield snapshots.restore_or_take("content", build_content)
        else:
            snapshots.restore_or_take("site", bootstrap_site)
            yield None


@pytest.fixture
def site(live_server, transactional_db):
    """The live server, with the site's structure and nothing else."""
    return live_server


@pytest.fixture
def content(site, transactional_db):
    """What a populated site shows: a base in Ille-et-Vilaine with an admin, a member and resources,
    public profiles, and more public resources than one page of results holds, with cover images."""
    return transactional_db


def build_content():
    admin = factories.contributor(first_name="Camille", last_name="Lefèvre", department="35", is_public=True)
    member = factories.contributor(first_name="Karim", last_name="Benali", department="63", is_public=True)
    base = factories.base(
        title="Médiation numérique en Bretagne", owner=admin, members=[member], department="35"
    )
    picture = factories.image(owner=admin)
    resources = [
        factories.resource(
            parent=base if number < 4 else None,
            owner=admin if number % 2 else member,
            title=f"{TOPICS[number % len(TOPICS)]} — fiche {number}",
            cover_image=picture if number % 3 == 0 else None,
        )
        for number in range(20)
    ]
    return SimpleNamespace(admin=admin, member=member, base=base, resources=resources)


TOPICS = [
    "Atelier smartphone",
    "Atelier parentalité et écrans",
    "Démarches en ligne",
    "Atelier cybersécurité",
]


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

    def sign_in(self, user):
        """Give the browser the session of ``user``, as signing in would."""
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": self.base_url}])

    def axe_violations(self):
        # Check contrast once what fades in is shown: the DSFR's dialogs and menus (CSS transitions; on a
        # fast machine axe ran while the display settings' dialog was half opaque) and Wagtail's
        # messages (their animations only: the dashboard's badge pings for 25 s).
        self.page.wait_for_function(
            "() => document.getAnimations().every(animation => animation.playState !== 'running'"
            " || !(animation instanceof CSSTransition || animation.effect?.target?.closest('.messages')))"
        )
        results = Axe().run(self.page)
        return [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]
        ]


@pytest.fixture
def visit(browser, site):
    context = browser.new_context(locale="fr-FR")
    yield Visit(context.new_page(), site.url)
    context.close()


@pytest.fixture
def person(browser, site):
    """Call it for each other person of a story (or a visitor who never signed in): a ``Visit`` in a
    browser context of its own, closed at the end of the test."""
    contexts = []

    def new_person():
        contexts.append(browser.new_context(locale="fr-FR"))
        return Visit(contexts[-1].new_page(), site.url)

    yield new_person
    for context in contexts:
        context.close()


@pytest.fixture
def mailbox(settings):
    """A real SMTP server on loopback, to which the site sends its e-mails."""
    box, controller = start_mailbox()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield box
    controller.stop()
