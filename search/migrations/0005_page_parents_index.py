from django.db import migrations

# cms/visibility.py looks up the subtrees of the restricted pages that have children: without this
# index PostgreSQL found those among all pages by a sequential scan (25 ms at 100k pages, on every
# listing and search). A partial index holds the few parents (the tree's index pages and bases), with
# their paths for an index-only scan. SQL because the table belongs to Wagtail.
CREATE = """
CREATE INDEX IF NOT EXISTS search_page_parents
    ON wagtailcore_page (id) INCLUDE (path) WHERE numchild > 0;
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0004_indexentry_title_body_gin"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunSQL(CREATE, "DROP INDEX search_page_parents;")]
