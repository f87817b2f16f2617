"""Search benchmark (issue 5, point 9; issue 19): our search against La Base's way, at 100k resources.

    .venv/bin/python bench/search.py            # make bench-search adds the options below

Works in its own database, ``lesbases_bench`` (on the embedded server, or on DATABASE_URL's server),
never in the development one. The first run migrates and fills it (a few minutes); later runs keep it
and only measure. ``--fresh`` drops it and starts again; ``--drop`` removes it after measuring.

Each search runs as /rechercher/ runs it, through ``search.results.find``: the first page of 16 results
and the count (the target's measure, nothing cached: a repeated search costs what a new one does); then
the whole page (the other tabs' counts and the facets). ``--sans rangs vocabulaire`` measures each
search again without the kept ranks of frequent words and without the index's vocabulary for typos, in
the same run, to show what each is worth (docs/search.md). ``--publier`` writes the table to
docs/performance.md. The baseline does the same searches as La Base: ``word_similarity`` of the unaccented
lowercased query against title (weight 6), publisher (5) and description (3), a weighted sum of at
least 3, ranked by that sum: a scan of every row, which no index can serve.
"""

import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import add_platform_arguments, drop_bench_database, use_bench_database  # noqa: E402
from bench.report import PERFORMANCE, write_markdown_section  # noqa: E402

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
    from search import results
    from search.params import SearchParams
    from search.tabs import TABS

    params = SearchParams(q=query, filters=filters, tab=tab)

    def run():
        page = results.find(TABS[tab], user, params).page
        return page.paginator.count, list(page.object_list)

    return run


def whole_page(tab: str, user, query: str, filters: dict):
    """What /rechercher/ computes besides: the other tabs' counts and the filters' counts."""
    from search import results
    from search.facets import facet_counts
    from search.params import SearchParams
    from search.tabs import TABS

    params = SearchParams(q=query, filters=filters, tab=tab)
    shown = TABS[tab]

    def run():
        found = results.find(shown, user, params)
        for key, other in TABS.items():
            if key != tab:
                results.count(other, user, params)
        facet_counts(results.matched(shown, user, found.match), params.filters_of(tab), shown.filters)
        return found.page.paginator.count, list(found.page.object_list)

    return run


@contextmanager
def without_kept_ranks():
    """Searches as if no word had its ranks kept (search/word_ranks.py): the listed words are marked as
    ranked with other weights, which search/matching.py then ignores, in a transaction rolled back."""
    from django.db import transaction

    from search.models import FrequentWord

    with transaction.atomic():
        FrequentWord.objects.update(weights="")
        yield
        transaction.set_rollback(True)


class FuzzyMatch:
    """What typos would cost without the index's vocabulary (search.IndexedWord and its trigger):
    modelsearch's ``Fuzzy(query, unaccent=True)``, written on the entries as search/matching.py writes
    the other matches. Every entry is compared with the query (``word_similarity`` of the unaccented
    texts, 0.3 at least, modelsearch's threshold), ranked by the title's similarity times ``title_norm``
    or the body's, whichever is greater."""

    kept = None

    def __init__(self, model, query: str):
        from django.contrib.postgres.search import TrigramWordSimilarity
        from django.db.models import F, FloatField, Func, Value
        from django.db.models.functions import Greatest

        from cms.private_api import index_entries

        typed = Func(Value(query), function="unaccent")

        def similarity(text):
            return TrigramWordSimilarity(typed, Func(F(text), function="unaccent"))

        self.words = query
        self.entries = (
            index_entries(model)
            .annotate(
                similarity=Greatest(
                    similarity("title_text"), similarity("body_text"), output_field=FloatField()
                ),
                rank=Greatest(
                    similarity("title_text") * F("title_norm"),
                    similarity("body_text"),
                    output_field=FloatField(),
                ),
            )
            .filter(similarity__gte=0.3)
        )

    def ids(self):
        return self.entries.values("object_pk")

    def count(self, conditions) -> int:
        return self.entries.filter(conditions).count()

    def ranked(self, conditions, start: int, stop: int):
        from django.db.models import Count, Window

        from search.matching import Row

        rows = (
            self.entries.filter(conditions)
            .order_by("-rank", "-object_pk")
            .annotate(total=Window(Count("*")))
            .values_list("object_pk", "total")
        )
        return [Row(*row) for row in rows[start:stop]]


