"""``bootstrap`` builds the site in a database that has nothing but its tables, as a new production one
(a transactional test, in a file of its own: tests/conftest.py says why)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from tests.ops.test_production_from_nothing import run


@pytest.mark.django_db(transaction=True)
def test_bootstrap_builds_a_site_from_an_empty_database_with_nothing_personal(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lesbases.anct.gouv.fr"
    call_command("flush", interactive=False)  # what `migrate` leaves in a new database, and no more
    assert not Site.objects.exists()

    output = run("bootstrap")

    assert "page d'accueil" in output
    assert HomePage.objects.get().live
    # Links in e-mails start with the site's address.
    assert Site.objects.get(is_default_site=True).root_url == "https://lesbases.anct.gouv.fr"
    for path in ("/", "/ressources/", "/bases/", "/rechercher/?q=atelier"):
        assert client.get(path).status_code == 200, path
    assert not get_user_model().objects.exists()
    pages = Page.objects.count()

    assert run("bootstrap").strip() == "Structure du site déjà en place."
    assert Page.objects.count() == pages
