from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from wagtail.models import Site

from cms.pagination import paginate
from cms.ratelimits import LimitExceeded
from home import feedback, site_map
from home.categories import CATEGORIES, theme_counts, theme_keys
from home.forms import SiteFeedbackForm
from resources.models import ResourcePage
from resources.taxonomy import search_url

THANKS = "Merci ! Votre avis a bien été envoyé à l'équipe des Bases."


def site_feedback(request):
    """« Je donne mon avis »: anyone may answer, signed in or not."""
    form = SiteFeedbackForm(request.POST or None)
    if request.method == "POST":
        if feedback.is_spam(request.POST):
            # Robots are thanked like everyone else, so that they learn nothing; nothing is stored.
            messages.success(request, THANKS)
            return redirect("home:site_feedback")
        if form.is_valid():
            try:
                feedback.submit(form, request)
            except LimitExceeded as error:
                messages.error(request, str(error))
            else:
                messages.success(request, THANKS)
                return redirect("home:site_feedback")
    return render(request, "home/site_feedback.html", {"form": form})


def category(request, key):
    """A theme category: its themes, each with the number of resources the visitor may read, and
    those resources, newest first."""
    category = CATEGORIES[key]
    keys = theme_keys(category)
    resources = ResourcePage.objects.visible_to(request.user).filter(themes__overlap=keys)
    counts = theme_counts(resources, keys)
    themes = [
        {**theme, "count": counts[theme["key"]], "url": search_url("themes", theme["key"])}
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


def plan(request):
    """« Plan du site »."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return render(
        request, "home/site_map.html", {"title": "Plan du site", "entries": site_map.site_map(request, site)}
    )
