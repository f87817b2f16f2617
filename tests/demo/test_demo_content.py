import io
import re

import pytest
from django.core.cache import cache
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


@pytest.fixture(scope="module")
def demo_output(module_db):
    """The demo, loaded once for the tests of this file (each sees it, and what it changes is undone)."""
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_loading_the_demo_again_changes_nothing(demo_output):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_the_demo_gives_the_resources_readers_life(demo_output):
    assert all(activity().values()), activity()


def test_load_demo_prints_the_accounts_of_each_role(demo_output):
    assert "admin@lesbases.local" in demo_output and "mot de passe" in demo_output
    roles = dict(
        line.strip().split(" — ", 1) for line in demo_output.splitlines() if "@lesbases.local — " in line
    )
    assert "administrateur de « Médiation numérique en Bretagne »" in roles["camille.lefevre@lesbases.local"]
    assert "membre de « Coordination France services du Puy-de-Dôme »" in roles["lucie.martin@lesbases.local"]
    assert roles["thomas.girard@lesbases.local"] == "inscrit, membre d'aucune base"
    assert roles["mona.moderatrice@lesbases.local"] == "groupe Modérateurs"


def test_the_demo_has_five_bases_one_of_them_private_with_members(demo_output):
    bases = BasePage.objects.live()
    assert bases.count() == 5
    assert [base.title for base in bases if not base.is_public] == [
        "Coordination France services du Puy-de-Dôme"
    ]
    assert all(base.memberships.filter(role="admin").exists() for base in bases)
    assert Membership.objects.filter(role="member").count() >= 4


def test_the_statistics_page_shows_the_demos_figures(demo_output, client):
    cache.clear()  # figures another test of this worker may have cached
    response = client.get("/statistiques/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Statistiques</h1>" in html
    # Six activities in three granularities, four breakdowns: a table for each chart.
    tables = html.count("<caption>")
    assert html.count("<line-chart") + html.count("<bar-chart") == tables == 6 * 3 + 4
    assert html.count('aria-hidden="true" class="stats-chart"') == tables
    assert "stats/dsfr-chart/DSFRChart.js" in html
    # load_demo refreshed the summaries: the page dates its figures.
    assert re.search(r"Chiffres mis à jour le \d\d/\d\d/\d{4} à \d\d:\d\d\.", html)
