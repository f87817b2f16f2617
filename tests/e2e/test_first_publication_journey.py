"""A new médiateur's first publication, in a real browser, e-mails through a real SMTP server on loopback.

Camille signs up on the site with the code she receives, clicks « Publier une ressource » in the header,
writes a resource (title, description, a text, an image she uploads, its indexation) and publishes it:
at most 15 actions from the button to the confirmation. A visitor reads it and finds it in search.
Camille adds every other kind of block, creates a base, invites Karim by e-mail and moves the resource
into the base. Karim signs in with a code from the invitation, accepts it and, from « Mon espace »,
submits a resource in the base; Camille, told by « Mon espace », validates it from « À valider » on the
base's page. The visitor reads both there. axe-core finds no violation on any page on the way."""

import itertools
import os
import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from bases.models import BasePage
from resources.models import ResourcePage
from tests import factories

pytestmark = pytest.mark.e2e

CAMILLE = "camille.durand@exemple.fr"
KARIM = "karim.benali@exemple.fr"
TITLE = "Animer un atelier sur les démarches en ligne"
DESCRIPTION = "Une séance de deux heures pour accompagner les premières démarches administratives."
TEXT = "Accueillez les participants et présentez le déroulé de la séance."
ALT_TEXT = "Six participants autour d'une table avec des tablettes"
SECTION_TITLE = "Préparer l'atelier"
DOCUMENT_TITLE = "Support de l'atelier"
FILE_TITLE = "Fiche du participant"
LINK_URL = "https://www.service-public.fr/"
LINK_TITLE = "Service Public"
BASE_TITLE = "Numérique solidaire en Gironde"
SUBMISSION_TITLE = "Accompagner une première déclaration en ligne"
MOST_ACTIONS_TO_PUBLISH = 15
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")
SHOTS = itertools.count(1)


class Actions:
    """What a person does in their browser tab, counted: each click, fill, check, upload or key press
    is one action."""

    def __init__(self, visit):
        self.visit, self.page, self.count = visit, visit.page, 0

    def click(self, target):
        target.click()
        self.count += 1

    def fill(self, target, text):
        target.fill(text)
        self.count += 1

    def check(self, target):
        target.check()
        self.count += 1

    def upload(self, target, path):
        target.set_input_files(path)
        self.count += 1

    def press(self, key):
        self.page.keyboard.press(key)
        self.count += 1

    def no_accessibility_violation(self):
        if SCREENSHOTS:  # to look at each page checked
            name = re.sub(r"[^a-z0-9]+", "-", self.page.url.split("/", 3)[-1]).strip("-")
            self.page.screenshot(path=f"{SCREENSHOTS}/{next(SHOTS):02d}-{name}.png", full_page=True)
        assert self.visit.axe_violations() == []


# On the site.


def sign_up(act, mailbox):
    """Through the sign-up form, confirmed by the code e-mailed to her: she lands on the home page,
    signed in."""
    page = act.page
    page.goto(act.visit.base_url + "/inscription/")
    act.fill(page.get_by_label("Prénom"), "Camille")
    act.fill(page.get_by_role("textbox", name=re.compile("^Nom")), "Durand")
    act.fill(page.get_by_label("Adresse e-mail"), CAMILLE)
    act.click(page.get_by_text("Public : tout le monde voit"))
    terms = page.get_by_role("checkbox")
    terms.focus()  # by keyboard: the DSFR label (holding a link to the terms) covers the box
    act.press("Space")
    expect(terms).to_be_checked()
    act.no_accessibility_violation()
    sent = len(mailbox.messages)
    act.click(page.get_by_role("button", name="Créer mon compte"))
    act.fill(page.get_by_label("Code"), mailbox.code_sent_to(CAMILLE, sent))
    act.no_accessibility_violation()
    act.click(page.get_by_role("button", name="Valider"))
    page.wait_for_url(act.visit.base_url + "/")


def create_base(act):
    page = act.page
    page.goto(act.visit.base_url + "/bases/creer/")
    act.no_accessibility_violation()
    act.fill(page.get_by_label("Nom de la base"), BASE_TITLE)
    act.fill(page.get_by_label("Adresse e-mail de contact"), "contact@solidaire33.fr")
    act.click(page.get_by_role("button", name="Créer la base"))
    expect(page.get_by_role("heading", level=1)).to_have_text(BASE_TITLE)


