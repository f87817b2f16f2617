import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_dsfr.content_manager.models import CmsDsfrConfig
from wagtailmenus.models import FlatMenuItem, MainMenuItem

from accounts.models import User
from bases.models import BasePage, Membership
from community.models import BaseFollow, Collection, CollectionItem, ProfileFollow
from resources.models import Rating, RatingReply, Report, ResourceView


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "menu_items": (MainMenuItem.objects.count(), FlatMenuItem.objects.count()),
        "users": list(User.objects.values_list("email", "password")),
        "config": CmsDsfrConfig.objects.values_list("site_title", "site_tagline").get(),
        "activity": activity(),
    }


def activity():
    return {
        "views": ResourceView.objects.count(),
        "ratings": Rating.objects.count(),
        "replies": RatingReply.objects.count(),
        "reports": Report.objects.count(),
        "collections": Collection.objects.count(),
        "saves": CollectionItem.objects.count(),
        "follows": BaseFollow.objects.count() + ProfileFollow.objects.count(),
    }


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db
def test_the_demo_gives_the_resources_readers_life():
    call_command("load_demo", stdout=io.StringIO())
    assert all(activity().values()), activity()


@pytest.mark.django_db
def test_load_demo_prints_the_accounts_of_each_role(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "admin@lesbases.local" in out and "mot de passe" in out
    roles = dict(line.strip().split(" — ", 1) for line in out.splitlines() if "@lesbases.local — " in line)
    assert "administrateur de « Médiation numérique en Bretagne »" in roles["camille.lefevre@lesbases.local"]
    assert "membre de « Coordination France services du Puy-de-Dôme »" in roles["lucie.martin@lesbases.local"]
    assert roles["thomas.girard@lesbases.local"] == "inscrit, membre d'aucune base"
    assert roles["mona.moderatrice@lesbases.local"] == "groupe Modérateurs"


@pytest.mark.django_db
def test_the_demo_has_five_bases_one_of_them_private_with_members():
    call_command("load_demo", stdout=io.StringIO())
    bases = BasePage.objects.live()
    assert bases.count() == 5
    assert [base.title for base in bases if not base.is_public] == [
        "Coordination France services du Puy-de-Dôme"
    ]
    assert all(base.memberships.filter(role="admin").exists() for base in bases)
    assert Membership.objects.filter(role="member").count() >= 4
