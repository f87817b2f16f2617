from django.db import migrations

# modelsearch matches `(title || body) @@ query`: the GIN indexes it creates, on each vector alone, cannot
# serve that expression, so every search read every index entry. An index on the very expression lets
# PostgreSQL start from the few matching entries. SQL because the table belongs to another app.
CREATE = """
CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin
    ON wagtailsearch_indexentry USING gin ((title || body));
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_log")]
    operations = [migrations.RunSQL(CREATE, "DROP INDEX search_indexentry_title_body_gin;")]
