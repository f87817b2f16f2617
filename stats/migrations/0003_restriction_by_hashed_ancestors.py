"""Faster ``is_restricted`` in stats.resources and stats.bases, same columns and same answers.

0001 looked each ancestor path up in the page table for every row; at 100k resources that cost over
a second. Here the restricted paths are read once (an uncorrelated subquery PostgreSQL hashes), and
each row only probes its own path prefixes against that set. Views are also dated by French day:
an index on that expression lets the last days' views be read without scanning them all, and
stats.views_daily sums them per day for the totals.
"""

from importlib import import_module

from django.db import migrations

initial = import_module("stats.migrations.0001_stats_views")

IS_RESTRICTED = """
    EXISTS (
        SELECT 1
        FROM generate_series(1, page.depth) AS level
        WHERE left(page.path, 4 * level) IN (
            SELECT ancestor.path
            FROM wagtailcore_pageviewrestriction AS restriction
            JOIN wagtailcore_page AS ancestor ON ancestor.id = restriction.page_id
        )
    )
"""


def view_statements(sql: str, restricted: str) -> str:
    """The CREATE VIEW statements of stats.resources and stats.bases from 0001, as replacements."""
    statements = [part.strip() for part in sql.split(";")]
    wanted = [s for s in statements if s.startswith(("CREATE VIEW stats.resources ", "CREATE VIEW stats.bases "))]
    replaced = [s.replace("CREATE VIEW", "CREATE OR REPLACE VIEW") for s in wanted]
    return ";\n".join(replaced).replace(initial.IS_RESTRICTED, restricted) + ";"


# Views per day over all resources: what totals need, without grouping a million rows per resource first.
VIEWS_DAILY = """
CREATE VIEW stats.views_daily AS
SELECT (visit.viewed_at AT TIME ZONE 'Europe/Paris')::date AS day, count(*) AS views
FROM resources_resourceview AS visit
GROUP BY 1;
"""

DAY_INDEX = (
    "CREATE INDEX resource_view_paris_day ON resources_resourceview "
    "(((viewed_at AT TIME ZONE 'Europe/Paris')::date));"
)


class Migration(migrations.Migration):
    dependencies = [("stats", "0002_search_views")]

    operations = [
        migrations.RunSQL(
            view_statements(initial.CREATE_VIEWS, IS_RESTRICTED),
            reverse_sql=view_statements(initial.CREATE_VIEWS, initial.IS_RESTRICTED),
        ),
        migrations.RunSQL(DAY_INDEX, reverse_sql="DROP INDEX resource_view_paris_day;"),
        migrations.RunSQL(VIEWS_DAILY, reverse_sql="DROP VIEW stats.views_daily;"),
    ]
