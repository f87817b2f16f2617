import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, Page, Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from home.bootstrap import bootstrap_site
from home.models import HomePage
from resources.permissions import CONTRIBUTORS_GROUP


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


@pytest.mark.django_db
def test_every_migrate_brings_the_groups_and_their_permissions_back():
    """A release runs migrate: groups a code change added, or permissions removed by hand, come back
    (post_migrate), without any migration running live code."""
    Group.objects.filter(name__in=[ADMINISTRATORS_GROUP, MODERATORS_GROUP]).delete()
    contributors = Group.objects.get(name=CONTRIBUTORS_GROUP)
    contributors.permissions.clear()
    GroupCollectionPermission.objects.filter(group=contributors).delete()

    call_command("migrate", verbosity=0)

    assert Group.objects.get(name=ADMINISTRATORS_GROUP).permissions.exists()
    assert Group.objects.get(name=MODERATORS_GROUP).permissions.filter(codename="change_report").exists()
    assert contributors.permissions.filter(codename="access_admin").exists()
    assert GroupCollectionPermission.objects.filter(group=contributors).exists()
