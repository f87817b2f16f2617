"""La Base import benchmark (issue 22, point 6): generate a La Base database and import it.

    .venv/bin/python bench/labase_import.py                 # 100k resources, 50k users, 500k contents, 1M views
    .venv/bin/python bench/labase_import.py --scale 0.01    # the same shape, a hundredth of it

La Base's database is generated in ``labase_bench_source`` (the tables the importer reads, as
tests/labase/labase_schema.sql writes them) by SQL alone; the import goes into its own database,
``lesbases_bench_labase``, migrated and bootstrapped afresh each run, never the development one. Then it
imports a second time (nothing changed: nothing should be written). Prints the time of each run and the
peak memory of the process. Media are left out (no bucket): the generated resources have text, section
title and link contents only.
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import use_bench_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

SOURCE_DATABASE = "labase_bench_source"
TARGET_DATABASE = "lesbases_bench_labase"
SCHEMA = ROOT / "tests" / "labase" / "labase_schema.sql"
FULL = {"users": 50_000, "resources": 100_000, "contents": 500_000, "views": 1_000_000}
THEMES = ["parentalite", "accessibilite", "donnees", "mobilites", "jeux_videos", "numerique_en_sante"]

# Each statement fills one table from generate_series; %(name)s are the counts.
GENERATE = [
    """INSERT INTO users (id, slug, first_name, last_name, email, email_verified, is_public, created,
                          role, description, department)
       SELECT md5('user' || n)::uuid, 'personne-' || n, 'Prénom' || n, 'Nom' || n, 'personne' || n || '@exemple.fr',
              now(), n %% 3 <> 0, now() - (n || ' minutes')::interval,
              CASE WHEN n %% 1000 = 0 THEN 'admin' ELSE 'user' END, 'Médiateur numérique à ' || n,
              lpad((1 + n %% 95)::text, 2, '0')
       FROM generate_series(1, %(users)s) n""",
    """INSERT INTO bases (id, title, slug, description, created_by_id, is_public, email, created)
       SELECT md5('base' || n)::uuid, 'Base ' || n, 'base-' || n, '<p>La base numéro ' || n || '</p>',
              md5('user' || (1 + n %% %(users)s))::uuid, n %% 5 <> 0, 'base' || n || '@exemple.fr', now()
       FROM generate_series(1, %(bases)s) n""",
    """INSERT INTO base_members (id, member_id, base_id, is_admin, accepted)
       SELECT md5('member' || n || '-' || m)::uuid, md5('user' || (1 + (n * 7 + m) %% %(users)s))::uuid,
              md5('base' || n)::uuid, m = 0, now()
       FROM generate_series(1, %(bases)s) n, generate_series(0, 4) m
       ON CONFLICT DO NOTHING""",
    """INSERT INTO resources (id, title, slug, description, created_by_id, base_id, published, last_published,
                              is_public, themes, resource_types, beneficiaries, professional_sectors,
                              created, updated, deleted, views_count)
       SELECT md5('resource' || n)::uuid, 'Atelier numérique ' || n, 'ressource-' || n,
              'Une fiche pratique pour animer un atelier, numéro ' || n,
              md5('user' || (1 + n %% %(users)s))::uuid,
              CASE WHEN n %% 2 = 0 THEN md5('base' || (1 + n %% %(bases)s))::uuid END,
              CASE WHEN n %% 10 <> 9 THEN now() - interval '30 days' END,
              CASE WHEN n %% 10 <> 9 THEN now() - interval '30 days' END,
              CASE WHEN n %% 10 = 9 THEN NULL ELSE n %% 10 <> 8 END,
              ARRAY[(%(themes)s::text[])[1 + n %% 6]], ARRAY['article'], ARRAY['adultes'],
              ARRAY['aidants_et_mediateurs_numeriques'], now() - interval '40 days', now() - interval '30 days',
              CASE WHEN n %% 20 = 7 THEN now() END, n %% 50
       FROM generate_series(1, %(resources)s) n""",
    """INSERT INTO contents (id, "order", resource_id, type, title, text, url, show_preview)
       SELECT md5('content' || n || '-' || c)::uuid, c, md5('resource' || n)::uuid,
              (ARRAY['section_title', 'text', 'text', 'link', 'text'])[1 + c %% 5],
              CASE WHEN c %% 5 = 0 THEN 'Étape ' || c WHEN c %% 5 = 3 THEN 'Un lien utile' END,
              CASE WHEN c %% 5 IN (1, 2, 4) THEN '<p>Paragraphe <strong>' || c || '</strong> de la ressource '
                   || n || ' avec <a href="https://exemple.fr/' || n || '">un lien</a>.</p>' END,
              CASE WHEN c %% 5 = 3 THEN 'https://exemple.fr/page/' || n END,
              CASE WHEN c %% 5 = 3 THEN false END
       FROM generate_series(1, %(resources)s) n, generate_series(0, %(contents_per_resource)s - 1) c""",
    """INSERT INTO resource_views (id, hash, resource_id, timestamp)
       SELECT md5('view' || n)::uuid, md5('hash' || (n %% 100000)), md5('resource' || (1 + n %% %(resources)s))::uuid,
              now() - ((n %% 365) || ' days')::interval
       FROM generate_series(1, %(views)s) n""",
]


def generate(counts: dict) -> float:
    import psycopg

    from cms.embedded_db import ensure_running

    started = time.perf_counter()
    params = {**ensure_running(SOURCE_DATABASE), "dbname": SOURCE_DATABASE}
    with psycopg.connect(autocommit=True, **params) as connection:
        connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        connection.execute(SCHEMA.read_text())
        for statement in GENERATE:
            connection.execute(statement, counts)
        connection.execute("ANALYZE")
    return time.perf_counter() - started


def source_url() -> str:
    from cms.embedded_db import ensure_running

    params = ensure_running(SOURCE_DATABASE)
    return f"postgresql://{params['user']}@/{SOURCE_DATABASE}?host={params['host']}&port={params['port']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="a fraction of the full size (default 1)")
    parser.add_argument("--no-generate", action="store_true", help="reuse the source generated last time")
    args = parser.parse_args()
    counts = {name: max(int(count * args.scale), 1) for name, count in FULL.items()}
    counts["bases"] = max(counts["resources"] // 100, 1)
    counts["contents_per_resource"] = FULL["contents"] // FULL["resources"]
    counts["contents"] = counts["resources"] * counts["contents_per_resource"]
    counts["themes"] = THEMES

    import django

    django.setup()
    if not args.no_generate:
        print(f"Génération de La Base : {', '.join(f'{counts[k]} {k}' for k in FULL)} …", flush=True)
        print(f"  {generate(counts):.1f} s", flush=True)
    use_bench_database(TARGET_DATABASE, fresh=True)
    from django.core.management import call_command

    from home.bootstrap import bootstrap_site
    from labase.importer.media import MediaStore
    from labase.importer.run import run

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    bootstrap_site()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Mémoire du processus avant l'import (migrations comprises) : {before:.0f} Mo")
    for attempt in ("premier import", "second import (rien de changé)"):
        started = time.perf_counter()
        context = run(source_url(), MediaStore(), log=lambda line: print(f"  {line}", flush=True))
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{attempt} : {elapsed:.1f} s, mémoire maximale du processus {peak:.0f} Mo")
        for line in context.report.lines():
            print(f"    {line}")


if __name__ == "__main__":
    main()
