"""Searches in the ``stats`` schema: when, where and how, never what was typed nor by whom.

``stats.searches`` keeps one row per search without its query text: only whether words were typed
(``has_words``) and whether the visitor was signed in (``signed_in``), never the user. The filters
are the keys selected for each URL parameter (``search.params.FILTERS``), one array column each.
"""

from django.db import migrations

# The keys selected for one URL parameter, as a text array (empty when the filter was not used).
FILTER_KEYS = (
    "ARRAY(SELECT jsonb_array_elements_text("
    "CASE WHEN jsonb_typeof(log.filters -> '{parameter}') = 'array' "
    "THEN log.filters -> '{parameter}' ELSE '[]'::jsonb END))"
)
FILTER_COLUMNS = {
    "themes": "thematiques",
    "resource_types": "types",
    "beneficiaries": "beneficiaires",
    "professional_sectors": "secteurs",
    "departments": "departements",
}

CREATE_VIEWS = f"""
CREATE VIEW stats.searches AS
SELECT
    log.created_at AS searched_at,
    (log.created_at AT TIME ZONE 'Europe/Paris')::date AS day,
    log.tab,
    NULLIF(log.sort, '') AS sort,
    log.page,
    log.result_count,
    log.duration_ms,
    log.user_id IS NOT NULL AS signed_in,
    btrim(log.query) <> '' AS has_words,
    {", ".join(f"{FILTER_KEYS.format(parameter=parameter)} AS {column}" for column, parameter in FILTER_COLUMNS.items())}
FROM search_searchlog AS log;

CREATE VIEW stats.searches_daily AS
SELECT
    (log.created_at AT TIME ZONE 'Europe/Paris')::date AS day,
    log.tab,
    count(*) AS searches,
    count(*) FILTER (WHERE btrim(log.query) <> '') AS searches_with_words,
    count(*) FILTER (WHERE log.filters <> '{{}}'::jsonb) AS searches_with_filters,
    count(*) FILTER (WHERE log.result_count = 0) AS searches_without_results,
    count(*) FILTER (WHERE log.user_id IS NOT NULL) AS searches_signed_in,
    round(avg(log.duration_ms))::integer AS average_duration_ms
FROM search_searchlog AS log
GROUP BY 1, 2;
"""

DROP_VIEWS = """
DROP VIEW stats.searches_daily;
DROP VIEW stats.searches;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_stats_views"),
        ("search", "0003_search_log"),
    ]

    operations = [migrations.RunSQL(CREATE_VIEWS, reverse_sql=DROP_VIEWS)]
