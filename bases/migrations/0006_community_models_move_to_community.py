from django.db import migrations


class Migration(migrations.Migration):
    """The follows and featured collections of bases now belong to the community app, which keeps their
    tables: only Django's view of the models changes here (community/migrations/0001)."""

    dependencies = [("bases", "0005_media_collections")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="BaseFeaturedCollection"),
                migrations.DeleteModel(name="BaseFollow"),
            ]
        )
    ]
