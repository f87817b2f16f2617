"""A reader signs in, rates a resource and reports another; a moderator resolves the report in the
admin. Every page on the way passes axe-core."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import MODERATORS_GROUP
from resources.models import Rating, Report
from tests import factories

pytestmark = pytest.mark.e2e

PASSWORD = "mot-de-passe-de-test"
READER = "lea.moreau@example.org"
MODERATOR = "mona.modere@example.org"
COMMENT = "Claire et rapide à animer en atelier."
DESCRIPTION = "Le simulateur présenté a changé d'adresse depuis janvier."


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


def choose(page, label):
    """DSFR radio labels cover their inputs: focus the input and press Space, as a keyboard user does."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Space")
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def sign_in_from_the_resource(page, resource_url):
    page.get_by_role("link", name="Connectez-vous").click()
    page.wait_for_url(re.compile(r"/connexion/\?next="))
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    form = page.locator("#connexion-mot-de-passe")
    form.get_by_label("Adresse e-mail").fill(READER)
    form.get_by_label("Mot de passe").fill(PASSWORD)
    form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{resource_url}")


def test_a_reader_rates_and_reports_and_a_moderator_resolves_the_report(browser, site, visit):
    factories.contributor(email=READER, first_name="Léa", last_name="Moreau")
    moderator = factories.contributor(email=MODERATOR, first_name="Mona", last_name="Modère")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    totp_secret = factories.authenticator(moderator)
    rated = factories.resource(title="Atelier : créer son compte Ameli")
    reported = factories.resource(title="Simuler ses droits aux aides sociales")

    page = visit.open(rated.url)
    sign_in_from_the_resource(page, rated.url)

    expect(page.get_by_role("heading", name="Recommandations")).to_be_visible()
    choose(page, "Beaucoup")
    page.get_by_label("Commentaire").fill(COMMENT)
    page.get_by_role("button", name="Envoyer ma recommandation").click()
    expect(page.get_by_text("Merci, votre recommandation est enregistrée.")).to_be_visible()
    expect(page.locator("#avis")).to_contain_text("Très recommandée")
    expect(page.locator("#avis")).to_contain_text(COMMENT)
    expect(page.get_by_role("button", name="Modifier ma recommandation")).to_be_visible()
    assert visit.axe_violations() == []

    visit.open(reported.url)
    page.get_by_role("link", name="Signaler cette ressource").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaler la ressource")
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("Choisissez le motif du signalement.")).to_be_visible()
    choose(page, "Le contenu est obsolète")
    page.get_by_label("Description").fill(DESCRIPTION)
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(
        page.get_by_text("Merci, votre signalement est transmis à l'équipe de modération.")
    ).to_be_visible()

    rating = Rating.objects.get(resource=rated)
    assert (rating.user.email, rating.value, rating.comment) == (READER, 4, COMMENT)
    report = Report.objects.get(resource=reported)
    assert (report.reason, report.description, report.status) == ("obsolete", DESCRIPTION, "a-traiter")
    assert any(MODERATOR in message.to for message in mail.outbox)

    context = browser.new_context(locale="fr-FR")
    try:
        admin = context.new_page()
        sign_in(admin, site.url, MODERATOR, PASSWORD, totp_secret)
        admin.get_by_role("link", name="Signalements").click()
        admin.wait_for_url("**/admin/signalements/")
        expect(admin.get_by_role("heading", level=1)).to_contain_text("Signalements")
        visit.page = admin
        assert visit.axe_violations() == []

        admin.get_by_role("link", name=re.compile(reported.title)).click()
        expect(admin.get_by_text(DESCRIPTION)).to_be_visible()
        assert visit.axe_violations() == []
        choose(admin, "Classer le signalement : la ressource reste publiée")
        admin.get_by_role("textbox", name="Commentaire de modération").fill(
            "Adresse corrigée par l'autrice le jour même."
        )
        admin.get_by_role("button", name="Enregistrer").click()
        admin.wait_for_url("**/admin/signalements/")
        expect(admin.get_by_text("Signalement traité.")).to_be_visible()
        expect(admin.get_by_role("link", name=re.compile(reported.title))).to_have_count(0)
        # Wagtail's message fades its colours in: check contrast once the transition is over.
        expect(admin.locator(".messages .success")).to_have_css("background-color", "rgb(27, 134, 102)")
        assert visit.axe_violations() == []
    finally:
        context.close()

    report.refresh_from_db()
    assert (report.status, report.resolved_by.email) == ("traite", MODERATOR)
    reported.refresh_from_db()
    assert reported.live
