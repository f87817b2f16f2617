"""Two people work together through a base, every email going through a real SMTP server on loopback:
Nina signs up and creates a base, invites Paul, who signs in by code, accepts and proposes a resource;
Nina approves it and a visitor reads it."""

import email
import email.policy
import re
import time

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from bases.models import BasePage
from resources.models import ResourcePage
from tests import factories
from tests.e2e.test_resource_composition_journey import check_in_panel, open_tab
from tests.ops.conftest import free_port

pytestmark = pytest.mark.e2e

NINA = "nina.lambert@exemple.fr"
PAUL = "paul.girard@exemple.fr"
BASE_TITLE = "Numérique solidaire en Gironde"
RESOURCE_TITLE = "Accompagner une première déclaration en ligne"


class Mailbox:
    """What the SMTP server received, read as the recipients' mail clients would."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"

    def last_to(self, address, after=0, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = [m for m in self.messages[after:] if address in m["To"]]
            if received:
                return received[-1]
            time.sleep(0.05)
        raise AssertionError(f"no email to {address}")


@pytest.fixture
def mailbox(settings):
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield box
    controller.stop()


def body_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def code_in(message) -> str:
    return re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", body_of(message), re.MULTILINE).group(1)


def enter_code(page, mailbox, address, after):
    page.get_by_label("Code").fill(code_in(mailbox.last_to(address, after)))
    page.get_by_role("button", name="Valider").click()


def sign_up(page, base_url, mailbox):
    page.goto(base_url + "/inscription/")
    page.get_by_label("Prénom").fill("Nina")
    page.get_by_role("textbox", name=re.compile("^Nom")).fill("Lambert")
    page.get_by_label("Adresse e-mail").fill(NINA)
    page.get_by_text("Privé : les autres voient").click()
    terms = page.get_by_role("checkbox")
    terms.focus()  # by keyboard: the DSFR label (holding a link to the terms) covers the box
    page.keyboard.press("Space")
    expect(terms).to_be_checked()
    sent = len(mailbox.messages)
    page.get_by_role("button", name="Créer mon compte").click()
    enter_code(page, mailbox, NINA, sent)
    page.wait_for_url(base_url + "/")


def create_base_and_invite(page, base_url, mailbox) -> str:
    page.goto(base_url + "/bases/creer/")
    page.get_by_label("Nom de la base").fill(BASE_TITLE)
    page.get_by_label("Adresse e-mail de contact").fill("contact@solidaire33.fr")
    page.get_by_role("button", name="Créer la base").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(BASE_TITLE)

    page.get_by_role("tab", name="Membres").click()
    page.get_by_label("Adresse e-mail").fill(PAUL)
    sent = len(mailbox.messages)
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text(f"Une invitation a été envoyée à {PAUL}.")).to_be_visible()
    invitation = mailbox.last_to(PAUL, sent)
    assert invitation["Subject"].strip() == f"Invitation à rejoindre la base {BASE_TITLE}"
    return re.search(r"/invitations/[^\s/]+/", body_of(invitation)).group(0)


def accept_by_signing_in_with_a_code(page, base_url, mailbox, invitation_path):
    page.goto(base_url + invitation_path)
    page.get_by_role("main").get_by_role("link", name="Se connecter").click()
    page.get_by_label("Adresse e-mail").first.fill(PAUL)
    sent = len(mailbox.messages)
    page.get_by_role("button", name="Recevoir un code").click()
    enter_code(page, mailbox, PAUL, sent)
    page.wait_for_url(base_url + invitation_path)
    page.get_by_role("button", name="Accepter l'invitation").click()
    expect(page.get_by_text(f"Bienvenue dans la base « {BASE_TITLE} » !")).to_be_visible()


def propose_resource(page, base_url, base):
    page.goto(f"{base_url}/admin/pages/add/resources/resourcepage/{base.pk}/")
    page.get_by_placeholder("Titre de la ressource").fill(RESOURCE_TITLE)
    page.get_by_role("textbox", name="Description", exact=True).fill(
        "Les étapes, les pièces à réunir, les pièges."
    )
    open_tab(page, "Indexation")
    check_in_panel(page, "Thématiques", "Aide aux démarches administratives")
    check_in_panel(page, "Types de ressource", "Ressources pédagogiques")
    check_in_panel(page, "Secteurs professionnels", "Aidants et médiateurs numériques")
    page.get_by_role("button", name="Plus d'actions").click()
    assert not page.get_by_role("button", name="Publier", exact=True).is_visible()
    page.get_by_role("button", name=re.compile("^Soumettre à")).click()
    expect(page.locator(".messages")).to_contain_text("créée et soumise pour modération")


def approve(page, base_url, resource):
    page.goto(f"{base_url}/admin/pages/{resource.pk}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"« {RESOURCE_TITLE} » est validée et publiée.")


def test_two_people_collaborate_through_a_base_with_real_emails(browser, site, visit, mailbox):
    factories.contributor(email=PAUL, first_name="Paul", last_name="Girard")
    nina_context, paul_context = browser.new_context(locale="fr-FR"), browser.new_context(locale="fr-FR")
    try:
        nina, paul = nina_context.new_page(), paul_context.new_page()
        sign_up(nina, site.url, mailbox)
        invitation_path = create_base_and_invite(nina, site.url, mailbox)
        base = BasePage.objects.get(title=BASE_TITLE)

        accept_by_signing_in_with_a_code(paul, site.url, mailbox, invitation_path)
        propose_resource(paul, site.url, base)
        resource = ResourcePage.objects.get(title=RESOURCE_TITLE)
        assert not resource.live

        approve(nina, site.url, resource)
        nina.goto(f"{site.url}/profils/{base.owner.slug}/")
        expect(nina.get_by_role("heading", level=1)).to_have_text("Nina Lambert")
    finally:
        nina_context.close()
        paul_context.close()

    resource.refresh_from_db()
    assert resource.live
    page = visit.open(resource.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE_TITLE)
    visit.open(base.url)
    expect(visit.page.get_by_role("link", name=RESOURCE_TITLE).first).to_be_visible()
    assert visit.axe_violations() == []
    visit.open("/connexion/")
    assert visit.axe_violations() == []
    visit.open(f"/profils/{base.owner.slug}/")
    assert visit.axe_violations() == []
    assert visit.errors == []
