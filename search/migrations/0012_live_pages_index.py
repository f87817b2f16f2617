from django.db import migrations

# A listing with filters and no words (``search/results.py``, the resources tab and /ressources/) joins
# the matching resources to their pages for ``live`` and the date they are sorted by. Without this
# index PostgreSQL read every page by a sequential scan to hash them (12,109 of 100k resources: the
# slowest search); with it, each resource's page is an index-only lookup. SQL because the table
# belongs to Wagtail.
CREATE = (
    "CREATE INDEX IF NOT EXISTS search_live_pages ON wagtailcore_page (id) "
    "INCLUDE (first_published_at) WHERE live;"
)


class Migration(migrations.Migration):
    dependencies = [("search", "0011_drop_fuzzy_trigram_indexes"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunSQL(CREATE, "DROP INDEX search_live_pages;")]
