"""The stats schema: every view and summary answers, with the columns of the contract and the right
figures."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from community.models import Collection, CollectionItem
from resources.models import Rating, ResourcePage, ResourceView
from stats.schema import RELATIONS, SCHEMA, SUMMARIES, VIEWS
from tests import factories


def columns_in_database() -> dict[str, tuple[str, ...]]:
    """The columns of the schema's views and materialized views (information_schema omits the latter)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relation.relname, attribute.attname FROM pg_class AS relation "
            "JOIN pg_attribute AS attribute ON attribute.attrelid = relation.oid "
            "WHERE relation.relnamespace = %s::regnamespace AND relation.relkind IN ('v', 'm') "
            "AND attribute.attnum > 0 AND NOT attribute.attisdropped "
            "ORDER BY relation.relname, attribute.attnum",
            [SCHEMA],
        )
        found: dict[str, tuple[str, ...]] = {}
        for table, column in cursor.fetchall():
            found[table] = (*found.get(table, ()), column)
        return found


@pytest.mark.django_db
def test_the_views_have_the_columns_of_the_contract():
    # A view that lost a column, or was dropped with a model column (Django drops columns with
    # CASCADE), shows here: a model change used by a view needs a stats migration.
    assert columns_in_database() == dict(RELATIONS)


@pytest.mark.django_db
def test_the_stats_schema_holds_views_summaries_and_their_unique_indexes_only():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relkind FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind <> 'i'",
            [SCHEMA],
        )
        kinds = dict(cursor.fetchall())
        cursor.execute(
            "SELECT index.indrelid::regclass::text, index.indisunique FROM pg_index AS index "
            "JOIN pg_class AS relation ON relation.oid = index.indexrelid "
            "WHERE relation.relnamespace = %s::regnamespace",
            [SCHEMA],
        )
        indexes = cursor.fetchall()
    assert kinds == {**dict.fromkeys(VIEWS, "v"), **dict.fromkeys(SUMMARIES, "m")}
    # One unique index per summary: what REFRESH MATERIALIZED VIEW CONCURRENTLY needs.
    assert sorted(indexes) == sorted((f"{SCHEMA}.{name}", True) for name in SUMMARIES)


@pytest.mark.django_db
@pytest.mark.parametrize("view", sorted(RELATIONS))
def test_every_view_is_queryable(view, team, refresh_stats):
    refresh_stats()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {SCHEMA}.{view}")
        assert [column.name for column in cursor.description] == list(RELATIONS[view])


@pytest.fixture(scope="module")
def community(module_team):
    """Team resources, one personal private resource and one draft, with views, saves and ratings."""
    public = module_team["resources"]["public"]
    in_private_base = module_team["resources"]["private"]
    personal_private = factories.resource(owner=module_team["member"], is_public=False)
    draft = factories.resource(owner=module_team["admin"], publish=False)
    # 1 March 2026 in UTC: 22:30 is 23:30 in Paris, 23:30 is already 2 March there.
    for hour, visits in ((22, 2), (23, 3)):
        for number in range(visits):
            ResourceView.objects.create(
                resource=public,
                visit_hash=f"visit-{hour}-{number}",
                viewed_at=datetime(2026, 3, 1, hour, 30, tzinfo=UTC),
            )
    public_list = Collection.objects.create(owner=module_team["member"], title="Ateliers", is_public=True)
    favorites = Collection.objects.create(owner=module_team["admin"], title="Mes favoris", is_favorites=True)
    CollectionItem.objects.create(collection=public_list, resource=public)
    CollectionItem.objects.create(collection=favorites, resource=public)
    CollectionItem.objects.create(collection=favorites, resource=in_private_base)
    Rating.objects.create(resource=public, user=module_team["member"], value=4, comment="Très utile")
    return {
        "public": public,
        "in_private_base": in_private_base,
        "personal_private": personal_private,
        "draft": draft,
        **module_team,
    }


def test_resources_carry_their_base_visibility_and_counts(community, view_rows):
    by_id = {row["resource_id"]: row for row in view_rows("resources")}
    public = by_id[community["public"].pk]
    assert public["base_id"] == community["bases"]["public"].pk
    assert (public["live"], public["is_public"], public["is_restricted"]) == (True, True, False)
    assert public["saves_count"] == 2
    assert public["themes"] == ["parentalite", "navigation-sur-internet"]
    assert public["professional_sectors"] == ["aidants-et-mediateurs-numeriques"]
    assert public["created_at"] <= public["first_published_at"]

    in_private_base = by_id[community["in_private_base"].pk]
    assert in_private_base["base_id"] == community["bases"]["private"].pk
    assert in_private_base["is_restricted"] is True
    assert in_private_base["saves_count"] == 1

    personal = by_id[community["personal_private"].pk]
    assert personal["base_id"] is None
    assert (personal["is_public"], personal["is_restricted"]) == (False, True)

    draft = by_id[community["draft"].pk]
    assert (draft["live"], draft["first_published_at"]) == (False, None)
    assert draft["created_at"] is not None


def test_bases_carry_their_department_and_visibility(community, view_rows):
    rhone = factories.base(title="Base du Rhône", department="69")
    by_id = {row["base_id"]: row for row in view_rows("bases")}
    public, private = community["bases"]["public"], community["bases"]["private"]
    assert (by_id[public.pk]["is_public"], by_id[public.pk]["is_restricted"]) == (True, False)
    assert (by_id[private.pk]["is_public"], by_id[private.pk]["is_restricted"]) == (False, True)
    assert by_id[public.pk]["department"] is None
    assert by_id[rhone.pk]["department"] == "69"


def test_users_show_dates_and_department_only(community, view_rows):
    community["admin"].department = "13"
    community["admin"].save()
    by_id = {row["user_id"]: row for row in view_rows("users")}
    admin = by_id[community["admin"].pk]
    assert admin == {
        "user_id": community["admin"].pk,
        "date_joined": community["admin"].date_joined,
        "last_login": None,
        "department": "13",
        "is_active": True,
        "is_public": True,
    }


def ours(community, rows: list[dict]) -> list[dict]:
    """The rows about this dataset's resources (the test database also holds the demo content)."""
    ids = {page.pk for page in community.values() if isinstance(page, ResourcePage)}
    return [row for row in rows if row["resource_id"] in ids]


def test_views_are_counted_per_french_day(community, view_rows):
    assert ours(community, view_rows("resource_views_daily", "ORDER BY day")) == [
        {"day": datetime(2026, 3, 1).date(), "resource_id": community["public"].pk, "views": 2},
        {"day": datetime(2026, 3, 2).date(), "resource_id": community["public"].pk, "views": 3},
    ]


def test_collection_saves_say_whether_the_collection_is_public(community, view_rows):
    saves = ours(community, view_rows("collection_saves"))
    assert sorted((row["resource_id"], row["collection_is_public"]) for row in saves) == sorted(
        [
            (community["public"].pk, True),
            (community["public"].pk, False),
            (community["in_private_base"].pk, False),
        ]
    )


def test_ratings_keep_the_value_and_not_the_comment(community, view_rows):
    [rating] = ours(community, view_rows("ratings"))
    assert (rating["resource_id"], rating["value"]) == (community["public"].pk, 4)
    assert "comment" not in rating