def invite(act, mailbox, address) -> str:
    """From the « Membres » tab of the base's page; the path of the invitation the e-mail holds."""
    page = act.page
    act.click(page.get_by_role("tab", name="Membres"))
    act.fill(page.get_by_label("Adresse e-mail"), address)
    sent = len(mailbox.messages)
    act.click(page.get_by_role("button", name="Envoyer l'invitation"))
    expect(page.get_by_text(f"Une invitation a été envoyée à {address}.")).to_be_visible()
    act.no_accessibility_violation()
    invitation = mailbox.last_to(address, sent)
    assert invitation["Subject"].strip() == f"Invitation à rejoindre la base {BASE_TITLE}"
    return re.search(r"/invitations/[^\s/]+/", mailbox.text_of(invitation)).group(0)


def accept_by_signing_in_with_a_code(act, mailbox, address, invitation_path):
    page = act.page
    page.goto(act.visit.base_url + invitation_path)
    act.no_accessibility_violation()
    act.click(page.get_by_role("main").get_by_role("link", name="Se connecter"))
    act.fill(page.get_by_label("Adresse e-mail").first, address)
    sent = len(mailbox.messages)
    act.click(page.get_by_role("button", name="Recevoir un code"))
    act.fill(page.get_by_label("Code"), mailbox.code_sent_to(address, sent))
    act.click(page.get_by_role("button", name="Valider"))
    page.wait_for_url(act.visit.base_url + invitation_path)
    act.click(page.get_by_role("button", name="Accepter l'invitation"))
    expect(page.get_by_text(f"Bienvenue dans la base « {BASE_TITLE} » !")).to_be_visible()


def move_to_the_base(act, resource):
    """« Déplacer » on the resource's page, then the base as its destination."""
    page = act.page
    page.goto(act.visit.base_url + resource.url)
    act.click(page.get_by_role("link", name="Déplacer", exact=True))
    act.no_accessibility_violation()
    act.click(page.get_by_text(f"La base « {BASE_TITLE} »"))
    act.click(page.get_by_role("button", name="Déplacer la ressource"))
    expect(page.get_by_text(f"a été déplacée dans la base « {BASE_TITLE} »")).to_be_visible()


def validate_from_the_base_page(act, base):
    """Told by « Mon espace » that a submission awaits her, the base's admin opens « À valider » on
    the base's page, « Examiner », then approves in the editor: back on the base."""
    page = act.page
    page.goto(act.visit.base_url + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_role("link", name=SUBMISSION_TITLE)).to_be_visible()
    act.no_accessibility_violation()
    page.goto(act.visit.base_url + base.url)
    submissions = page.get_by_role("region", name=re.compile("^À valider"))
    expect(submissions).to_contain_text(SUBMISSION_TITLE)
    act.no_accessibility_violation()
    act.click(submissions.get_by_role("link", name=re.compile("^Examiner")))
    act.click(page.get_by_role("button", name="Approuver et Publier", exact=True))
    page.wait_for_url(act.visit.base_url + base.url)
    expect(page.get_by_text(f"« {SUBMISSION_TITLE} » est validée et publiée.")).to_be_visible()
    act.no_accessibility_violation()


# In the editor.


def add_block(act, label):
    """Insert a block at the end of the body, through the "+" button and the block picker."""
    body = act.page.locator("[data-contentpath=body]")
    blocks = body.locator("[data-streamfield-child]")
    # Each block is followed by its own "+" button, the last one inserts at the end (Draftail's
    # toolbar has an "Insérer un bloc" button too, hence the class).
    add_at_the_end = body.locator("button.c-sf-add-button[title='Insérer un bloc']").last
    expect(add_at_the_end).to_be_visible()  # the body's blocks are drawn
    count = blocks.count()
    act.click(add_at_the_end)
    act.click(act.page.get_by_role("option", name=label, exact=True))
    expect(blocks).to_have_count(count + 1)
    block = blocks.last
    expect(block.get_by_role("heading", name=label)).to_be_visible()
    return block


def first_block(page):
    """A new resource opens on a text block."""
    block = page.locator("[data-contentpath=body] [data-streamfield-child]").first
    expect(block.get_by_role("heading", name="Texte")).to_be_visible()
    return block


