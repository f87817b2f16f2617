from django.db import migrations


class Migration(migrations.Migration):
    """Collections now belong to the community app, which keeps their tables: only Django's view of the
    models changes here (community/migrations/0001)."""

    dependencies = [
        ("resources", "0010_contributors_add_only"),
        ("bases", "0006_community_models_move_to_community"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CollectionItem"),
                migrations.DeleteModel(name="Collection"),
            ]
        )
    ]
