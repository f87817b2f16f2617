"""The resource taxonomy as Django choices, from the platform's reference data.

Keys are stored and appear in search URLs; labels are what users read.
"""

from urllib.parse import urlencode

from django.urls import reverse

from cms.reference import taxonomy

THEMES = taxonomy()["themes"]
RESOURCE_TYPES = taxonomy()["resource_types"]
BENEFICIARIES = taxonomy()["beneficiaries"]
PROFESSIONAL_SECTORS = taxonomy()["professional_sectors"]
LICENCES = taxonomy()["licences"]
BLOCK_LIMITS = taxonomy()["block_limits"]
FIELD_LIMITS = taxonomy()["field_limits"]
FEEDBACK = taxonomy()["feedback"]
REPORT_REASONS = taxonomy()["report_reasons"]


def _choices(values: list[dict]) -> list[tuple[str, str]]:
    return [(value["key"], value["label"]) for value in values]


THEME_CHOICES = [(category["label"], _choices(category["themes"])) for category in THEMES["categories"]]
RESOURCE_TYPE_CHOICES = _choices(RESOURCE_TYPES["values"])
BENEFICIARY_CHOICES = _choices(BENEFICIARIES["values"])
PROFESSIONAL_SECTOR_CHOICES = _choices(PROFESSIONAL_SECTORS["values"])
LICENCE_CHOICES = _choices(LICENCES["values"])
RATING_CHOICES = [(rating["value"], rating["label"]) for rating in FEEDBACK["ratings"]]
REPORT_REASON_CHOICES = _choices(REPORT_REASONS["values"])

THEME_CATEGORY = {theme["key"]: category for category in THEMES["categories"] for theme in category["themes"]}

# The search's URL parameter of each taxonomy field of a resource: /rechercher/?thematiques=<key>…
SEARCH_PARAMETERS = {
    "themes": "thematiques",
    "resource_types": "types",
    "beneficiaries": "beneficiaires",
    "professional_sectors": "secteurs",
}


def search_url(field: str, key: str) -> str:
    """The search of the resources filed under one key of a taxonomy field: where its tags link."""
    return f"{reverse('search:search')}?{urlencode({SEARCH_PARAMETERS[field]: key})}"


def themes_by_category(keys: list[str]) -> list[dict]:
    """The given themes grouped under their categories, in the reference order, as linked tags."""
    groups = []
    for category in THEMES["categories"]:
        themes = tags("themes", category["themes"], keys)
        if themes:
            groups.append({"key": category["key"], "label": category["label"], "themes": themes})
    return groups


def tags(field: str, values: list[dict], keys: list[str]) -> list[dict]:
    """The reference entries for ``keys``, in the reference order, each with its search URL."""
    selected = set(keys)
    return [{**value, "url": search_url(field, value["key"])} for value in values if value["key"] in selected]


# The DSFR colour of each badge, from the best to the worst (the order of the reference's badges): a
# reader tells « Très recommandée » from « Non recommandée » at a glance.
BADGE_TONES = ("success", "info", "warning", "error")


def _badge(average: float) -> tuple[str, str]:
    return next(
        (badge["label"], tone)
        for badge, tone in zip(FEEDBACK["badges"], BADGE_TONES, strict=True)
        if average >= badge["min_average"]
    )


def rating_badge(average: float | None) -> str | None:
    """The badge a resource earns for this average rating; none before its first rating."""
    return None if average is None else _badge(average)[0]


def rating_badge_tone(average: float | None) -> str:
    """The DSFR badge modifier of that badge (``success``…``error``); empty before the first rating."""
    return "" if average is None else _badge(average)[1]
