"""Facet counts: how many results each filter option would give, in one SQL query per tab.

Counts are disjunctive: the counts of a filter ignore that filter's own selection (choosing a second
theme widens the results) but apply the other filters and the query, as the results page does.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from modelsearch.backends.base import BaseSearchResults
from wagtail.search.backends import get_search_backend

from search.params import FILTERS
from search.ranking import Matching


def matched_ids(candidates, results):
    """The ids of ``candidates`` that the query of ``results`` matches, the same way (exact or typo
    fallback), as a subquery; all of them when ``results`` is not a search.

    For bases and profiles, searched by modelsearch itself, which has no public way to get the matched
    queryset: ``query_compiler.search()`` is what its own ``facet()`` uses (private API, hence
    modelsearch pinned in pyproject.toml)."""
    results = getattr(results, "matches", results)
    if isinstance(results, Matching):
        return results.among(candidates).order_by().values("pk")
    if not isinstance(results, BaseSearchResults):
        return candidates.order_by().values("pk")
    backend = get_search_backend()
    compiler = backend.search(
        results.query_compiler.query, candidates, order_by_relevance=False
    ).query_compiler
    return compiler.search(compiler.get_config(backend), None, None, backend=backend).order_by().values("pk")


def facet_counts(candidates, results, selected: dict[str, list[str]], parameters: list[str]):
    """``{parameter: {key: count}}`` for the filter ``parameters`` over ``candidates`` (what the viewer
    may read, without these filters) matched like ``results``; ``selected`` is the current selection.

    Raw SQL because the ORM cannot group rows by the elements of an array (``unnest``) nor count each
    group under a different condition (``count(*) FILTER``). One row per (parameter, key) found."""
    model = candidates.model
    quote = connection.ops.quote_name
    options, conditions, condition_params = [], [], []
    for parameter in parameters:
        field = model._meta.get_field(FILTERS[parameter][0])
        column = f"item.{quote(field.column)}"
        is_array = isinstance(field, ArrayField)
        options.append(f"SELECT %s::text, {f'unnest({column})' if is_array else column}::text")
        if selected.get(parameter):
            # The other filters' selections apply; this filter's own does not.
            match = f"{column}::text[] && %s::text[]" if is_array else f"{column}::text = ANY(%s::text[])"
            conditions.append(f"(facet.parameter = %s OR {match})")
            condition_params += [parameter, selected[parameter]]
    ids_sql, ids_params = matched_ids(candidates, results).query.sql_with_params()
    sql = (
        f"SELECT facet.parameter, facet.key, count(*) FILTER (WHERE {' AND '.join(conditions) or 'TRUE'}) "
        f"FROM {quote(model._meta.db_table)} AS item "
        f"CROSS JOIN LATERAL ({' UNION ALL '.join(options)}) AS facet(parameter, key) "
        f"WHERE item.{quote(model._meta.pk.column)} IN ({ids_sql}) "
        "GROUP BY facet.parameter, facet.key"
    )
    counts = {parameter: {} for parameter in parameters}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*condition_params, *parameters, *ids_params])
        for parameter, key, count in cursor.fetchall():
            if key:
                counts[parameter][key] = count
    return counts