@contextmanager
def without_vocabulary():
    """Typos matched as modelsearch's Fuzzy would, instead of being corrected against the vocabulary."""
    from search.matching import Match

    corrected = Match.corrected
    Match.corrected = classmethod(lambda _cls, model, query: FuzzyMatch(model, query))
    try:
        yield
    finally:
        Match.corrected = corrected


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


def timings(run, runs: int) -> tuple[int, list[float]]:
    count, _ = run()  # warm-up: plans and caches, as on a server that has been up for a while
    durations = []
    for _ in range(runs):
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


# Column key → (heading, what it measures). "ours" is the target's: the first page and the count.
COLUMNS = {
    "ours": "nous",
    "without_kept_ranks": "sans rangs conservés",
    "without_vocabulary": "sans vocabulaire",
    "page": "page entière",
    "baseline": "La Base",
}
VARIANTS = {
    "rangs": ("without_kept_ranks", without_kept_ranks),
    "vocabulaire": ("without_vocabulary", without_vocabulary),
}


def measure(runs: int, baseline_runs: int, compared: list[str]) -> list[dict]:
    """One row per search: its count and, per column, the durations in ms."""
    users = viewers()
    columns = ["ours", *(VARIANTS[name][0] for name in compared), "page", "baseline"]
    header = f"{'recherche':<24} {'requête':<24} {'nb':>6}" + "".join(
        f" {COLUMNS[column][:16]:>16} {'p95':>6}" for column in columns
    )
    print(
        f"\nLatence en ms, médiane et p95 ({runs} essais, {baseline_runs} pour La Base) ; nous : première page "
        f"de {PER_PAGE} résultats et total, comme La Base ; page entière : avec les totaux des autres "
        "onglets et des filtres :"
    )
    print(header)
    print("-" * len(header))
    rows = []
    for label, tab, query, filters, viewer in SEARCHES:
        filters = resolve_filters(filters)
        user = users[viewer]
        count, durations = timings(ours(tab, user, query, filters), runs)
        row = {"label": label, "query": query, "filters": filters, "count": count, "ours": durations}
        for name in compared:
            key, switched = VARIANTS[name]
            with switched():
                row[key] = timings(ours(tab, user, query, filters), runs)[1]
        row["page"] = timings(whole_page(tab, user, query, filters), runs)[1]
        row["baseline"] = timings(baseline(tab, user, query, filters), baseline_runs)[1]
        row["load"] = os.getloadavg()[0]
        rows.append(row)
        shown = (query or "—") + (" +filtres" if filters else "")
        print(
            f"{label[:24]:<24} {shown[:24]:<24} {count:>6}"
            + "".join(f" {statistics.median(row[c]):>16.1f} {p95(row[c]):>6.1f}" for c in columns)
        )
    print("-" * len(header))
    for column in columns:
        samples = [duration for row in rows for duration in row[column]]
        print(
            f"{COLUMNS[column]:<22} médiane {statistics.median(samples):>8.1f} ms, p95 {p95(samples):>8.1f} ms"
        )
    ours_median = statistics.median([d for row in rows for d in row["ours"]])
    baseline_median = statistics.median([d for row in rows for d in row["baseline"]])
    ratios = [statistics.median(row["baseline"]) / statistics.median(row["ours"]) for row in rows]
    print(
        f"Ratio des médianes La Base / nous : {baseline_median / ours_median:.0f}x "
        f"(moyenne géométrique par recherche {statistics.geometric_mean(ratios):.0f}x)."
    )
    for column in columns[:-2]:
        samples = [duration for row in rows for duration in row[column]]
        print(
            f"Objectif p95 ≤ 80 ms, {COLUMNS[column]} : {'atteint' if p95(samples) <= 80 else 'non atteint'}."
        )
    loads = [row["load"] for row in rows]
    print(f"Charge (moyenne sur 1 min) pendant la mesure : {min(loads):.2f} à {max(loads):.2f}.")
    return rows


