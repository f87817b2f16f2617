import importlib

from django.db import migrations

# Nothing searches with modelsearch's Fuzzy any more (typos of every tab are corrected against the
# index's vocabulary, search/matching.py): the unaccented trigram indexes of its texts, and the
# unaccent wrapper they were built on, only slowed every index write down.
DROP = """
DROP INDEX IF EXISTS modelsearch_title_text_unaccent_trgm;
DROP INDEX IF EXISTS modelsearch_body_text_unaccent_trgm;
DROP FUNCTION f_unaccent(text);
"""
FRENCH_UNACCENT = importlib.import_module("search.migrations.0002_french_unaccent")


class Migration(migrations.Migration):
    dependencies = [("search", "0010_drop_results_version")]
    operations = [migrations.RunSQL(DROP, FRENCH_UNACCENT.F_UNACCENT + FRENCH_UNACCENT.TRIGRAM_INDEXES)]
