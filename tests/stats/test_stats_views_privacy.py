"""No stats view nor summary exposes personal data: not by a column's name, not in any value it
returns."""

import pytest
from django.db import connection

from community.models import Collection, CollectionItem
from resources.models import Rating, ResourceView
from search.models import SearchLog
from stats.schema import RELATIONS, SCHEMA
from tests import factories

# The user table's columns that say nothing about who someone is. Any other column, including one
# added later, counts as personal.
IMPERSONAL_USER_COLUMNS = {
    "id",
    "last_login",
    "date_joined",
    "department",
    "is_active",
    "is_public",
    "is_staff",
    "is_superuser",
    "email_is_public",
    "cgu_version",
    "cgu_accepted_at",
}
# Parts of a column name that mean free text or identifying data wherever they appear.
TELLING_FRAGMENTS = ("name", "email", "title", "comment", "text", "query", "token", "hash", "url", "address")


def user_columns() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = 'accounts_user'"
        )
        return {row[0] for row in cursor.fetchall()}


def view_columns() -> list[tuple[str, str]]:
    """Every column of the schema's relations, materialized views included (pg_attribute, since
    information_schema.columns does not list them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relation.relname, attribute.attname FROM pg_class AS relation "
            "JOIN pg_attribute AS attribute ON attribute.attrelid = relation.oid "
            "WHERE relation.relnamespace = %s::regnamespace AND relation.relkind <> 'i' "
            "AND attribute.attnum > 0 AND NOT attribute.attisdropped",
            [SCHEMA],
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_the_user_table_personal_fields_are_the_expected_ones():
    personal = user_columns() - IMPERSONAL_USER_COLUMNS
    assert {"email", "first_name", "last_name", "slug", "description", "password", "avatar"} <= personal
    assert {"website", "facebook", "twitter", "linkedin"} <= personal


@pytest.mark.django_db
def test_no_view_column_is_named_after_personal_data():
    personal = user_columns() - IMPERSONAL_USER_COLUMNS
    columns = view_columns()
    assert {view for view, _ in columns} == set(RELATIONS)
    for view, column in columns:
        assert column not in personal, f"stats.{view}.{column}"
        for fragment in (*personal, *TELLING_FRAGMENTS):
            assert fragment not in column, f"stats.{view}.{column} looks like {fragment}"


@pytest.fixture
def people(db, refresh_stats):
    """Users with unmistakable names and addresses, whose traces are everywhere statistics look."""
    zephyrine = factories.contributor(
        email="zephyrine.quintilien@secret.example",
        first_name="Zéphyrine",
        last_name="Quintilien",
        description="Médiatrice à Trifouilly-les-Oies",
        website="https://zephyrine-quintilien.example/",
        department="971",
        is_public=True,
    )
    barnabe = factories.contributor(
        email="barnabe.okonkwo@secret.example", first_name="Barnabé", last_name="Okonkwo"
    )
    base = factories.base(
        title="Base de Zéphyrine",
        owner=zephyrine,
        members=[barnabe],
        contact_email="contact-zq@secret.example",
    )
    resource = factories.resource(parent=base, owner=zephyrine, title="Fiche de Zéphyrine Quintilien")
    collection = Collection.objects.create(
        owner=barnabe, title="Les favoris de Barnabé Okonkwo", is_public=True
    )
    CollectionItem.objects.create(collection=collection, resource=resource)
    Rating.objects.create(
        resource=resource, user=barnabe, value=3, comment="Merci Zéphyrine, écrit par Barnabé Okonkwo"
    )
    ResourceView.objects.create(resource=resource, visit_hash="zephyrine-quintilien")
    SearchLog.objects.create(
        query="Zéphyrine Quintilien Trifouilly",
        filters={"thematiques": ["inclusion-numerique"], "departements": ["971"]},
        tab="ressources",
        result_count=1,
        duration_ms=12,
        user=barnabe,
    )
    refresh_stats()
    return [zephyrine, barnabe]


def test_no_view_value_contains_a_name_or_an_address(people):
    secrets = {"secret.example", "zéphyrine", "zephyrine", "quintilien", "barnabé", "okonkwo", "trifouilly"}
    for user in people:
        secrets |= {user.email.lower(), user.first_name.lower(), user.last_name.lower(), user.slug}
    with connection.cursor() as cursor:
        for view in RELATIONS:
            cursor.execute(f"SELECT row_to_json(v)::text FROM {SCHEMA}.{view} AS v")
            values = [row[0].lower() for row in cursor.fetchall()]
            assert values, f"stats.{view} should have rows in this dataset"
            for value in values:
                leaked = {secret for secret in secrets if secret in value}
                assert not leaked, f"stats.{view} shows {leaked}: {value}"