def upload_in_chooser(act, block, choose_button, file_path, title=None):
    """Open the block's chooser, which shows its « Transférer » tab when there is nothing to choose
    yet, upload a file there (titled after the file unless given a title) and let the chooser pick it."""
    act.click(block.get_by_role("button", name=choose_button))
    modal = act.page.locator(".modal")
    expect(modal.get_by_role("tab", name="Transférer")).to_have_attribute("aria-selected", "true")
    expect(modal.get_by_role("tabpanel")).to_have_count(1)
    upload_form = modal.locator("form[data-chooser-modal-creation-form]")
    act.upload(upload_form.locator("input[type=file]"), file_path)
    if title:
        act.fill(upload_form.get_by_label("Titre"), title)
    else:  # Wagtail titles it after the file's name as soon as it is chosen
        expect(upload_form.get_by_label("Titre")).to_have_value(file_path.stem)
    act.click(upload_form.get_by_role("button", name="Transférer"))
    expect(modal).to_have_count(0)
    expect(block.locator(".chooser__title")).to_have_text(title or file_path.stem)


def write_text(act, block, text):
    editor = block.get_by_role("textbox")
    act.fill(editor, text)
    expect(editor).to_have_text(text)


def index(act):
    """The taxonomy publication requires: a theme, a type, a sector."""
    act.click(act.page.get_by_role("tab", name="Indexation"))
    for panel, choice in [
        ("Thématiques", "Aide aux démarches administratives"),
        ("Types de ressource", "Ressources pédagogiques"),
        ("Secteurs professionnels", "Aidants et médiateurs numériques"),
    ]:
        act.check(
            act.page.get_by_role("region", name=panel, exact=True).get_by_role(
                "checkbox", name=choice, exact=True
            )
        )


def write_the_resource(act, tmp_path):
    page = act.page
    act.fill(page.get_by_placeholder("Titre de la ressource"), TITLE)
    act.fill(page.get_by_role("textbox", name="Description", exact=True), DESCRIPTION)
    write_text(act, first_block(act.page), TEXT)
    image = add_block(act, "Image")
    upload_in_chooser(act, image, "Choisir une image", png_file(tmp_path))
    act.fill(image.get_by_label("Texte alternatif"), ALT_TEXT)
    index(act)


def add_every_other_block(act, tmp_path):
    page = act.page
    act.fill(add_block(act, "Titre de section").get_by_role("textbox"), SECTION_TITLE)
    file = add_block(act, "Fichier")
    upload_in_chooser(act, file, "Choisir un document", pdf_file(tmp_path), DOCUMENT_TITLE)
    act.fill(file.get_by_label("Titre"), FILE_TITLE)
    link = add_block(act, "Lien")
    act.fill(link.get_by_label("Adresse web"), LINK_URL)
    act.fill(link.get_by_label("Titre"), LINK_TITLE)
    expect(link.get_by_label("Afficher un aperçu")).not_to_be_checked()
    act.no_accessibility_violation()
    publish(act)
    expect(page.get_by_text(f"« {TITLE} » est publiée")).to_be_visible()


def publish(act):
    """The editor's main button."""
    act.click(act.page.get_by_role("button", name="Publier", exact=True))


def submit_in_the_base(act):
    """A member, from « Publier une ressource » in « Mon espace »: chooses the base, writes, and
    submits the resource to the base's admins."""
    page = act.page
    page.goto(act.visit.base_url + "/admin/")
    act.click(page.get_by_role("main").get_by_role("link", name="Publier une ressource").first)
    expect(page.get_by_role("heading", level=1)).to_have_text("Publier une ressource")
    act.click(page.get_by_text(BASE_TITLE, exact=True))
    expect(page.get_by_role("radio", name=BASE_TITLE)).to_be_checked()
    act.no_accessibility_violation()
    act.click(page.get_by_role("button", name="Commencer la rédaction"))
    act.fill(page.get_by_placeholder("Titre de la ressource"), SUBMISSION_TITLE)
    act.fill(
        page.get_by_role("textbox", name="Description", exact=True),
        "Les étapes, les pièces à réunir, les pièges.",
    )
    index(act)
    expect(page.get_by_role("button", name="Publier", exact=True)).to_be_hidden()  # the base's admins do
    act.click(page.get_by_role("button", name=re.compile("^Soumettre à")))
    expect(page.locator(".messages")).to_contain_text("soumise")


# The files, on disk as a médiateur has them.


def png_file(tmp_path):
    path = tmp_path / "salle-atelier.png"
    PILImage.new("RGB", (64, 48), (0, 99, 203)).save(path, format="PNG")
    return path