def write_markdown(rows: list[dict], runs: int, baseline_runs: int) -> None:
    """The figures of this run as the ``search`` section of docs/performance.md (bench/report.py)."""
    from datetime import date

    columns = [column for column in COLUMNS if column in rows[0]]
    loads = [row["load"] for row in rows]
    lines = [
        f"Produit par `make bench-search` le {date.today().isoformat()} ({runs} essais par recherche, "
        f"{baseline_runs} pour La Base ; charge sur 1 min {min(loads):.2f} à {max(loads):.2f}). Durées en ms, "
        "médiane / p95 ; *nous* : la première page de 16 résultats et le total, comme La Base ; "
        "*page entière* : avec les totaux des deux autres onglets et des filtres.",
        "",
        "| recherche | requête | résultats | " + " | ".join(COLUMNS[c] for c in columns) + " |",
        "|---|---|--:|" + "--:|" * len(columns),
    ]
    for row in rows:
        query = (row["query"] or "—") + (" + filtres" if row["filters"] else "")
        lines.append(
            f"| {row['label']} | {query} | {row['count']} | "
            + " | ".join(f"{statistics.median(row[c]):.0f} / {p95(row[c]):.0f}" for c in columns)
            + " |"
        )
    totals = {c: [d for row in rows for d in row[c]] for c in columns}
    lines.append(
        "| **toutes** | | | "
        + " | ".join(f"**{statistics.median(totals[c]):.0f} / {p95(totals[c]):.0f}**" for c in columns)
        + " |"
    )
    write_markdown_section("search", "\n".join(lines))
    print(f"Chiffres écrits dans {PERFORMANCE}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_platform_arguments(parser)
    parser.add_argument("--runs", type=int, default=20, help="essais par recherche")
    parser.add_argument("--baseline-runs", type=int, default=5, help="essais par recherche pour La Base")
    parser.add_argument(
        "--sans",
        nargs="*",
        choices=sorted(VARIANTS),
        default=[],
        help="mesurer aussi chaque recherche sans ce mécanisme (rangs conservés, vocabulaire des fautes)",
    )
    parser.add_argument("--publier", action="store_true", help="écrire les chiffres dans docs/performance.md")
    parser.add_argument("--fresh", action="store_true", help="recréer la base de données du banc")
    parser.add_argument("--drop", action="store_true", help="supprimer la base de données du banc à la fin")
    options = parser.parse_args()

    use_bench_database(BENCH_DATABASE, options.fresh)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import ensure_platform

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the demo tree saves a Site, which clears Wagtail's cache
    print(f"Base de données {BENCH_DATABASE} migrée en {time.perf_counter() - started:.1f} s.")
    ensure_platform(options, BENCH_DATABASE)
    # As the daily job does in production (infra/cron.json): the words found in most resources keep their ranks.
    call_command("rank_frequent_words")
    # What autovacuum does within a minute of the first ranking: index-only scans then skip the heap.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) search_wordrank")
    print(f"Charge (moyenne sur 1 min) au début de la mesure : {os.getloadavg()[0]:.2f}.")
    rows = measure(options.runs, options.baseline_runs, options.sans)
    if options.publier:
        write_markdown(rows, options.runs, options.baseline_runs)
    if options.drop:
        drop_bench_database(BENCH_DATABASE)
        print(f"Base de données {BENCH_DATABASE} supprimée.")


if __name__ == "__main__":
    main()
