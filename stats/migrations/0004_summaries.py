"""Summaries of the stats views for /statistiques/: materialized views refreshed by ``refresh_stats``.

At 100k resources and 1M views, reading the views on every cold render of the page took over a
second (per-day grouping of every view, the creation date and restriction of every resource). These
materialized views hold what the page reads, per French day, so that each of its figures is a small
sum. They read the stats views (same definitions, same public/private split) and are refreshed by
``manage.py refresh_stats`` (cron every 10 minutes, release phase); the views themselves stay
real-time for Metabase.

- ``stats.activity_daily``: per activity and day, the public and private amounts (views, searches
  and collection saves are all public: activity totals that reveal nothing about a private item);
- ``stats.taxonomy_daily``: per first-publication day, the public published resources counted per
  taxonomy key (``facet`` is the stats.resources column, ``key`` one of its values);
- ``stats.summaries_refreshed``: when the summaries were last refreshed, in one row.

Each has a unique index over plain columns so that it can be refreshed CONCURRENTLY (readers are
never blocked). A migration that drops a stats view they read must drop them first (PostgreSQL
refuses otherwise) and create them again.
"""

from django.db import migrations

PARIS_DAY = "({column} AT TIME ZONE 'Europe/Paris')::date"

# What the page read from the stats views before this migration, one row per event or per day, as
# (activity, day, public amount, private amount).
ACTIVITIES = {
    "views": "SELECT day, views, 0 FROM stats.views_daily",
    "searches": "SELECT day, searches, 0 FROM stats.searches_daily",
    "saves": "SELECT day, 1, 0 FROM stats.collection_saves",
    "resources": (
        f"SELECT {PARIS_DAY.format(column='created_at')}, (NOT is_restricted)::int, is_restricted::int "
        "FROM stats.resources WHERE live"
    ),
    "bases": (
        f"SELECT {PARIS_DAY.format(column='created_at')}, (NOT is_restricted)::int, is_restricted::int "
        "FROM stats.bases WHERE live"
    ),
    "profiles": (
        f"SELECT {PARIS_DAY.format(column='date_joined')}, is_public::int, (NOT is_public)::int "
        "FROM stats.users WHERE is_active"
    ),
}

FACETS = ("themes", "resource_types", "professional_sectors", "beneficiaries")

ACTIVITY_DAILY = f"""
CREATE MATERIALIZED VIEW stats.activity_daily AS
SELECT activity, day, sum(public)::bigint AS public, sum(private)::bigint AS private
FROM (
    {" UNION ALL ".join(f"SELECT '{activity}', * FROM ({sql}) AS source" for activity, sql in ACTIVITIES.items())}
) AS events (activity, day, public, private)
WHERE day IS NOT NULL
GROUP BY activity, day;

CREATE UNIQUE INDEX activity_daily_activity_day ON stats.activity_daily (activity, day);
COMMENT ON MATERIALIZED VIEW stats.activity_daily IS
    'Activité par jour (heure de Paris), publique et privée ; mise à jour par manage.py refresh_stats.';
"""

# A live resource without a first publication date (made live without publishing) has a NULL day:
# it counts in "all time" only, as it did when the page read stats.resources.
TAXONOMY_DAILY = f"""
CREATE MATERIALIZED VIEW stats.taxonomy_daily AS
SELECT {PARIS_DAY.format(column="resource.first_published_at")} AS day, facet, key, count(*) AS resources
FROM stats.resources AS resource
CROSS JOIN LATERAL (
    {" UNION ALL ".join(f"SELECT '{facet}', unnest(resource.{facet})" for facet in FACETS)}
) AS keys (facet, key)
WHERE resource.live AND NOT resource.is_restricted
GROUP BY 1, 2, 3;

CREATE UNIQUE INDEX taxonomy_daily_day_facet_key ON stats.taxonomy_daily (day, facet, key) NULLS NOT DISTINCT;
COMMENT ON MATERIALIZED VIEW stats.taxonomy_daily IS
    'Ressources publiques publiées par jour de première publication et par valeur de taxonomie ; '
    'mise à jour par manage.py refresh_stats.';
"""

SUMMARIES_REFRESHED = """
CREATE MATERIALIZED VIEW stats.summaries_refreshed AS SELECT now() AS refreshed_at;

CREATE UNIQUE INDEX summaries_refreshed_at ON stats.summaries_refreshed (refreshed_at);
COMMENT ON MATERIALIZED VIEW stats.summaries_refreshed IS
    'Date de la dernière mise à jour des résumés (manage.py refresh_stats).';
"""


class Migration(migrations.Migration):
    dependencies = [("stats", "0003_restriction_by_hashed_ancestors")]

    operations = [
        migrations.RunSQL(ACTIVITY_DAILY, reverse_sql="DROP MATERIALIZED VIEW stats.activity_daily;"),
        migrations.RunSQL(TAXONOMY_DAILY, reverse_sql="DROP MATERIALIZED VIEW stats.taxonomy_daily;"),
        migrations.RunSQL(
            SUMMARIES_REFRESHED, reverse_sql="DROP MATERIALIZED VIEW stats.summaries_refreshed;"
        ),
    ]
