import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig
from wagtailmenus.models import FlatMenuItem, MainMenuItem

from accounts.models import User
from home.models import HomePage


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "menu_items": (MainMenuItem.objects.count(), FlatMenuItem.objects.count()),
        "users": list(User.objects.values_list("email", "password")),
        "config": CmsDsfrConfig.objects.values_list("site_title", "site_tagline").get(),
    }


@pytest.mark.django_db
def test_the_demo_puts_our_home_page_at_the_site_root():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CmsDsfrConfig.for_site(site).site_title == "Les Bases du numérique d'intérêt général"


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing():
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db
def test_load_demo_prints_the_superuser_credentials(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "admin@lesbases.local" in out and "mot de passe" in out
