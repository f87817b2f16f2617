from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from cms.pagination import paginate
from home.categories import CATEGORIES, theme_counts, theme_keys
from resources.models import ResourcePage


def category(request, key):
    """A theme category: its themes, each with the number of resources the visitor may read, and
    those resources, newest first."""
    category = CATEGORIES[key]
    keys = theme_keys(category)
    resources = ResourcePage.objects.live().visible_to(request.user).filter(themes__overlap=keys)
    counts = theme_counts(resources, keys)
    search_url = reverse("search:search")
    themes = [
        {
            **theme,
            "count": counts[theme["key"]],
            "url": f"{search_url}?{urlencode({'thematiques': theme['key']})}",
        }
        for theme in category["themes"]
    ]
    return render(
        request,
        "home/category.html",
        {
            "title": category["label"],
            "category": category,
            "themes": themes,
            "results": paginate(request, resources.cards()),
        },
    )
