import importlib

from django.db import migrations

# The results cache is gone (docs/search.md: a new search meets its time budget, so a repeated one
# does too): its version sequence and the triggers that moved it on 13 tables of other apps go with it.
# CASCADE drops the triggers with their function wherever their tables have moved since.
DROP = """
DROP FUNCTION search_results_changed() CASCADE;
DROP SEQUENCE search_results_version;
"""
RESULTS_VERSION = importlib.import_module("search.migrations.0007_results_version")


class Migration(migrations.Migration):
    dependencies = [("search", "0009_word_ranks")]
    operations = [migrations.RunSQL(DROP, RESULTS_VERSION.CREATE)]
