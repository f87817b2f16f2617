import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.e2e


def test_a_visitor_reads_the_statistics_with_charts_and_tables_and_it_is_accessible(visit, content):
    call_command("refresh_stats", stdout=io.StringIO())  # what cron does
    page = visit.open("/")
    page.locator("footer").get_by_role("link", name="Statistiques").click()
    page.wait_for_url("**/statistiques/")
    assert page.get_by_role("heading", level=1).inner_text() == "Statistiques"
    # The State's chart components draw in the browser; the tables carry the same figures for everyone.
    page.locator("bar-chart canvas").first.wait_for()
    page.locator("line-chart canvas").first.wait_for()
    # Each table is folded under its chart (a DSFR accordion).
    page.get_by_role("button", name="Voir les données : vues de ressources, par semaine").click()
    assert page.get_by_role("table", name="Vues de ressources, par semaine").is_visible()
    page.get_by_role("link", name="6 derniers mois").click()
    page.wait_for_url("**/statistiques/?periode=6-mois#repartition")
    assert page.get_by_role("heading", name="Thématiques — 6 derniers mois").is_visible()
    page.locator("bar-chart canvas").first.wait_for()
    assert visit.errors == []
    assert visit.axe_violations() == []