def pdf_file(tmp_path):
    path = tmp_path / "fiche-participant.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def test_a_new_mediateur_publishes_a_resource_moves_it_to_a_base_and_validates_a_submission(
    visit, person, mailbox, tmp_path
):
    camille = Actions(person())
    refused = []  # the server's refusals, which the browser reports as console errors
    camille.page.on("response", lambda response: response.status == 400 and refused.append(response.url))
    sign_up(camille, mailbox)
    camille.no_accessibility_violation()

    # From the header's button to the published resource, every action counted.
    publishing = Actions(camille.visit)
    publishing.click(camille.page.get_by_role("banner").get_by_role("link", name="Publier une ressource"))
    camille.page.wait_for_url("**/admin/pages/add/resources/resourcepage/*/")
    write_the_resource(publishing, tmp_path)
    camille.no_accessibility_violation()
    publish(publishing)
    # She lands on her resource as visitors read it, told it is published.
    expect(camille.page.get_by_text(f"« {TITLE} » est publiée")).to_be_visible()
    expect(camille.page.get_by_role("heading", level=1)).to_have_text(TITLE)
    print(f"\nActions from « Publier une ressource » to the published resource: {publishing.count}")
    assert publishing.count <= MOST_ACTIONS_TO_PUBLISH
    camille.no_accessibility_violation()

    resource = ResourcePage.objects.get(title=TITLE)
    assert resource.live
    assert [block.block_type for block in resource.body] == ["text", "image"]
    assert resource.themes == ["aide-aux-demarches-administratives"]
    assert resource.resource_types == ["ressources-pedagogiques"]
    assert resource.professional_sectors == ["aidants-et-mediateurs-numeriques"]

    # A visitor reads it and finds it in search.
    page = visit.open(resource.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    expect(page.get_by_text(TEXT)).to_be_visible()
    picture = page.get_by_role("img", name=ALT_TEXT)
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    visit.open("/rechercher/?q=démarches")
    expect(page.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    assert visit.axe_violations() == []

    # Camille adds the other kinds of blocks, from « Modifier » on the resource's page.
    camille.page.goto(camille.visit.base_url + resource.url)
    camille.click(camille.page.get_by_role("link", name="Modifier", exact=True))
    add_every_other_block(camille, tmp_path)
    resource.refresh_from_db()
    assert [block.block_type for block in resource.body] == ["text", "image", "section_title", "file", "link"]

    page = visit.open(resource.url)
    expect(page.get_by_role("heading", level=2, name=SECTION_TITLE)).to_be_visible()
    file_link = page.get_by_role("link", name=re.compile(FILE_TITLE))
    expect(file_link).to_be_visible()
    assert page.request.get(visit.base_url + file_link.get_attribute("href")).ok
    external_link = page.get_by_role("link", name=LINK_TITLE)
    expect(external_link).to_be_visible()
    expect(external_link).to_have_attribute("href", LINK_URL)
    assert visit.axe_violations() == []

    # Camille creates a base, invites Karim and moves the resource into it.
    factories.contributor(email=KARIM, first_name="Karim", last_name="Benali")
    create_base(camille)
    invitation_path = invite(camille, mailbox, KARIM)
    move_to_the_base(camille, resource)
    base = BasePage.objects.get(title=BASE_TITLE)
    resource.refresh_from_db()
    assert resource.get_parent().pk == base.pk and resource.live

    # Karim joins and submits a resource; Camille validates it from the base's page.
    karim = Actions(person())
    accept_by_signing_in_with_a_code(karim, mailbox, KARIM, invitation_path)
    submit_in_the_base(karim)
    assert not ResourcePage.objects.get(title=SUBMISSION_TITLE).live
    validate_from_the_base_page(camille, base)

    submission = ResourcePage.objects.get(title=SUBMISSION_TITLE)
    assert submission.live and submission.get_parent().pk == base.pk
    page = visit.open(base.url)
    expect(page.get_by_role("link", name=SUBMISSION_TITLE).first).to_be_visible()
    expect(page.get_by_role("link", name=TITLE).first).to_be_visible()
    visit.open(submission.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBMISSION_TITLE)
    visit.open(f"/profils/{resource.owner.slug}/")  # her profile is public, as she chose
    expect(page.get_by_role("heading", level=1)).to_have_text("Camille Durand")
    assert visit.axe_violations() == []
    assert visit.errors == karim.visit.errors == []
    # Autosave may send the form while a new block waits for its file or address: refused, it pauses
    # until she publishes (tests/e2e/test_resource_editor.py); nothing else goes wrong.
    assert refused in ([], [f"{visit.base_url}/admin/pages/{resource.pk}/edit/"])
    assert camille.visit.errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ] * len(refused)
