"""What the visitor asked for, read from the URL so that every result set has a shareable address."""

import re
from dataclasses import dataclass, field

from cms.reference import departments, taxonomy
from resources import taxonomy as resource_taxonomy

MAX_QUERY_LENGTH = 200
# Control characters (NUL above all, which PostgreSQL refuses in text) never carry meaning in a query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _keys(values: list[dict]) -> set[str]:
    return {value["key"] for value in values}


# URL parameter → (ResourcePage field, the keys it accepts).
RESOURCE_FIELD_KEYS = {
    "themes": {
        theme["key"] for category in resource_taxonomy.THEMES["categories"] for theme in category["themes"]
    },
    "resource_types": _keys(resource_taxonomy.RESOURCE_TYPES["values"]),
    "beneficiaries": _keys(resource_taxonomy.BENEFICIARIES["values"]),
    "professional_sectors": _keys(resource_taxonomy.PROFESSIONAL_SECTORS["values"]),
}
RESOURCE_FILTERS = {
    parameter: (field, RESOURCE_FIELD_KEYS[field])
    for field, parameter in resource_taxonomy.SEARCH_PARAMETERS.items()
}
# Bases and profiles have a department (a code of the reference list); resources do not.
DEPARTMENT_FILTER = {"departements": ("department", {item["code"] for item in departments()})}
FILTERS = {**RESOURCE_FILTERS, **DEPARTMENT_FILTER}

RESOURCES, BASES, PROFILES = "ressources", "bases", "profils"
TABS = {RESOURCES: "Ressources", BASES: "Bases", PROFILES: "Profils"}
# The filters that narrow each tab; the others stay in the URL for when the visitor comes back.
TAB_FILTERS = {
    RESOURCES: list(RESOURCE_FILTERS),
    BASES: list(DEPARTMENT_FILTER),
    PROFILES: list(DEPARTMENT_FILTER),
}
SORT_KEYS = _keys(taxonomy()["search"]["resource_sorts"]) | _keys(taxonomy()["search"]["base_profile_sorts"])


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    # URL parameter → the known keys selected, in the order given, without repeats.
    filters: dict[str, list[str]] = field(default_factory=dict)
    tab: str = RESOURCES
    # A known sort key or "": which keys suit which tab, and the default, is ``search.sorting``'s call.
    sort: str = ""

    @classmethod
    def from_query(cls, query) -> "SearchParams":
        """Tolerant reading: unknown keys and repeats are dropped, the query is cleaned and bounded."""
        q = " ".join(CONTROL_CHARACTERS.sub(" ", query.get("q", "")).split())[:MAX_QUERY_LENGTH]
        filters = {}
        for parameter, (_field, known) in FILTERS.items():
            keys = list(dict.fromkeys(key for key in query.getlist(parameter) if key in known))
            if keys:
                filters[parameter] = keys
        tab = query.get("onglet") if query.get("onglet") in TABS else RESOURCES
        sort = query.get("tri") if query.get("tri") in SORT_KEYS else ""
        return cls(q=q, filters=filters, tab=tab, sort=sort)

    def selected(self, parameter: str) -> list[str]:
        return self.filters.get(parameter, [])

    def filters_of(self, tab: str) -> dict[str, list[str]]:
        """The selected filters that apply to ``tab``."""
        return {parameter: keys for parameter, keys in self.filters.items() if parameter in TAB_FILTERS[tab]}
