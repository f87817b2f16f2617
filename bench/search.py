"""Search benchmark (issue 5, point 9): our search against La Base's way, at 100k resources.

    .venv/bin/python bench/search.py            # or: make bench-search

Works in its own database, ``lesbases_bench`` (on the embedded server, or on DATABASE_URL's server),
never in the development one. The first run migrates and fills it (a few minutes); later runs keep it
and only measure. ``--fresh`` drops it and starts again; ``--drop`` removes it after measuring.

Each search runs as /rechercher/ runs it: our functions of search/*.py, then the first page of 16
results and the count. Twice: *new*, right after a change of content (the results cache of
search/results.py cannot answer: what the first visitor to ask gets), and *again* (the same search
repeated within the cache's lifetime: the next visitors, the next page's count). The baseline does the same searches as La Base: ``word_similarity`` of the
unaccented lowercased query against title (weight 6), publisher (5) and description (3), a weighted
sum of at least 3, ranked by that sum: a scan of every row, which no index can serve.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import drop_bench_database, use_bench_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BENCH_DATABASE = "lesbases_bench"
PER_PAGE = 16


# (label, tab, query, filters, viewer): single words, phrases, missing accents, typos, filters, each tab.
SEARCHES = [
    ("mot seul", "ressources", "numérique", {}, "visiteur"),
    ("sans accent", "ressources", "numerique", {}, "visiteur"),
    ("mot seul", "ressources", "atelier", {}, "visiteur"),
    ("pluriel sans accent", "ressources", "ateliers parentalite", {}, "visiteur"),
    ("expression", "ressources", "médiation numérique", {}, "visiteur"),
    ("expression sans accent", "ressources", "demarches en ligne", {}, "visiteur"),
    ("expression", "ressources", "intelligence artificielle", {}, "visiteur"),
    ("nom propre", "ressources", "franceconnect", {}, "visiteur"),
    ("faute (anglais)", "ressources", "resources", {}, "visiteur"),
    ("faute", "ressources", "mediaton", {}, "visiteur"),
    ("deux fautes", "ressources", "acessibilitee", {}, "visiteur"),
    ("mot + thématique", "ressources", "atelier", {"thematiques": ["parentalite"]}, "visiteur"),
    ("mot + type", "ressources", "numérique", {"types": ["TYPE"]}, "visiteur"),
    (
        "mot + 2 filtres",
        "ressources",
        "seniors",
        {"thematiques": ["accessibilite"], "secteurs": ["SECTOR"]},
        "visiteur",
    ),
    ("filtre seul", "ressources", "", {"thematiques": ["donnees", "intelligence-artificielle"]}, "visiteur"),
    ("membre, base privée", "ressources", "atelier", {}, "membre"),
    ("bases", "bases", "médiathèque", {}, "visiteur"),
    ("bases, ville", "bases", "lyon", {}, "visiteur"),
    ("profils", "profils", "martin", {}, "visiteur"),
    ("profils, prénom", "profils", "camille", {}, "visiteur"),
]


def resolve_filters(filters: dict) -> dict:
    """Placeholders replaced by the first key of the reference data, so the table stays readable."""
    from resources import taxonomy

    first = {
        "TYPE": taxonomy.RESOURCE_TYPES["values"][0]["key"],
        "SECTOR": taxonomy.PROFESSIONAL_SECTORS["values"][0]["key"],
    }
    return {parameter: [first.get(key, key) for key in keys] for parameter, keys in filters.items()}


def ours(tab: str, user, query: str, filters: dict):
    """Our code path for one search: a callable that returns (count, first page)."""
    from django.core.paginator import Paginator

    from search.params import SearchParams

    params = SearchParams(q=query, filters=filters)
    search = tab_searches()[tab]

    def run():
        page = Paginator(search(user, params), PER_PAGE).get_page(1)
        return page.paginator.count, list(page.object_list)

    return run


def content_changed() -> None:
    """What any write to searched content does (search/migrations/0007): cached results stop counting."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('search_results_version')")


def tab_searches() -> dict:
    from search.bases import search_bases
    from search.profiles import search_profiles
    from search.resources import search_resources

    return {"ressources": search_resources, "bases": search_bases, "profils": search_profiles}


