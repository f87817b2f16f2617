"""The four theme categories of the taxonomy, each with a page listing its resources."""

from django.db.models import Count, Q

from resources import taxonomy

CATEGORIES = {category["key"]: category for category in taxonomy.THEMES["categories"]}


def theme_keys(category: dict) -> list[str]:
    return [theme["key"] for theme in category["themes"]]


def theme_counts(resources, keys: list[str]) -> dict[str, int]:
    """How many of ``resources`` carry each theme of ``keys``, in one query (a filtered count each)."""
    # Positional aliases: theme keys are not all valid SQL aliases.
    counts = resources.aggregate(
        **{f"theme_{index}": Count("pk", filter=Q(themes__contains=[key])) for index, key in enumerate(keys)}
    )
    return {key: counts[f"theme_{index}"] for index, key in enumerate(keys)}
