import io

import pytest
from django.core.management import call_command
from django.db import connection

OUR_APPS = [
    "accounts",
    "notifications",
    "home",
    "resources",
    "bases",
    "community",
    "search",
    "stats",
    "labase",
]


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    # SystemExit (code 1) would mean makemigrations found something to write.
    call_command("makemigrations", *OUR_APPS, "--check", "--dry-run", stdout=io.StringIO())


@pytest.mark.django_db
def test_french_search_extensions_are_enabled():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
    assert {"unaccent", "pg_trgm"} <= extensions
