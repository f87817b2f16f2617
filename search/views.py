import time

from django.shortcuts import render

from cms.pagination import paginate
from resources import taxonomy
from search.logging import record_search
from search.params import SearchParams
from search.quick import quick_results
from search.resources import search_resources


def _options(values: list[dict], selected: list[str]) -> list[dict]:
    return [{**value, "checked": value["key"] in selected} for value in values]


def search(request):
    """``/rechercher/``: the resources a visitor may read that match the query and the filters."""
    started = time.perf_counter()
    params = SearchParams.from_query(request.GET)
    results = paginate(request, search_resources(request.user, params))
    filters = [
        {
            "parameter": "thematiques",
            "legend": "Thématiques",
            "active": bool(params.selected("thematiques")),
            "groups": [
                {
                    "label": category["label"],
                    "options": _options(category["themes"], params.selected("thematiques")),
                }
                for category in taxonomy.THEMES["categories"]
            ],
        },
        *(
            {
                "parameter": parameter,
                "legend": legend,
                "active": bool(params.selected(parameter)),
                "groups": [{"label": "", "options": _options(values, params.selected(parameter))}],
            }
            for parameter, legend, values in [
                ("types", "Types de ressource", taxonomy.RESOURCE_TYPES["values"]),
                ("beneficiaires", "Bénéficiaires", taxonomy.BENEFICIARIES["values"]),
                ("secteurs", "Secteurs professionnels", taxonomy.PROFESSIONAL_SECTORS["values"]),
            ]
        ),
    ]
    response = render(
        request,
        "search/search.html",
        {"title": "Rechercher", "params": params, "results": results, "filters": filters},
    )
    record_search(
        request,
        response,
        params,
        tab="ressources",
        sort="",
        page=results.number,
        count=results.paginator.count,
        started=started,
    )
    return response


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
