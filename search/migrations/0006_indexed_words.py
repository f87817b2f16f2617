import django.contrib.postgres.indexes
from django.db import migrations, models

# The words of modelsearch's index entries, kept in search_indexedword by a trigger: whatever writes the
# index (a save, `update_index`, a bulk import) records its new words in the same transaction, which
# modelsearch has no hook for. One trigger per event, each reading the statement's rows at once, so that
# a bulk update costs one insert. Words go in sorted order: two transactions adding the same new words
# then lock them in the same order and cannot deadlock.
RECORD_WORDS = """
CREATE FUNCTION search_record_indexed_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_indexedword (word)
    SELECT DISTINCT unnest(tsvector_to_array(coalesce(entry.title, '') || coalesce(entry.body, '')))
    FROM written_entries AS entry
    ORDER BY 1
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_record_inserted_words AFTER INSERT ON wagtailsearch_indexentry
    REFERENCING NEW TABLE AS written_entries FOR EACH STATEMENT EXECUTE FUNCTION search_record_indexed_words();
CREATE TRIGGER search_record_updated_words AFTER UPDATE ON wagtailsearch_indexentry
    REFERENCING NEW TABLE AS written_entries FOR EACH STATEMENT EXECUTE FUNCTION search_record_indexed_words();
INSERT INTO search_indexedword (word)
SELECT word FROM ts_stat('SELECT title || body FROM wagtailsearch_indexentry') ORDER BY 1;
"""
FORGET_WORDS = """
DROP TRIGGER search_record_updated_words ON wagtailsearch_indexentry;
DROP TRIGGER search_record_inserted_words ON wagtailsearch_indexentry;
DROP FUNCTION search_record_indexed_words();
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0005_page_parents_index"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False, verbose_name="mot")),
            ],
            options={
                "verbose_name": "mot indexé",
                "verbose_name_plural": "mots indexés",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["word"], name="search_word_trigrams", opclasses=["gin_trgm_ops"]
                    )
                ],
            },
        ),
        migrations.RunSQL(RECORD_WORDS, FORGET_WORDS),
    ]