# La Base's ranking: weighted word similarities over unaccented, lowercased texts.
BASELINE_RESOURCES = """
WITH candidates AS (
    SELECT page.id, page.first_published_at,
           6 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(page.title)))
         + 5 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(coalesce(base.title,
                   owner.first_name || ' ' || owner.last_name, ''))))
         + 3 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(resource.description))) AS score
    FROM resources_resourcepage resource
    JOIN wagtailcore_page page ON page.id = resource.page_ptr_id
    LEFT JOIN bases_basepage base_page
        ON base_page.page_ptr_id = (SELECT parent.id FROM wagtailcore_page parent
                                    WHERE parent.path = left(page.path, length(page.path) - 4))
    LEFT JOIN wagtailcore_page base ON base.id = base_page.page_ptr_id
    LEFT JOIN accounts_user owner ON owner.id = page.owner_id
    WHERE page.live
      AND (resource.is_public OR page.owner_id = %(user)s
           OR EXISTS (SELECT 1 FROM bases_membership member
                      WHERE member.base_id = base_page.page_ptr_id AND member.user_id = %(user)s))
      {filters}
)
"""
BASELINE_BASES = """
WITH candidates AS (
    SELECT page.id, page.first_published_at,
           6 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(page.title)))
         + 3 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(base.description))) AS score
    FROM bases_basepage base JOIN wagtailcore_page page ON page.id = base.page_ptr_id
    WHERE page.live AND (base.is_public OR EXISTS (SELECT 1 FROM bases_membership member
                         WHERE member.base_id = base.page_ptr_id AND member.user_id = %(user)s))
)
"""
BASELINE_PROFILES = """
WITH candidates AS (
    SELECT id, date_joined AS first_published_at,
           6 * word_similarity(unaccent(lower(%(q)s)), unaccent(lower(first_name || ' ' || last_name))) AS score
    FROM accounts_user WHERE is_active AND is_public
)
"""
BASELINE_FILTER_COLUMNS = {
    "thematiques": "themes",
    "types": "resource_types",
    "beneficiaires": "beneficiaries",
    "secteurs": "professional_sectors",
}


def baseline(tab: str, user, query: str, filters: dict):
    """La Base's way for one search: a callable that returns (count, first page ids)."""
    from django.db import connection

    template = {"ressources": BASELINE_RESOURCES, "bases": BASELINE_BASES, "profils": BASELINE_PROFILES}[tab]
    params = {"q": query, "user": user.pk if user.is_authenticated else None}
    conditions = []
    for parameter, keys in filters.items():
        params[parameter] = keys
        conditions.append(f"AND resource.{BASELINE_FILTER_COLUMNS[parameter]} && %({parameter})s::varchar[]")
    head = template.format(filters=" ".join(conditions))
    matched = "WHERE score >= 3" if query else ""
    order = "score DESC, first_published_at DESC" if query else "first_published_at DESC"
    count_sql = f"{head} SELECT count(*) FROM candidates {matched}"
    page_sql = f"{head} SELECT id FROM candidates {matched} ORDER BY {order} LIMIT {PER_PAGE}"

    def run():
        with connection.cursor() as cursor:
            cursor.execute(count_sql, params)
            count = cursor.fetchone()[0]
            cursor.execute(page_sql, params)
            return count, [row[0] for row in cursor.fetchall()]

    return run


def timings(run, runs: int, before=None) -> tuple[int, list[float]]:
    count, _ = run()  # warm-up: plans and caches, as on a server that has been up for a while
    durations = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        run()
        durations.append((time.perf_counter() - started) * 1000)
    return count, durations


def p95(durations: list[float]) -> float:
    return statistics.quantiles(durations, n=20, method="inclusive")[18]


def viewers():
    from django.contrib.auth.models import AnonymousUser

    from bases.models import Membership

    member = Membership.objects.filter(base__is_public=False).select_related("user").first()
    return {"visiteur": AnonymousUser(), "membre": member.user}


