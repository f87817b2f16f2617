"""What the visitor asked for, read from the URL so that every result set has a shareable address."""

import re
from dataclasses import dataclass, field

from resources import taxonomy

MAX_QUERY_LENGTH = 200
# Control characters (NUL above all, which PostgreSQL refuses in text) never carry meaning in a query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _keys(values: list[dict]) -> set[str]:
    return {value["key"] for value in values}


# URL parameter → (ResourcePage field, the keys it accepts).
RESOURCE_FILTERS = {
    "thematiques": (
        "themes",
        {theme["key"] for category in taxonomy.THEMES["categories"] for theme in category["themes"]},
    ),
    "types": ("resource_types", _keys(taxonomy.RESOURCE_TYPES["values"])),
    "beneficiaires": ("beneficiaries", _keys(taxonomy.BENEFICIARIES["values"])),
    "secteurs": ("professional_sectors", _keys(taxonomy.PROFESSIONAL_SECTORS["values"])),
}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    # URL parameter → the known keys selected, in the order given, without repeats.
    filters: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query) -> "SearchParams":
        """Tolerant reading: unknown keys and repeats are dropped, the query is cleaned and bounded."""
        q = " ".join(CONTROL_CHARACTERS.sub(" ", query.get("q", "")).split())[:MAX_QUERY_LENGTH]
        filters = {}
        for parameter, (_field, known) in RESOURCE_FILTERS.items():
            keys = list(dict.fromkeys(key for key in query.getlist(parameter) if key in known))
            if keys:
                filters[parameter] = keys
        return cls(q=q, filters=filters)

    def selected(self, parameter: str) -> list[str]:
        return self.filters.get(parameter, [])
