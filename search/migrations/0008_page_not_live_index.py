from django.db import migrations

# cms/visibility.py ``readable_ids`` excludes the pages that are not live from the matches of every
# resource search: without this index PostgreSQL found those few among all pages by a sequential scan
# (13 ms at 100k pages). SQL because the table belongs to Wagtail.
CREATE = "CREATE INDEX IF NOT EXISTS search_page_not_live ON wagtailcore_page (id) WHERE NOT live;"


class Migration(migrations.Migration):
    dependencies = [("search", "0007_results_version"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunSQL(CREATE, "DROP INDEX search_page_not_live;")]