def measure(runs: int, baseline_runs: int) -> None:
    users = viewers()
    header = (
        f"{'recherche':<24} {'requête':<24} {'nb':>6} {'nouv. méd.':>10} {'p95':>7} {'répét. méd.':>11} {'p95':>6}"
        f" {'base méd.':>9} {'p95':>7} {'ratio':>6}"
    )
    print(
        f"\nLatence en ms, première page de {PER_PAGE} résultats et total ({runs} essais, {baseline_runs} pour La Base) ;"
        "\nnouvelle : juste après un changement de contenu (sans cache) ; répétée : la même recherche redemandée :"
    )
    print(header)
    print("-" * len(header))
    samples = {"new": [], "again": [], "baseline": []}
    ratios = []
    for label, tab, query, filters, viewer in SEARCHES:
        filters = resolve_filters(filters)
        user = users[viewer]
        run = ours(tab, user, query, filters)
        count, new_ms = timings(run, runs, before=content_changed)
        _count, again_ms = timings(run, runs)
        _count, base_ms = timings(baseline(tab, user, query, filters), baseline_runs)
        ratio = statistics.median(base_ms) / statistics.median(new_ms)
        samples["new"] += new_ms
        samples["again"] += again_ms
        samples["baseline"] += base_ms
        ratios.append(ratio)
        shown = (query or "—") + (" +filtres" if filters else "")
        print(
            f"{label[:24]:<24} {shown[:24]:<24} {count:>6} {statistics.median(new_ms):>10.1f} {p95(new_ms):>7.1f}"
            f" {statistics.median(again_ms):>11.1f} {p95(again_ms):>6.1f}"
            f" {statistics.median(base_ms):>9.1f} {p95(base_ms):>7.1f} {ratio:>5.1f}x"
        )
    print("-" * len(header))
    for key, label in (
        ("new", "Nous, recherche nouvelle"),
        ("again", "Nous, recherche répétée"),
        ("baseline", "La Base"),
    ):
        print(
            f"{label:<26} médiane {statistics.median(samples[key]):>8.1f} ms, p95 {p95(samples[key]):>8.1f} ms"
        )
    print(
        f"Ratio des médianes La Base / nous (recherche nouvelle) : "
        f"{statistics.median(samples['baseline']) / statistics.median(samples['new']):.1f}x "
        f"(moyenne géométrique par recherche {statistics.geometric_mean(ratios):.1f}x)."
    )
    for key, label in (("new", "recherche nouvelle"), ("again", "recherche répétée")):
        print(f"Objectif p95 ≤ 80 ms, {label} : {'atteint' if p95(samples[key]) <= 80 else 'non atteint'}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--private-share", type=float, default=0.1, help="part des bases privées")
    parser.add_argument("--runs", type=int, default=20, help="essais par recherche")
    parser.add_argument("--baseline-runs", type=int, default=5, help="essais par recherche pour La Base")
    parser.add_argument("--fresh", action="store_true", help="recréer la base de données du banc")
    parser.add_argument("--drop", action="store_true", help="supprimer la base de données du banc à la fin")
    options = parser.parse_args()

    use_bench_database(BENCH_DATABASE, options.fresh)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import generate
    from resources.models import ResourcePage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the demo tree saves a Site, which clears Wagtail's cache
    print(f"Base de données {BENCH_DATABASE} migrée en {time.perf_counter() - started:.1f} s.")
    existing = ResourcePage.objects.filter(slug__startswith="ressource-banc-").count()
    if existing == 0:
        print(
            f"Génération : {options.resources} ressources, {options.bases} bases "
            f"({options.private_share:.0%} privées), {options.users} utilisateurs"
        )
        generate(options.resources, options.bases, options.users, options.private_share)
    elif existing != options.resources:
        sys.exit(f"{BENCH_DATABASE} contient {existing} ressources de banc : relancer avec --fresh.")
    else:
        print(f"Données déjà générées ({existing} ressources) : mesure seule (--fresh pour regénérer).")
    # As the daily job does in production (infra/cron.json): the words found in most resources keep their ranks.
    call_command("rank_frequent_words")
    # What autovacuum does within a minute of the first ranking: index-only scans then skip the heap.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) search_wordrank")
    measure(options.runs, options.baseline_runs)
    if options.drop:
        drop_bench_database(BENCH_DATABASE)
        print(f"Base de données {BENCH_DATABASE} supprimée.")


if __name__ == "__main__":
    main()
