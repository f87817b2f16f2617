from django.db import migrations

# What search results are computed from, and who writes it: the index, pages and their restrictions,
# groups (members of private bases), taxonomy and publishers, and what the sorts count. A trigger per
# table moves the search_results_version sequence forward, whatever does the write (the admin, a
# command, a bulk import): search/results.py keys its cache with it. Statement-level: once per
# statement, not per row. Columns written at every visit or sign-in (views_count, last_login) are left
# out, or the cache would never hold.
# A sequence rather than a counter row: nextval() takes no lock, so writers never wait for each other
# (a row would be locked until each writing transaction ends, and could deadlock two publications),
# and it never gives a number twice, even after a rollback.
WATCHED_TABLES = [
    "wagtailsearch_indexentry",
    "wagtailcore_page",
    "wagtailcore_pageviewrestriction",
    "wagtailcore_pageviewrestriction_groups",
    "accounts_user_groups",
    "bases_basepage",
    "bases_membership",
    "bases_basefollow",
    "accounts_profilefollow",
    "resources_rating",
    "resources_collectionitem",
]
WATCHED_COLUMNS = {
    "resources_resourcepage": "description, themes, resource_types, beneficiaries, professional_sectors, is_public",
    "accounts_user": "first_name, last_name, is_active, is_public, is_superuser, department, slug, date_joined",
}


def trigger(table: str, columns: str = "") -> str:
    update = f"UPDATE OF {columns}" if columns else "UPDATE"
    return (
        f"CREATE TRIGGER search_results_changed AFTER INSERT OR {update} OR DELETE OR TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION search_results_changed();"
    )


CREATE = "\n".join(
    [
        """
        CREATE SEQUENCE search_results_version;
        CREATE FUNCTION search_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM nextval('search_results_version');
            RETURN NULL;
        END
        $$;
        """,
        *(trigger(table) for table in WATCHED_TABLES),
        *(trigger(table, columns) for table, columns in WATCHED_COLUMNS.items()),
    ]
)
DROP = "\n".join(
    [
        *(f"DROP TRIGGER search_results_changed ON {table};" for table in [*WATCHED_TABLES, *WATCHED_COLUMNS]),
        "DROP FUNCTION search_results_changed();",
        "DROP SEQUENCE search_results_version;",
    ]
)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_indexed_words"),
        ("accounts", "0005_community"),
        ("bases", "0004_featured_collections"),
        ("resources", "0007_collections_by_profiles_or_bases"),
    ]
    operations = [migrations.RunSQL(CREATE, DROP)]
