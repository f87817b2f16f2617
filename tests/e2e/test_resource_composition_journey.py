"""A contributor composes a resource with every block through the real admin, and a visitor reads it."""

import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests import factories

pytestmark = pytest.mark.e2e

EMAIL = "camille.durand@example.org"
PASSWORD = "mot-de-passe-de-test"

TITLE = "Animer un atelier sur les démarches en ligne"
DESCRIPTION = "Une séance de deux heures pour accompagner les premières démarches administratives."
SECTION_TITLE = "Préparer l'atelier"
TEXT = "Accueillez les participants et présentez le déroulé de la séance."
IMAGE_TITLE = "Salle d'atelier"
ALT_TEXT = "Six participants autour d'une table avec des tablettes"
DOCUMENT_TITLE = "Support de l'atelier"
FILE_TITLE = "Fiche du participant"
LINK_URL = "https://www.service-public.fr/"
LINK_TITLE = "Service Public"


# The contributor, in the admin.


def sign_in(page, base_url, email, password, totp_secret=None):
    """Through our sign-in page, where Wagtail's admin sends visitors, by the password path; then, for an
    account with a second factor, with the code its authenticator app shows."""
    page.goto(base_url + "/admin/")
    page.wait_for_url("**/connexion/?next=/admin/")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    password_form = page.locator("#connexion-mot-de-passe")
    password_form.get_by_label("Adresse e-mail").fill(email)
    password_form.get_by_label("Mot de passe").fill(password)
    password_form.get_by_role("button", name="Se connecter").click()
    if totp_secret:
        page.wait_for_url("**/compte/2fa/authenticate/")
        page.get_by_label("Code de vérification").fill(factories.totp_code(totp_secret))
        page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/admin/")


def open_the_editor_from_the_site(page, base_url):
    """« Publier une ressource » in the header: with no base, the profile is the only place, so the
    editor opens at once."""
    page.goto(base_url + "/")
    page.get_by_role("banner").get_by_role("link", name="Publier une ressource").click()
    page.wait_for_url("**/admin/pages/add/resources/resourcepage/*/")


def add_block(page, label):
    """Insert a block at the end of the body, through the "+" button and the block picker."""
    body = page.locator("[data-contentpath=body]")
    blocks = body.locator("[data-streamfield-child]")
    count = blocks.count()
    # Each block is followed by its own "+" button, the last one inserts at the end (Draftail's
    # toolbar has an "Insérer un bloc" button too, hence the class).
    body.locator("button.c-sf-add-button[title='Insérer un bloc']").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    block = blocks.last
    expect(block.get_by_role("heading", name=label)).to_be_visible()
    return block


def upload_in_chooser(page, block, choose_button, file_path, title):
    """Open the block's chooser, upload a file in its *Transférer* tab and let the chooser pick it."""
    block.get_by_role("button", name=choose_button).click()
    modal = page.locator(".modal")
    expect(modal).to_be_visible()
    modal.get_by_role("tab", name="Transférer").click()
    upload_form = modal.locator("form[data-chooser-modal-creation-form]")
    upload_form.locator("input[type=file]").set_input_files(file_path)
    upload_form.get_by_label("Titre").fill(title)
    upload_form.get_by_role("button", name="Transférer").click()
    expect(modal).to_have_count(0)
    expect(block.locator(".chooser__title")).to_have_text(title)


def upload_image_in_chooser(page, block, file_path, title):
    upload_in_chooser(page, block, "Choisir une image", file_path, title)


def upload_document_in_chooser(page, block, file_path, title):
    upload_in_chooser(page, block, "Choisir un document", file_path, title)


def open_tab(page, name):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def check_in_panel(page, panel, choice):
    page.get_by_role("region", name=panel, exact=True).get_by_role(
        "checkbox", name=choice, exact=True
    ).check()


def publish(page):
    """The editor's main button, the other actions waiting behind its chevron."""
    page.get_by_role("button", name="Publier", exact=True).click()


# The test data, on disk as a contributor has it.


def png_file(tmp_path):
    path = tmp_path / "salle-atelier.png"
    PILImage.new("RGB", (64, 48), (0, 99, 203)).save(path, format="PNG")
    return path


def pdf_file(tmp_path):
    path = tmp_path / "fiche-participant.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def test_a_contributor_composes_a_resource_with_every_block_and_a_visitor_reads_it(
    browser, site, visit, tmp_path
):
    factories.contributor(email=EMAIL, first_name="Camille", last_name="Durand")
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        sign_in(page, site.url, EMAIL, PASSWORD)
        open_the_editor_from_the_site(page, site.url)

        page.get_by_placeholder("Titre de la ressource").fill(TITLE)
        page.get_by_role("textbox", name="Description", exact=True).fill(DESCRIPTION)

        add_block(page, "Titre de section").get_by_role("textbox").fill(SECTION_TITLE)

        text_editor = add_block(page, "Texte").get_by_role("textbox")
        text_editor.click()
        page.keyboard.type(TEXT)
        expect(text_editor).to_have_text(TEXT)

        image = add_block(page, "Image")
        upload_image_in_chooser(page, image, png_file(tmp_path), IMAGE_TITLE)
        image.get_by_label("Texte alternatif").fill(ALT_TEXT)

        file = add_block(page, "Fichier")
        upload_document_in_chooser(page, file, pdf_file(tmp_path), DOCUMENT_TITLE)
        file.get_by_label("Titre").fill(FILE_TITLE)

        link = add_block(page, "Lien")
        link.get_by_label("Adresse web").fill(LINK_URL)
        link.get_by_label("Titre").fill(LINK_TITLE)
        expect(link.get_by_label("Afficher un aperçu")).not_to_be_checked()

        open_tab(page, "Indexation")
        check_in_panel(page, "Thématiques", "Aide aux démarches administratives")
        check_in_panel(page, "Types de ressource", "Ressources pédagogiques")
        check_in_panel(page, "Secteurs professionnels", "Aidants et médiateurs numériques")

        publish(page)
        expect(page.locator(".messages")).to_contain_text(f"Page « {TITLE} » créée et publiée.")
        expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("publiée")
    finally:
        context.close()

    resource = ResourcePage.objects.get(title=TITLE)
    assert resource.live
    assert [block.block_type for block in resource.body] == ["section_title", "text", "image", "file", "link"]
    assert resource.themes == ["aide-aux-demarches-administratives"]
    assert resource.resource_types == ["ressources-pedagogiques"]
    assert resource.professional_sectors == ["aidants-et-mediateurs-numeriques"]

    # An anonymous visitor, in a browser context that never signed in.
    public_page = visit.open(f"/ressources/{resource.slug}/")
    assert public_page.get_by_role("heading", level=1).inner_text() == TITLE
    expect(public_page.get_by_text(DESCRIPTION)).to_be_visible()
    expect(public_page.get_by_role("heading", level=2, name=SECTION_TITLE)).to_be_visible()
    expect(public_page.get_by_text(TEXT)).to_be_visible()
    picture = public_page.get_by_role("img", name=ALT_TEXT)
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    file_link = public_page.get_by_role("link", name=re.compile(FILE_TITLE))
    expect(file_link).to_be_visible()
    assert public_page.request.get(site.url + file_link.get_attribute("href")).ok
    external_link = public_page.get_by_role("link", name=LINK_TITLE)
    expect(external_link).to_be_visible()
    expect(external_link).to_have_attribute("href", LINK_URL)
    assert visit.errors == []
    assert visit.axe_violations() == []
