import django.db.models.deletion
from django.db import migrations, models

# The ranks of the frequent words (search/word_ranks.py), kept by triggers on modelsearch's index
# entries: whatever writes the index (a save, ``update_index``, a bulk import) updates them in the same
# transaction, which modelsearch has no hook for. The rank is modelsearch's formula for a search of the
# word alone (search/ranking.py): the title's rank weighted by ``title_norm``, plus the body's.
# One trigger per event, each reading the statement's rows at once. The object ids are cast only for
# the content types that have frequent words (the ranked models, whose ids are integers).
KEEP_RANKS = """
CREATE FUNCTION search_frequent_word_ranks(entry wagtailsearch_indexentry)
RETURNS TABLE (word text, rank double precision) LANGUAGE sql STABLE AS $$
    SELECT frequent.word,
        ts_rank(frequent.weights::float4[], entry.title, query) * entry.title_norm
        + ts_rank(frequent.weights::float4[], entry.body, query)
    FROM search_frequentword AS frequent, to_tsquery('simple', quote_literal(frequent.word)) AS query
    WHERE frequent.content_type_id = entry.content_type_id AND (entry.title || entry.body) @@ query
$$;
CREATE FUNCTION search_keep_word_ranks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        WITH written AS MATERIALIZED (
            SELECT entry.content_type_id, entry.object_id
            FROM old_entries AS entry
            WHERE entry.content_type_id IN (SELECT content_type_id FROM search_frequentword)
        )
        DELETE FROM search_wordrank AS kept
        USING written
        WHERE kept.content_type_id = written.content_type_id AND kept.object_pk = written.object_id::integer;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_wordrank (content_type_id, object_pk, word, rank)
        SELECT entry.content_type_id, entry.object_id::integer, ranked.word, ranked.rank
        FROM new_entries AS entry, search_frequent_word_ranks(entry) AS ranked;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_keep_inserted_word_ranks AFTER INSERT ON wagtailsearch_indexentry
    REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION search_keep_word_ranks();
CREATE TRIGGER search_keep_updated_word_ranks AFTER UPDATE ON wagtailsearch_indexentry
    REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION search_keep_word_ranks();
CREATE TRIGGER search_keep_deleted_word_ranks AFTER DELETE ON wagtailsearch_indexentry
    REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION search_keep_word_ranks();
"""
FORGET_RANKS = """
DROP TRIGGER search_keep_deleted_word_ranks ON wagtailsearch_indexentry;
DROP TRIGGER search_keep_updated_word_ranks ON wagtailsearch_indexentry;
DROP TRIGGER search_keep_inserted_word_ranks ON wagtailsearch_indexentry;
DROP FUNCTION search_keep_word_ranks();
DROP FUNCTION search_frequent_word_ranks(wagtailsearch_indexentry);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0008_page_not_live_index'),
        ('wagtailsearch', '0010_add_text_fields'),
    ]

    operations = [
        migrations.CreateModel(
            name='FrequentWord',
            fields=[
                ('pk', models.CompositePrimaryKey('content_type', 'word', blank=True, editable=False, primary_key=True, serialize=False)),
                ('word', models.TextField(verbose_name='mot')),
                ('weights', models.TextField(verbose_name='poids')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'mot fréquent',
                'verbose_name_plural': 'mots fréquents',
            },
        ),
        migrations.CreateModel(
            name='WordRank',
            fields=[
                ('pk', models.CompositePrimaryKey('content_type', 'object_pk', 'word', blank=True, editable=False, primary_key=True, serialize=False)),
                ('object_pk', models.IntegerField(verbose_name="identifiant de l'objet")),
                ('word', models.TextField(verbose_name='mot')),
                ('rank', models.FloatField(verbose_name='rang')),
                ('content_type', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': "rang d'un mot fréquent",
                'verbose_name_plural': 'rangs des mots fréquents',
                'indexes': [models.Index(models.F('word'), models.F('content_type'), models.OrderBy(models.F('rank'), descending=True), models.OrderBy(models.F('object_pk'), descending=True), name='search_word_rank_order')],
            },
        ),
        migrations.RunSQL(KEEP_RANKS, FORGET_RANKS),
    ]
