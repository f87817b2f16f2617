import time
from dataclasses import replace

from django.shortcuts import render

from cms.reference import departments
from resources import taxonomy
from search import results, sorting
from search.facets import facet_counts
from search.logging import record_search
from search.params import RESOURCES, TAB_FILTERS, SearchParams
from search.quick import quick_results
from search.tabs import TABS

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
    tab = TABS[params.tab]
    found = results.find(tab, request.user, params, request.GET.get("page"))
    counts = {
        key: found.page.paginator.count if key == tab.key else results.count(other, request.user, params)
        for key, other in TABS.items()
    }
    listing = _listing(request, params, tab, found)
    response = render(
        request,
        "search/search.html",
        {
            "title": "Rechercher",
            "tabs": [{"key": key, "label": other.label, "count": counts[key]} for key, other in TABS.items()],
            "other_tab_filters": _other_tab_filters(params),
            **listing,
        },
    )
    record_search(
        request,
        response,
        params,
        tab=params.tab,
        sort=listing["sort"],
        page=found.page.number,
        count=found.page.paginator.count,
        started=started,
    )
    return response


def resource_index(request, page):
    """``/ressources/``, the resources index page: every resource the visitor may read, personal or in
    a base, with the search's filters and sorts and without a query. Served in place of the page's own
    template through the ``on_serve_page`` hook (``search/wagtail_hooks.py``): resources sits below
    search and cannot call it, while the page stays a page of the tree (title, introduction, menu,
    view restrictions). Not logged: nothing was searched."""
    params = replace(SearchParams.from_query(request.GET), q="", tab=RESOURCES)
    tab = TABS[RESOURCES]
    found = results.find(tab, request.user, params, request.GET.get("page"))
    listing = _listing(request, params, tab, found)
    # Relevance needs words to rank by: without a query the index offers the other sorts only.
    listing["sorts"] = [(key, label) for key, label in listing["sorts"] if key != sorting.RELEVANCE]
    return render(request, "search/resource_index.html", {**page.get_context(request), **listing})


def _listing(request, params: SearchParams, tab, found: results.Found) -> dict:
    """What the filters, the sort and the cards of a tab's results show, for the search and the index."""
    facets = facet_counts(
        results.matched(tab, request.user, found.match), params.filters_of(tab.key), tab.filters
    )
    return {
        "params": params,
        "results": found.page,
        "count": found.page.paginator.count,
        "card": tab.card,
        "empty_message": tab.empty,
        "filters": _filters(params, facets),
        "tags": _selected_tags(request, params),
        "clear_url": _without_filters(request, params),
        "sorts": list(tab.sorts.items()),
        "sort": sorting.sort_key(tab.sorts, params),
    }


def _filters(params: SearchParams, counts: dict[str, dict[str, int]]) -> list[dict]:
    """The filters of the current tab, each option with its facet count."""
    filters = []
    for parameter in TAB_FILTERS[params.tab]:
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
