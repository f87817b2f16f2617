"""Open-data benchmark (issue 24): the daily export's time and size, and each feed's queries, at scale.

    .venv/bin/python bench/opendata.py --resources 100000     # make bench-opendata

Works in the search benchmark's database (``lesbases_bench``, filled by ``bench/generate.py`` the same
way: users, bases of which a share is private, resources in French), so that a platform generated once
serves both. The export is written to the default storage, as the daily job writes it; each feed is
requested as a visitor, its queries counted.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import add_platform_arguments, use_bench_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BENCH_DATABASE = "lesbases_bench"
RUNS = 5  # requests of each feed, nothing kept between them but the site root paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_platform_arguments(parser)
    parser.add_argument("--fresh", action="store_true", help="recréer la base de données du banc")
    options = parser.parse_args()

    use_bench_database(BENCH_DATABASE, options.fresh)
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bases.models import BasePage
    from bench.generate import ensure_platform
    from cms.visibility import EVERYONE
    from opendata import export

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    ensure_platform(options, BENCH_DATABASE)

    started = time.perf_counter()
    exported = export.export()
    seconds = time.perf_counter() - started
    sizes = ", ".join(
        f"{name} {default_storage.size(export.FOLDER + name) / 1_000_000:.1f} Mo" for name in export.FILES
    )
    print(
        f"Export : {exported.resources} ressources et {exported.bases} bases publiques en {seconds:.1f} s ({sizes})."
    )

    base = BasePage.objects.visible_to(EVERYONE).order_by("pk").first()
    client = Client()
    for path in (
        "/flux/ressources/",
        f"/flux/bases/{base.slug}/",
        "/flux/thematiques/parentalite/",
        "/flux/categories/inclusion-numerique/",
        "/api/v2/pages/?type=resources.ResourcePage&fields=description,themes",
    ):
        client.get(path)  # the site root paths cached, as on a running server
        durations = []
        for _ in range(RUNS):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            durations.append((time.perf_counter() - started) * 1000)
        print(
            f"{path} : {response.status_code}, {len(queries)} requêtes SQL, "
            f"médiane {statistics.median(durations):.0f} ms sur {RUNS}"
        )


if __name__ == "__main__":
    main()
