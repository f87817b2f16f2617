from django.db import migrations

# modelsearch builds every tsvector and tsquery with SEARCH_CONFIG: a configuration that strips accents
# before the French stemmer makes "numerique" and "numérique" the same lexeme at no query-time cost.
# Django has no operation for text search configurations, hence SQL.
FRENCH_UNACCENT = """
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""

# What modelsearch's `enable_unaccent` command creates, kept in a migration so that every database has
# it: unaccent() is only STABLE, and Fuzzy(unaccent=True) needs an IMMUTABLE wrapper to be indexable.
F_UNACCENT = """
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$;
"""

# The trigram indexes of modelsearch's `enable_trigram` command, on the unaccented texts that
# Fuzzy(unaccent=True) compares.
TRIGRAM_INDEXES = """
CREATE INDEX IF NOT EXISTS modelsearch_title_text_unaccent_trgm
    ON wagtailsearch_indexentry USING gin (f_unaccent(title_text) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS modelsearch_body_text_unaccent_trgm
    ON wagtailsearch_indexentry USING gin (f_unaccent(body_text) gin_trgm_ops);
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0001_postgres_extensions"), ("wagtailsearch", "0010_add_text_fields")]
    operations = [
        migrations.RunSQL(FRENCH_UNACCENT, "DROP TEXT SEARCH CONFIGURATION french_unaccent;"),
        migrations.RunSQL(F_UNACCENT, "DROP FUNCTION f_unaccent(text);"),
        migrations.RunSQL(
            TRIGRAM_INDEXES,
            "DROP INDEX modelsearch_title_text_unaccent_trgm; DROP INDEX modelsearch_body_text_unaccent_trgm;",
        ),
    ]
