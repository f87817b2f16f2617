"""``manage.py refresh_stats``: /statistiques/ shows the figures of the last refresh (cron runs it every
10 minutes), and the refresh drops the page's cached figures so the new ones show at once."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.models import User
from bases.models import BasePage
from community.models import CollectionItem
from resources.models import ResourcePage, ResourceView
from search.models import SearchLog
from stats import summaries
from stats.schema import SCHEMA, SUMMARIES
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

ROOT = Path(__file__).resolve().parents[2]
URL = "/statistiques/"
PUBLIC = "ressources publiques publiées"
PRIVATE = "ressources privées publiées"
VIEWS = "vues de ressources au total"


def key_figure(client, label: str, period: str = "30-jours") -> int:
    html = client.get(URL, {"periode": period}).content.decode()
    match = re.search(r'fr-tile__title[^>]*>(\d+)</p>\s*<p class="fr-tile__desc">' + re.escape(label), html)
    assert match, f"no key figure « {label} »"
    return int(match[1])


def summary_rows() -> dict[str, list[tuple]]:
    """The figures the summaries hold (not their refresh date)."""
    with connection.cursor() as cursor:
        rows = {}
        for name in ("activity_daily", "taxonomy_daily"):
            cursor.execute(f"SELECT * FROM {SCHEMA}.{name} ORDER BY 1, 2, 3")
            rows[name] = cursor.fetchall()
        return rows


def public_resources_with_theme(key: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce(sum(resources), 0) FROM {SCHEMA}.taxonomy_daily WHERE facet = 'themes' AND key = %s",
            [key],
        )
        return cursor.fetchone()[0]


def test_figures_change_only_after_a_refresh_which_drops_the_page_cache(client, team, refresh_stats):
    refresh_stats()
    public, views = key_figure(client, PUBLIC), key_figure(client, VIEWS)
    resource = factories.resource(parent=team["bases"]["public"], owner=team["admin"])
    ResourceView.objects.create(resource=resource, visit_hash="nouvelle-vue")

    cache.clear()  # not the page cache: the summaries still hold the figures of the last refresh
    assert (key_figure(client, PUBLIC), key_figure(client, VIEWS)) == (public, views)

    output = refresh_stats()  # the figures above are cached again: the refresh drops them
    assert "statistics page cache dropped" in output
    assert (key_figure(client, PUBLIC), key_figure(client, VIEWS)) == (public + 1, views + 1)


def test_a_resource_made_private_moves_from_public_to_private_after_a_refresh(client, team, refresh_stats):
    resource = factories.resource(parent=team["bases"]["public"], owner=team["admin"], themes=["parentalite"])
    refresh_stats()
    before = (key_figure(client, PUBLIC), key_figure(client, PRIVATE))
    parenting = public_resources_with_theme("parentalite")

    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    refresh_stats()

    assert (key_figure(client, PUBLIC), key_figure(client, PRIVATE)) == (before[0] - 1, before[1] + 1)
    # The breakdowns count public resources only (the page shows the first ten of each).
    assert public_resources_with_theme("parentalite") == parenting - 1


def test_refresh_on_an_empty_database(client, refresh_stats):
    for model in (ResourceView, SearchLog, CollectionItem, ResourcePage, BasePage, User):
        model.objects.all().delete()
    output = refresh_stats()
    assert all(f"stats.{name} (concurrently)" in output for name in SUMMARIES)
    assert summary_rows()["activity_daily"] == summary_rows()["taxonomy_daily"] == []
    assert key_figure(client, PUBLIC, "tout") == key_figure(client, VIEWS, "tout") == 0


def test_refreshing_twice_changes_no_figure(client, team, refresh_stats):
    ResourceView.objects.create(resource=team["resources"]["public"], visit_hash="une-vue")
    refresh_stats()
    first = summary_rows()
    page = client.get(URL, {"periode": "tout"}).content.decode()
    refresh_stats()
    assert summary_rows() == first
    assert client.get(URL, {"periode": "tout"}).content.decode() == page


def test_summaries_emptied_by_a_restore_are_filled_again(client, refresh_stats):
    with connection.cursor() as cursor:
        cursor.execute(f"REFRESH MATERIALIZED VIEW {SCHEMA}.activity_daily WITH NO DATA")
    output = refresh_stats()
    # CONCURRENTLY needs data to compare with: the empty summary is filled the plain way.
    assert f"{SCHEMA}.activity_daily," in output and f"{SCHEMA}.activity_daily (concurrently)" not in output
    assert client.get(URL).status_code == 200


def test_the_page_dates_its_figures_by_the_last_refresh(client, refresh_stats):
    refresh_stats()
    refreshed = timezone.localtime(summaries.refreshed_at())
    assert timezone.now() - refreshed < timedelta(hours=1)
    html = client.get(URL).content.decode()
    assert f"Chiffres mis à jour le {refreshed:%d/%m/%Y à %H:%M}." in html


def test_cron_and_the_release_phase_refresh_the_summaries():
    jobs = json.loads((ROOT / "infra/cron.json").read_text())["jobs"]
    assert "*/10 * * * * python manage.py refresh_stats" in [job["command"] for job in jobs]
    release = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("release:")
    )
    # After the migrations (which may change the summaries) and the cache table (whose entries it drops).
    assert release.index("migrate") < release.index("createcachetable") < release.index("refresh_stats")
