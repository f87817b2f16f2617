import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig

from home.bootstrap import bootstrap_site
from home.models import HomePage


@pytest.mark.django_db
def test_the_site_starts_with_our_home_page_at_its_root():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CmsDsfrConfig.for_site(site).site_title == "Les Bases du numérique d'intérêt général"
    assert {page.url_path for page in site.root_page.get_children()} >= {
        "/accueil/ressources/",
        "/accueil/bases/",
    }


@pytest.mark.django_db
def test_bootstrapping_again_changes_nothing():
    before = (
        list(Page.objects.values_list("path", "title", "live")),
        list(Group.objects.values_list("name")),
    )
    created = []
    bootstrap_site(created)
    assert created == []
    assert (
        list(Page.objects.values_list("path", "title", "live")),
        list(Group.objects.values_list("name")),
    ) == before
