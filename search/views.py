import time

from django.shortcuts import render

from cms.pagination import paginate
from cms.reference import departments
from resources import taxonomy
from search import sorting
from search.bases import readable_bases, search_bases
from search.facets import facet_counts
from search.logging import record_search
from search.params import BASES, PROFILES, RESOURCES, TAB_FILTERS, TABS, SearchParams
from search.profiles import listed_profiles, search_profiles
from search.quick import quick_results
from search.resources import readable_resources, search_resources

SEARCHES = {RESOURCES: search_resources, BASES: search_bases, PROFILES: search_profiles}
# What each tab shows: its card, its sorts, and what its facets count before any filter applies.
TAB_SETTINGS = {
    RESOURCES: {
        "card": "includes/resource_card.html",
        "empty": "Aucune ressource ne correspond à votre recherche.",
        "sorts": sorting.RESOURCE_SORTS,
        "readable": readable_resources,
    },
    BASES: {
        "card": "includes/base_card.html",
        "empty": "Aucune base ne correspond à votre recherche.",
        "sorts": sorting.BASE_PROFILE_SORTS,
        "readable": readable_bases,
    },
    PROFILES: {
        "card": "includes/profile_card.html",
        "empty": "Aucun profil ne correspond à votre recherche.",
        "sorts": sorting.BASE_PROFILE_SORTS,
        "readable": lambda _user: listed_profiles(),
    },
}
FILTER_LEGENDS = {
    "thematiques": "Thématiques",
    "types": "Types de ressource",
    "beneficiaires": "Bénéficiaires",
    "secteurs": "Secteurs professionnels",
    "departements": "Départements",
}
OPTIONS = {
    "types": taxonomy.RESOURCE_TYPES["values"],
    "beneficiaires": taxonomy.BENEFICIARIES["values"],
    "secteurs": taxonomy.PROFESSIONAL_SECTORS["values"],
    "departements": [
        {"key": item["code"], "label": f"{item['code']} · {item['name']}"} for item in departments()
    ],
}
LABELS = {
    parameter: {option["key"]: option["label"] for option in options}
    for parameter, options in OPTIONS.items()
} | {
    "thematiques": {
        theme["key"]: theme["label"]
        for category in taxonomy.THEMES["categories"]
        for theme in category["themes"]
    }
}


def search(request):
    """``/rechercher/``: resources, bases and profiles the visitor may read that match the query, one
    tab at a time, each tab labelled with its number of results."""
    started = time.perf_counter()
    params = SearchParams.from_query(request.GET)
    tab = TAB_SETTINGS[params.tab]
    results = SEARCHES[params.tab](request.user, params)
    page = paginate(request, results)
    counts = {
        name: page.paginator.count if name == params.tab else SEARCHES[name](request.user, params).count()
        for name in TABS
    }
    response = render(
        request,
        "search/search.html",
        {
            "title": "Rechercher",
            "params": params,
            "results": page,
            "tabs": [{"key": name, "label": label, "count": counts[name]} for name, label in TABS.items()],
            "card": tab["card"],
            "empty_message": tab["empty"],
            "filters": _filters(request.user, params, results),
            "tags": _selected_tags(request, params),
            "clear_url": _without_filters(request, params),
            "other_tab_filters": _other_tab_filters(params),
            "sorts": tab["sorts"].items(),
            "sort": sorting.sort_key(tab["sorts"], params),
        },
    )
    record_search(
        request,
        response,
        params,
        tab=params.tab,
        sort=sorting.sort_key(tab["sorts"], params),
        page=page.number,
        count=page.paginator.count,
        started=started,
    )
    return response


def _filters(user, params: SearchParams, results) -> list[dict]:
    """The filters of the current tab, each option with its facet count."""
    parameters = TAB_FILTERS[params.tab]
    own = params.filters_of(params.tab)
    candidates = TAB_SETTINGS[params.tab]["readable"](user)
    counts = results.cached("facets", lambda: facet_counts(candidates, results, own, parameters))
    filters = []
    for parameter in parameters:
        selected = params.selected(parameter)
        if parameter == "thematiques":
            groups = [
                {
                    "label": category["label"],
                    "options": _options(category["themes"], counts[parameter], selected),
                }
                for category in taxonomy.THEMES["categories"]
            ]
        elif parameter == "departements":
            # 101 departments: only those with results, and those selected, are worth a checkbox.
            options = _options(OPTIONS[parameter], counts[parameter], selected)
            groups = [
                {
                    "label": "",
                    "options": [option for option in options if option["count"] or option["checked"]],
                }
            ]
        else:
            groups = [{"label": "", "options": _options(OPTIONS[parameter], counts[parameter], selected)}]
        filters.append(
            {
                "parameter": parameter,
                "legend": FILTER_LEGENDS[parameter],
                "active": bool(selected),
                "groups": groups,
            }
        )
    return filters


def _options(values: list[dict], counts: dict[str, int], selected: list[str]) -> list[dict]:
    return [
        {**value, "checked": value["key"] in selected, "count": counts.get(value["key"], 0)}
        for value in values
    ]


def _selected_tags(request, params: SearchParams) -> list[dict]:
    """Each selected filter of the current tab, with the address of the same search without it."""
    tags = []
    for parameter, keys in params.filters_of(params.tab).items():
        for key in keys:
            query = request.GET.copy()
            query.setlist(parameter, [other for other in keys if other != key])
            query.pop("page", None)
            tags.append({"label": LABELS[parameter][key], "url": f"?{query.urlencode()}"})
    return tags


def _other_tab_filters(params: SearchParams) -> list[tuple[str, str]]:
    """Filters of the other tabs, kept as hidden fields so that submitting this tab's form keeps them."""
    return [
        (parameter, key)
        for parameter, keys in params.filters.items()
        if parameter not in TAB_FILTERS[params.tab]
        for key in keys
    ]


def _without_filters(request, params: SearchParams) -> str:
    query = request.GET.copy()
    for parameter in [*TAB_FILTERS[params.tab], "page"]:
        query.pop(parameter, None)
    return f"?{query.urlencode()}"


def quick_search(request):
    """``/rechercher/apercu/?q=``: the first results of each kind, as an HTML fragment for the header's
    search field. Not logged: it runs as the visitor types; the search they submit is."""
    params = SearchParams.from_query(request.GET)
    sections = quick_results(request, params)
    return render(
        request,
        "search/quick_search.html",
        {"params": params, "sections": sections, "count": sum(len(s["links"]) for s in sections)},
    )
