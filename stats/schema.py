"""The views of the ``stats`` schema and their columns, as the migrations create them.

This is the contract Metabase's questions (infra/metabase/) and the statistics page rely on; the tests
check the database against it. A view changes through a new migration of this app, then here.
``VIEWS`` are plain views, real-time; ``SUMMARIES`` are materialized views of them that
``manage.py refresh_stats`` refreshes, in this order (the refresh date last).
"""

SCHEMA = "stats"

VIEWS = {
    "resources": (
        "resource_id",
        "created_at",
        "first_published_at",
        "last_published_at",
        "updated_at",
        "live",
        "base_id",
        "is_public",
        "is_restricted",
        "themes",
        "resource_types",
        "beneficiaries",
        "professional_sectors",
        "views_count",
        "saves_count",
    ),
    "bases": (
        "base_id",
        "created_at",
        "first_published_at",
        "last_published_at",
        "updated_at",
        "live",
        "department",
        "is_public",
        "is_restricted",
    ),
    "users": ("user_id", "date_joined", "last_login", "department", "is_active", "is_public"),
    "resource_views_daily": ("day", "resource_id", "views"),
    "views_daily": ("day", "views"),
    "collection_saves": ("saved_at", "day", "resource_id", "collection_is_public"),
    "ratings": ("rated_at", "day", "updated_at", "resource_id", "value"),
    "searches": (
        "searched_at",
        "day",
        "tab",
        "sort",
        "page",
        "result_count",
        "duration_ms",
        "signed_in",
        "has_words",
        "themes",
        "resource_types",
        "beneficiaries",
        "professional_sectors",
        "departments",
    ),
    "searches_daily": (
        "day",
        "tab",
        "searches",
        "searches_with_words",
        "searches_with_filters",
        "searches_without_results",
        "searches_signed_in",
        "average_duration_ms",
    ),
}

SUMMARIES = {
    "activity_daily": ("activity", "day", "public", "private"),
    "taxonomy_daily": ("day", "facet", "key", "resources"),
    "summaries_refreshed": ("refreshed_at",),
}

RELATIONS = {**VIEWS, **SUMMARIES}
