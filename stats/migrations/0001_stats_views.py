"""The ``stats`` schema: SQL views exposing what statistics need and nothing personal.

Metabase reads these views only (``manage.py metabase_role``). A view runs with its owner's rights,
so the read-only role needs no privilege on the tables behind it. Dates of the ``day`` columns are
French dates (Europe/Paris, the project's TIME_ZONE).

Changing a model column that a view uses needs a new stats migration: Django drops a column with
CASCADE, which silently drops the views using it (tests/stats/test_stats_views.py then fails), and
PostgreSQL refuses to change the type of a column a view uses.
"""

from django.db import migrations

# A page's creation: its first revision, or its first publication for pages made without one.
CREATED_AT = """
    COALESCE(
        (
            SELECT min(revision.created_at)
            FROM wagtailcore_revision AS revision
            WHERE revision.object_id = page.id::text
              AND revision.base_content_type_id = (
                  SELECT id FROM django_content_type WHERE app_label = 'wagtailcore' AND model = 'page'
              )
        ),
        page.first_published_at
    )
"""

# Whether a view restriction (to groups, to signed-in users, or by password) hides the page: one on
# the page or on one of its ancestors, whose paths are the prefixes of its own (4 characters a level).
IS_RESTRICTED = """
    EXISTS (
        SELECT 1
        FROM wagtailcore_page AS ancestor
        JOIN wagtailcore_pageviewrestriction AS restriction ON restriction.page_id = ancestor.id
        WHERE ancestor.path = ANY (ARRAY(SELECT left(page.path, 4 * level) FROM generate_series(1, page.depth) AS level))
    )
"""

CREATE_VIEWS = f"""
CREATE SCHEMA stats;
COMMENT ON SCHEMA stats IS 'Statistiques sans données personnelles, lues par Metabase (lecture seule).';

CREATE VIEW stats.resources AS
SELECT
    page.id AS resource_id,
    {CREATED_AT} AS created_at,
    page.first_published_at,
    page.last_published_at,
    page.latest_revision_created_at AS updated_at,
    page.live,
    (
        SELECT base.page_ptr_id
        FROM wagtailcore_page AS parent
        JOIN bases_basepage AS base ON base.page_ptr_id = parent.id
        WHERE parent.path = left(page.path, length(page.path) - 4)
    ) AS base_id,
    resource.is_public,
    {IS_RESTRICTED} AS is_restricted,
    resource.themes,
    resource.resource_types,
    resource.beneficiaries,
    resource.professional_sectors,
    resource.views_count,
    (SELECT count(*) FROM resources_collectionitem AS item WHERE item.resource_id = page.id) AS saves_count
FROM resources_resourcepage AS resource
JOIN wagtailcore_page AS page ON page.id = resource.page_ptr_id;

CREATE VIEW stats.bases AS
SELECT
    page.id AS base_id,
    {CREATED_AT} AS created_at,
    page.first_published_at,
    page.last_published_at,
    page.latest_revision_created_at AS updated_at,
    page.live,
    NULLIF(base.department, '') AS department,
    base.is_public,
    {IS_RESTRICTED} AS is_restricted
FROM bases_basepage AS base
JOIN wagtailcore_page AS page ON page.id = base.page_ptr_id;

CREATE VIEW stats.users AS
SELECT
    account.id AS user_id,
    account.date_joined,
    account.last_login,
    NULLIF(account.department, '') AS department,
    account.is_active,
    account.is_public
FROM accounts_user AS account;

CREATE VIEW stats.resource_views_daily AS
SELECT
    (visit.viewed_at AT TIME ZONE 'Europe/Paris')::date AS day,
    visit.resource_id,
    count(*) AS views
FROM resources_resourceview AS visit
GROUP BY 1, 2;

CREATE VIEW stats.collection_saves AS
SELECT
    item.added_at AS saved_at,
    (item.added_at AT TIME ZONE 'Europe/Paris')::date AS day,
    item.resource_id,
    collection.is_public AS collection_is_public
FROM resources_collectionitem AS item
JOIN resources_collection AS collection ON collection.id = item.collection_id;

CREATE VIEW stats.ratings AS
SELECT
    rating.created_at AS rated_at,
    (rating.created_at AT TIME ZONE 'Europe/Paris')::date AS day,
    rating.updated_at,
    rating.resource_id,
    rating.value
FROM resources_rating AS rating;
"""

DROP_VIEWS = """
DROP VIEW stats.ratings;
DROP VIEW stats.collection_saves;
DROP VIEW stats.resource_views_daily;
DROP VIEW stats.users;
DROP VIEW stats.bases;
DROP VIEW stats.resources;
DROP SCHEMA stats;
"""


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("accounts", "0005_community"),
        ("bases", "0003_community"),
        ("resources", "0005_community"),
    ]

    operations = [migrations.RunSQL(CREATE_VIEWS, reverse_sql=DROP_VIEWS)]
