"""modelsearch's index entries of many objects at once, as ``add_bulk`` leaves them, in a few statements.

``add_bulk`` reads every search field five times per object (once for each of the title, body and
autocomplete vectors and the two plain texts: a resource's body, its searchable text, five times) and
sends one vector expression per object. Here the texts and weights come from modelsearch's own
``ObjectIndexer.prepare_field`` (``cms.private_api.object_indexer``), read once per object; PostgreSQL
then builds the same vectors (``setweight(to_tsvector(config, text), weight)`` joined with ``||``) for
all the rows at once. Used by the La Base import (labase/importer/indexing.py) and the benchmarks'
generator (bench/generate.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from psycopg.types.json import Jsonb
from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField

from cms.private_api import object_indexer


def index_in_bulk(model, objects) -> None:
    """Index ``objects`` (of ``model``), replacing their entries if they have some."""
    if not objects:
        return
    backend = get_search_backend()
    rows = []
    for obj in objects:
        indexer = object_indexer(obj, backend)
        title, body, autocomplete = [], [], []
        for search_field in indexer.search_fields:
            for field, weight, value in indexer.prepare_field(obj, search_field):
                text = value.strip()
                if not text:
                    continue
                if isinstance(field, AutocompleteField):
                    autocomplete.append([text, weight])
                elif field.field_name == "title":
                    title.append([text, weight])
                else:
                    body.append([text, weight])
        rows.append((indexer.id, title, body, autocomplete))
    parts = {
        kind: max(len(row[column]) for row in rows)
        for column, kind in ((1, "title"), (2, "body"), (3, "autocomplete"))
    }
    content_type = ContentType.objects.get_for_model(model)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE bulk_index_texts (object_id text, title jsonb, body jsonb, autocomplete jsonb)"
        )
        with cursor.cursor.copy("COPY bulk_index_texts FROM STDIN") as copy:
            for object_id, title, body, autocomplete in rows:
                copy.write_row((object_id, Jsonb(title), Jsonb(body), Jsonb(autocomplete)))
        cursor.execute(
            _index_entries_sql(parts),
            {
                "content_type": content_type.pk,
                "config": backend.config,
                "autocomplete": backend.autocomplete_config,
            },
        )
        cursor.execute("DROP TABLE bulk_index_texts")


def _vector(column: str, parts: int, config: str) -> str:
    """``setweight(to_tsvector(...), weight) || ...`` over the [text, weight] pairs of ``column``, as
    modelsearch's ``ObjectIndexer.as_vector`` writes it (a missing pair adds nothing)."""
    return " || ".join(
        f"coalesce(setweight(to_tsvector({config}::regconfig, {column}->{n}->>0), "
        f"({column}->{n}->>1)::\"char\"), ''::tsvector)"
        for n in range(max(parts, 1))
    )


def _index_entries_sql(parts: dict[str, int]) -> str:
    """The entries, vectors first in a temporary table, then inserted (or replacing the objects' earlier
    ones, as ``add_bulk`` does) with their ``title_norm``: the average title length over this title's,
    as modelsearch's ``_refresh_title_norms`` computes it after each insert, here in the same
    statement (a second pass over GIN-indexed entries would cost minutes at 100k rows)."""
    return f"""
    CREATE TEMPORARY TABLE bulk_index_entries AS
    SELECT object_id,
        {_vector("title", parts["title"], "%(config)s")} AS title,
        {_vector("body", parts["body"], "%(config)s")} AS body,
        {_vector("autocomplete", parts["autocomplete"], "%(autocomplete)s")} AS autocomplete,
        (SELECT coalesce(string_agg(part->>0, ' '), '') FROM jsonb_array_elements(title) part) AS title_text,
        (SELECT coalesce(string_agg(part->>0, ' '), '') FROM jsonb_array_elements(body) part) AS body_text
    FROM bulk_index_texts;

    WITH lengths AS (
        SELECT length(title) AS length FROM wagtailsearch_indexentry
        WHERE length(title) > 0 AND NOT (
            content_type_id = %(content_type)s AND object_id IN (SELECT object_id FROM bulk_index_entries)
        )
        UNION ALL
        SELECT length(title) FROM bulk_index_entries WHERE length(title) > 0
    )
    INSERT INTO wagtailsearch_indexentry
        (content_type_id, object_id, title, body, autocomplete, title_norm, title_text, body_text)
    SELECT %(content_type)s, object_id, title, body, autocomplete,
        CASE WHEN length(title) > 0 THEN (SELECT avg(length) FROM lengths) / length(title) ELSE 1.0 END,
        title_text, body_text
    FROM bulk_index_entries
    ON CONFLICT (content_type_id, object_id) DO UPDATE SET
        title = EXCLUDED.title, body = EXCLUDED.body, autocomplete = EXCLUDED.autocomplete,
        title_norm = EXCLUDED.title_norm, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text;

    DROP TABLE bulk_index_entries;
    """
