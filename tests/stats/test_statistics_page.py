"""/statistiques/: public, rendered from the stats summaries, each chart doubled by a data table."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings

from accounts.models import User
from bases.models import BasePage
from resources.models import ResourcePage, ResourceView
from search.models import SearchLog
from tests import factories

URL = "/statistiques/"


pytestmark = pytest.mark.usefixtures("fresh_cache")


def table_count(html: str) -> int:
    return html.count("<caption>")


@pytest.mark.django_db
def test_each_table_is_folded_under_its_chart_and_axis_labels_are_short(client, team, refresh_stats):
    refresh_stats()
    html = client.get(URL).content.decode()
    # Every data table is in a closed DSFR accordion right after its chart.
    folded = re.findall(
        r'</div>\s*<section class="fr-accordion fr-mb-4w">\s*<h[45] class="fr-accordion__title">'
        r'<button type="button" class="fr-accordion__btn" aria-expanded="false" aria-controls="(donnees-[^"]+)">'
        r"Voir les données : [^<]+</button></h[45]>\s*<div class=\"fr-collapse\" id=\"\1\">\s*<div class=\"fr-table",
        html,
    )
    assert len(folded) == table_count(html) > 0
    # The tables keep the full period names; the charts' axes read « 14/09 », « 09/2026 », whole.
    weekly_axis = re.search(r'<bar-chart x="([^"]+)"', html).group(1)
    assert "semaine du" not in weekly_axis and re.search(r"\d\d/\d\d&quot;", weekly_axis)
    assert re.search(r"<th scope=\"row\">semaine du \d\d/\d\d/\d{4}</th>", html)


@pytest.mark.django_db
def test_renders_with_no_content(client, refresh_stats):
    ResourceView.objects.all().delete()
    SearchLog.objects.all().delete()
    ResourcePage.objects.all().delete()
    BasePage.objects.all().delete()
    User.objects.all().delete()
    refresh_stats()
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Aucune ressource publique publiée sur cette période.") == 4
    assert table_count(html) == 6 * 3


@pytest.mark.django_db
def test_the_period_is_chosen_by_a_link_and_bad_values_fall_back(client):
    html = client.get(URL, {"periode": "6-mois"}).content.decode()
    assert re.search(r'href="\?periode=6-mois#repartition" aria-current="page"', html)
    assert "Thématiques — 6 derniers mois" in html
    for forged in ("'; DROP TABLE stats;--", "tout\x00", "9999"):
        response = client.get(URL, {"periode": forged})
        assert response.status_code == 200
        assert "Thématiques — 30 derniers jours" in response.content.decode()


@pytest.mark.django_db
def test_private_resources_never_appear_by_title(client, team):
    html = client.get(URL, {"periode": "tout"}).content.decode()
    assert team["resources"]["private"].title not in html
    assert team["bases"]["private"].title not in html


@pytest.mark.django_db
def test_figures_are_cached_per_period(client, team, django_assert_max_num_queries):
    client.get(URL)
    factories.resource(parent=team["bases"]["public"], owner=team["admin"])
    with django_assert_max_num_queries(4):
        client.get(URL)
    cache.clear()
    assert client.get(URL, {"periode": "tout"}).status_code == 200


@pytest.mark.django_db
def test_query_count_does_not_grow_with_content(client, team, django_assert_max_num_queries):
    client.get(URL)  # the site frame, cached apart from the figures
    with django_assert_max_num_queries(26) as few:
        client.get(URL, {"periode": "6-mois"})
    for _ in range(5):
        resource = factories.resource(parent=team["bases"]["public"], owner=team["admin"])
        ResourceView.objects.create(resource=resource, visit_hash="x")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, {"periode": "tout"})


@pytest.mark.django_db
def test_embeds_the_metabase_dashboard_when_configured(client):
    assert "<iframe" not in client.get(URL).content.decode()
    with override_settings(
        METABASE_URL="https://metabase.example", METABASE_SECRET_KEY="s" * 32, METABASE_DASHBOARD_ID="7"
    ):
        html = client.get(URL).content.decode()
    assert re.search(r'<iframe src="https://metabase.example/embed/dashboard/[^"]+" title="[^"]+"', html)
