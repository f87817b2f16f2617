"""Statistics page benchmark (issue 7, point 6): /statistiques/ at 100k resources and 1M views.

    .venv/bin/python bench/stats.py            # or: make bench-stats

Works in its own database, ``lesbases_bench_stats`` (on the embedded server, or on DATABASE_URL's
server), never in the development one. The first run migrates it, loads the demo content and fills
it in SQL (``INSERT … SELECT`` over ``generate_series``, cloning a demo resource and a demo base, so
that every page row is a valid one): a few minutes. Later runs keep it and only measure;
``--fresh`` starts again, ``--drop`` removes it after measuring.

Every run first refreshes the summaries the page reads (``manage.py refresh_stats``, what cron does
every 10 minutes) and prints how long that took. Then, for each period of the page, *cold* is a
request right after the page's cache is dropped (every figure computed from the summaries), *warm*
a request served from the cache; each is the median of ``--runs`` requests.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import drop_bench_database, use_bench_database  # noqa: E402
from bench.report import published  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BENCH_DATABASE = "lesbases_bench_stats"
URL = "/statistiques/"
# A page's tree path is its parent's followed by 4 base-36 digits (treebeard's alphabet).
STEP = (
    "substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ({n}) / 46656 % 36 + 1, 1)"
    " || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ({n}) / 1296 % 36 + 1, 1)"
    " || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ({n}) / 36 % 36 + 1, 1)"
    " || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ({n}) % 36 + 1, 1)"
)


def columns(cursor, table: str) -> list[str]:
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s"
        " ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in cursor.fetchall()]


def clone_pages(cursor, template_id: int, parents_sql: str, prefix: str, overrides: dict[str, str]) -> None:
    """Copies of page ``template_id`` under the parents ``parents_sql`` lists as (parent_id, count):
    one wagtailcore_page row each, with its own path, slug, translation key and the given columns."""
    page_columns = [column for column in columns(cursor, "wagtailcore_page") if column != "id"]
    replaced = {
        "path": f"parent.path || {STEP.format(n='parent.numchild + g')}",
        "depth": "parent.depth + 1",
        "numchild": "0",
        "slug": f"'{prefix}-' || parent.id || '-' || g",
        "url_path": f"parent.url_path || '{prefix}-' || parent.id || '-' || g || '/'",
        "translation_key": "gen_random_uuid()",
        "latest_revision_id": "NULL",
        "live_revision_id": "NULL",
        **overrides,
    }
    select = ", ".join(replaced.get(column, f"template.{column}") for column in page_columns)
    cursor.execute(
        f"""
        INSERT INTO wagtailcore_page ({", ".join(page_columns)})
        SELECT {select}
        FROM ({parents_sql}) AS wanted (parent_id, count)
        JOIN wagtailcore_page AS parent ON parent.id = wanted.parent_id
        CROSS JOIN generate_series(1, wanted.count) AS g
        JOIN wagtailcore_page AS template ON template.id = {template_id}
        """
    )
    cursor.execute(
        f"""
        UPDATE wagtailcore_page AS parent SET numchild = parent.numchild + wanted.count
        FROM ({parents_sql}) AS wanted (parent_id, count) WHERE parent.id = wanted.parent_id
        """
    )


def clone_specific(cursor, table: str, template_id: int, prefix: str, overrides: dict[str, str]) -> None:
    specific_columns = columns(cursor, table)
    replaced = {"page_ptr_id": "page.id", **overrides}
    select = ", ".join(replaced.get(column, f"template.{column}") for column in specific_columns)
    cursor.execute(
        f"""
        INSERT INTO {table} ({", ".join(specific_columns)})
        SELECT {select}
        FROM wagtailcore_page AS page
        JOIN {table} AS template ON template.page_ptr_id = {template_id}
        WHERE page.slug LIKE '{prefix}-%%'
        """
    )


def fill(resources: int, bases: int, views: int, private_share: float) -> None:
    from django.db import connection, transaction

    from bases.models import BasePage
    from resources.models import ResourceIndexPage, ResourcePage
    from resources.taxonomy import BENEFICIARY_CHOICES, PROFESSIONAL_SECTOR_CHOICES, RESOURCE_TYPE_CHOICES
    from search.params import RESOURCE_FILTERS

    base_template = BasePage.objects.live().filter(is_public=True).first()
    resource_template = ResourcePage.objects.live().first()
    index = ResourceIndexPage.objects.get()
    themes = sorted(RESOURCE_FILTERS["thematiques"][1])
    published_at = "now() - random() * interval '3 years'"

    def pick(keys: list[str]) -> str:
        quoted = ", ".join(f"'{key}'" for key in keys)
        return f"ARRAY[(ARRAY[{quoted}])[1 + floor(random() * {len(keys)})::int]]"

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        clone_pages(
            cursor,
            base_template.pk,
            f"SELECT {base_template.get_parent().pk}, {bases}",
            "base-banc",
            {"first_published_at": published_at, "last_published_at": "now()"},
        )
        clone_specific(cursor, "bases_basepage", base_template.pk, "base-banc", {})
        cursor.execute(
            "INSERT INTO wagtailcore_pageviewrestriction (page_id, restriction_type, password)"
            " SELECT id, 'login', '' FROM wagtailcore_page WHERE slug LIKE 'base-banc-%%' AND random() < %s",
            [private_share],
        )
        cursor.execute(
            "UPDATE bases_basepage SET is_public = false WHERE page_ptr_id IN"
            " (SELECT page_id FROM wagtailcore_pageviewrestriction)"
        )
        per_base = resources * 9 // 10 // bases
        parents = (
            f"SELECT id, {per_base} FROM wagtailcore_page WHERE slug LIKE 'base-banc-%%'"
            f" UNION ALL SELECT {index.pk}, {resources - per_base * bases}"
        )
        clone_pages(
            cursor,
            resource_template.pk,
            parents,
            "ressource-banc",
            {"first_published_at": published_at, "last_published_at": "now()", "live": "random() < 0.97"},
        )
        clone_specific(
            cursor,
            "resources_resourcepage",
            resource_template.pk,
            "ressource-banc",
            {
                "themes": f"{pick(themes)} || {pick(themes)}",
                "resource_types": pick([key for key, _ in RESOURCE_TYPE_CHOICES]),
                "beneficiaries": pick([key for key, _ in BENEFICIARY_CHOICES]),
                "professional_sectors": pick([key for key, _ in PROFESSIONAL_SECTOR_CHOICES]),
                "views_count": "0",
            },
        )
        print(f"{bases} bases et {resources} ressources en {time.perf_counter() - started:.1f} s.")
        started = time.perf_counter()
        cursor.execute(
            f"""
            INSERT INTO resources_resourceview (resource_id, visit_hash, viewed_at)
            SELECT ids[1 + floor(random() * array_length(ids, 1))::int], md5(g::text),
                   now() - random() * interval '2 years'
            FROM (SELECT array_agg(page_ptr_id) AS ids FROM resources_resourcepage) AS r,
                 generate_series(1, {views}) AS g
            """
        )
        cursor.execute(
            f"""
            INSERT INTO search_searchlog (query, filters, tab, sort, page, result_count, duration_ms, created_at)
            SELECT 'atelier', '{{}}'::jsonb, 'ressources', '', 1, 10, 20, now() - random() * interval '2 years'
            FROM generate_series(1, {views // 5})
            """
        )
        cursor.execute(
            f"""
            INSERT INTO accounts_user ({", ".join(c for c in columns(cursor, "accounts_user") if c != "id")})
            SELECT {", ".join(user_column(c) for c in columns(cursor, "accounts_user") if c != "id")}
            FROM accounts_user AS template, generate_series(1, {resources // 5}) AS g
            WHERE template.id = (SELECT min(id) FROM accounts_user)
            """
        )
        print(
            f"{views} vues, {views // 5} recherches, {resources // 5} profils en {time.perf_counter() - started:.1f} s."
        )
        cursor.execute("ANALYZE")


def user_column(column: str) -> str:
    unique = {"email": "'banc-' || g || '@example.org'", "slug": "'banc-' || g", "username": "'banc-' || g"}
    dated = {
        "date_joined": "now() - random() * interval '3 years'",
        "last_login": "now() - random() * interval '90 days'",
    }
    flags = {"is_superuser": "false", "is_staff": "false", "is_public": "random() < 0.5"}
    return {**unique, **dated, **flags}.get(column, f"template.{column}")


def refresh() -> float:
    """``manage.py refresh_stats`` as cron runs it; its duration in seconds."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("refresh_stats", stdout=io.StringIO())
    return time.perf_counter() - started


def measure(url: str, runs: int) -> tuple[list[float], list[float]]:
    from django.test import Client

    from stats.views import forget_cached_figures

    client = Client()
    client.get(url)  # the site frame's own cache, apart from the figures
    cold, warm = [], []
    for _ in range(runs):
        forget_cached_figures()
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        cold.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        warm.append((time.perf_counter() - started) * 1000)
    return cold, warm


def print_figures() -> None:
    """What the page shows, so that a run can be checked against the data."""
    from django.utils import timezone

    from stats import statistics

    now = timezone.now()
    today = timezone.localdate(now)
    series = statistics.series(today)
    kpis = statistics.kpis(today, now, series)
    print("  chiffres clés : " + ", ".join(f"{key} {value}" for key, value in kpis.items()))
    for period in statistics.PERIODS.values():
        themes = statistics.breakdowns(period, today)["themes"]["rows"][:3]
        print(f"  thématiques, {period.label.lower()} : " + ", ".join(f"{label} {n}" for label, n in themes))


def report(name: str, values: list[float]) -> str:
    return f"{name} {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=1_000)
    parser.add_argument("--views", type=int, default=1_000_000)
    parser.add_argument("--private-share", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--drop", action="store_true")
    arguments = parser.parse_args()

    import django

    use_bench_database(BENCH_DATABASE, arguments.fresh)
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from demo.loader import load_demo
    from resources.models import ResourcePage

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not ResourcePage.objects.filter(slug__startswith="ressource-banc-").exists():
        load_demo()
        fill(arguments.resources, arguments.bases, arguments.views, arguments.private_share)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics for indexes a new migration may have added
        cursor.execute("SELECT count(*) FROM stats.resources")
        (resources,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM resources_resourceview")
        (views,) = cursor.fetchone()
    with published("stats"):
        print("charge de la machine (1, 5, 15 min) : " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
        print(f"refresh_stats (résumés de /statistiques/) : {refresh():.2f} s")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT count(*) FROM stats.activity_daily), (SELECT count(*) FROM stats.taxonomy_daily)"
            )
            print("  lignes : stats.activity_daily {}, stats.taxonomy_daily {}".format(*cursor.fetchone()))
        print(f"{URL} — {resources} ressources, {views} vues, médiane de {arguments.runs} requêtes :")
        for period in ("30-jours", "6-mois", "tout"):
            cold, warm = measure(f"{URL}?periode={period}", arguments.runs)
            print(f"  {period:<8} : {report('à froid (cache vidé)', cold)} ; {report('à chaud', warm)}")
        print_figures()
    if arguments.drop:
        drop_bench_database(BENCH_DATABASE)


if __name__ == "__main__":
    main()
