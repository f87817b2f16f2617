"""A superuser's first sign-in, as README describes it for the demo's: the password, then the set-up of an
authenticator app (the key read from the page, as a phone reads the QR code), the recovery codes, one
more code, and the admin."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.e2e


def test_the_superusers_first_sign_in_sets_up_the_authenticator_app(site, visit):
    superuser = factories.superuser()
    page = visit.open("/admin/")
    page.wait_for_url("**/connexion/?next=/admin/")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    form = page.locator("#connexion-mot-de-passe")
    form.get_by_label("Adresse e-mail").fill(superuser.email)
    form.get_by_label("Mot de passe").fill(factories.PASSWORD)
    form.get_by_role("button", name="Se connecter").click()

    # Staff may reach nothing before setting up the second factor; allauth first confirms the password.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer votre identité")
    expect(page.get_by_text("activez la double authentification pour continuer")).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_label("Mot de passe").fill(factories.PASSWORD)
    page.get_by_role("button", name="Confirmer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Activer la double authentification")
    qr_code = page.get_by_role("img", name="QR code à scanner avec votre application d\u2019authentification")
    assert qr_code.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    assert visit.axe_violations() == []
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Code affiché par l'application").fill(factories.totp_code(secret))
    page.get_by_role("button", name="Activer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Codes de secours")
    expect(page.locator(".lb-recovery-codes li")).to_have_count(10)
    assert visit.axe_violations() == []
    page.get_by_role("link", name="Continuer").click()

    page.wait_for_url(re.compile(r"/compte/2fa/reauthenticate/\?next="))
    assert visit.axe_violations() == []
    page.get_by_label("Code de vérification").fill(factories.totp_code(secret))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url("**/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert visit.errors == []
