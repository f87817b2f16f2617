"""La Base's old links and API at scale: a redirect's time, and the whole /api/v1/resources list's.

Works in its own database, ``lesbases_bench_labase`` (kept for the next run; ``--fresh`` makes it again),
with ``bench.generate``'s platform (100k resources, 2,000 bases of which 10 % private, 50k users by
default) and an ``ImportedRecord`` for every resource and base, as the importer leaves them. Prints
median and p95 in ms; ``python bench/labase_links.py``.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import use_bench_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BENCH_DATABASE = "lesbases_bench_labase"


def record_everything() -> None:
    """An ImportedRecord per resource and base, slugs prefixed as if La Base had its own."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from bases.models import BasePage
    from labase.models import ImportedRecord
    from resources.models import ResourcePage

    for table, model in (("resources", ResourcePage), ("bases", BasePage)):
        content_type = ContentType.objects.get_for_model(model)
        rows = [
            ImportedRecord(
                table=table,
                source_id=str(uuid.uuid4()),
                source_slug=f"labase-{slug}",
                content_type=content_type,
                object_id=pk,
                page_id=pk,
            )
            for pk, slug in model.objects.values_list("pk", "slug").iterator(chunk_size=10_000)
        ]
        ImportedRecord.objects.bulk_create(rows, batch_size=5_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(function, runs: int) -> tuple[float, float]:
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    return statistics.median(durations), durations[int(len(durations) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--fresh", action="store_true")
    options = parser.parse_args()

    use_bench_database(BENCH_DATABASE, options.fresh)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from bases.models import BasePage, Membership
    from bench.generate import generate
    from cms.visibility import EVERYONE
    from labase.models import ImportedRecord
    from resources.models import ResourcePage

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not ResourcePage.objects.filter(slug__startswith="ressource-banc-").exists():
        generate(options.resources, options.bases, options.users, 0.1)
    if not ImportedRecord.objects.exists():
        record_everything()

    public = ResourcePage.objects.visible_to(EVERYONE).filter(slug__startswith="ressource-banc-").last()
    private_base = BasePage.objects.filter(is_public=False, numchild__gt=0, memberships__isnull=False).first()
    private = ResourcePage.objects.child_of(private_base).first()
    member = Membership.objects.filter(base=private_base).select_related("user").first().user
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(member)
    print(
        f"{ResourcePage.objects.count()} ressources, {BasePage.objects.count()} bases, "
        f"{ImportedRecord.objects.count()} enregistrements importés"
    )
    cases = [
        ("ressource publique, anonyme", anonymous, f"/ressources/labase-{public.slug}", 301),
        ("ressource privée, anonyme", anonymous, f"/ressources/labase-{private.slug}", 404),
        ("ressource privée, membre", signed_in, f"/ressources/labase-{private.slug}", 301),
        ("base privée, onglet, membre", signed_in, f"/bases/labase-{private_base.slug}/membres", 301),
        ("slug inconnu, anonyme", anonymous, "/ressources/labase-inconnue", 404),
        ("recherche", anonymous, "/rechercher/r=atelier&thematiques=Donnees/ressources?tri=vues", 301),
    ]
    for label, client, path, status in cases:
        assert client.get(path).status_code == status, (label, path)
        median, p95 = timed(lambda client=client, path=path: client.get(path), options.runs)
        print(f"  {label:<32} {median:7.1f} / {p95:7.1f} ms")

    def whole_list():
        response = anonymous.get("/api/v1/resources")
        return sum(len(chunk) for chunk in response.streaming_content)

    tracemalloc.start()
    started = time.perf_counter()
    size = whole_list()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  /api/v1/resources entière, sous tracemalloc : {size / 1e6:.1f} Mo en {seconds:.1f} s")
    print(f"  pic de mémoire Python : {peak / 1e6:.1f} Mo")
    started = time.perf_counter()
    whole_list()
    print(f"  /api/v1/resources entière : {time.perf_counter() - started:.1f} s")
    median, p95 = timed(lambda: anonymous.get("/api/v1/resources?page=50&per_page=1000").content, 10)
    print(f"  /api/v1/resources page de 1000  {median:7.1f} / {p95:7.1f} ms")


if __name__ == "__main__":
    main()
