from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Accent-insensitive (unaccent) and typo-tolerant (pg_trgm) matching for French search."""

    initial = True
    dependencies = []
    operations = [UnaccentExtension(), TrigramExtension()]
