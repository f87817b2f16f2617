"""Facet counts: how many results each filter option would give, in one SQL query per tab.

Counts are disjunctive: the counts of a filter ignore that filter's own selection (choosing a second
theme widens the results) but apply the other filters and the query, as the results page does.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import connection

from cms.private_api import sql_of
from search.params import FILTERS


def facet_counts(matched, selected: dict[str, list[str]], parameters: list[str]) -> dict[str, dict[str, int]]:
    """``{parameter: {key: count}}`` for the filter ``parameters`` over ``matched`` (what the viewer may
    read that the query matches, before these filters: search.results.matched); ``selected`` is the
    current selection.

    Raw SQL because the ORM cannot group rows by the elements of an array (``unnest``) nor count each
    group under a different condition (``count(*) FILTER``). One row per (parameter, key) found."""
    model = matched.model
    options, conditions, condition_params = [], [], []
    for parameter in parameters:
        field = model._meta.get_field(FILTERS[parameter][0])
        column = f'item."{field.column}"'
        is_array = isinstance(field, ArrayField)
        options.append(f"SELECT %s::text, {f'unnest({column})' if is_array else column}::text")
        if selected.get(parameter):
            # The other filters' selections apply; this filter's own does not.
            match = f"{column}::text[] && %s::text[]" if is_array else f"{column}::text = ANY(%s::text[])"
            conditions.append(f"(facet.parameter = %s OR {match})")
            condition_params += [parameter, selected[parameter]]
    ids_sql, ids_params = sql_of(matched.order_by().values("pk"))
    sql = (
        f"SELECT facet.parameter, facet.key, count(*) FILTER (WHERE {' AND '.join(conditions) or 'TRUE'}) "
        f'FROM "{model._meta.db_table}" AS item '
        f"CROSS JOIN LATERAL ({' UNION ALL '.join(options)}) AS facet(parameter, key) "
        f'WHERE item."{model._meta.pk.column}" IN ({ids_sql}) '
        "GROUP BY facet.parameter, facet.key"
    )
    counts = {parameter: {} for parameter in parameters}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*condition_params, *parameters, *ids_params])
        for parameter, key, count in cursor.fetchall():
            if key:
                counts[parameter][key] = count
    return counts
