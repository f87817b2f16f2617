from django.db import migrations


class Migration(migrations.Migration):
    """Profile follows now belong to the community app, which keeps their table: only Django's view of
    the model changes here (community/migrations/0001)."""

    dependencies = [("accounts", "0005_community")]

    operations = [migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ProfileFollow")])]
