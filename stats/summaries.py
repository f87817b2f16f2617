"""The materialized views /statistiques/ reads (stats migration 0004), and their refresh.

They summarise the stats views per French day; ``manage.py refresh_stats`` runs :func:`refresh`
(cron every 10 minutes, release phase, demo loading), so the page's figures are at most that old.
"""

from django.db import connection, transaction

from stats.schema import SCHEMA, SUMMARIES


def refresh() -> list[str]:
    """Refresh every summary in one transaction (readers see all the new figures or none) and
    return how each was refreshed. CONCURRENTLY keeps them readable meanwhile; it needs a summary
    that already holds data, which one created or restored WITH NO DATA does not."""
    done = []
    with transaction.atomic(), connection.cursor() as cursor:
        for name in SUMMARIES:  # the refresh date last
            relation = f"{SCHEMA}.{name}"
            cursor.execute("SELECT relispopulated FROM pg_class WHERE oid = %s::regclass", [relation])
            (populated,) = cursor.fetchone()
            how = "CONCURRENTLY " if populated else ""
            cursor.execute(f"REFRESH MATERIALIZED VIEW {how}{relation}")
            done.append(f"{relation}{' (concurrently)' if populated else ''}")
    return done


def refreshed_at():
    """When the summaries were last refreshed (an aware datetime)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT refreshed_at FROM {SCHEMA}.summaries_refreshed")
        row = cursor.fetchone()
    return row[0] if row else None
