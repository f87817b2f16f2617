"""A user who accepted older CGU opens a page, is asked to accept the new ones, accepts and lands on the
page they were opening. The acceptance page passes axe-core."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.e2e


def test_a_user_accepts_the_new_cgu_and_goes_on(visit, settings):
    settings.CGU_VERSION = "2026-06"
    user = factories.contributor(cgu_version="2026-01")
    visit.sign_in(user)
    page = visit.page

    page.goto(visit.base_url + "/ressources/")
    page.wait_for_url("**/conditions-d-utilisation/accepter/?next=%2Fressources%2F")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelles conditions générales d'utilisation")
    assert visit.axe_violations() == []
    page.get_by_role("button", name="J'accepte les conditions générales d'utilisation").click()
    page.wait_for_url("**/ressources/")
    user.refresh_from_db()
    assert user.cgu_version == "2026-06"
