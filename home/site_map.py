"""« Plan du site »: every public section of the site, as the page tree and the site's own views make
it, with the public bases. The same for everyone, so that it shows nothing private to anyone."""

from django.urls import reverse
from wagtail.models import Page, Site

from bases.models import BasePage
from cms.visibility import EVERYONE, VisibilityQuerySet
from home.categories import CATEGORIES


def site_map(request, site: Site) -> list[dict]:
    """The entries of the plan, each ``{"title", "url", "children"}``, in a fixed number of queries."""
    home = site.root_page
    sections = list(VisibilityQuerySet(Page).visible_to(EVERYONE).child_of(home).in_menu().order_by("path"))
    bases = (
        BasePage.objects.visible_to(EVERYONE).descendant_of(home).only("title", "url_path").order_by("title")
    )
    categories = [
        {"title": category["label"], "url": reverse("home:category", kwargs={"key": key}), "children": []}
        for key, category in CATEGORIES.items()
    ]
    children = {
        "ressources": categories,
        "bases": [
            {"title": base.title, "url": base.get_url(request=request), "children": []} for base in bases
        ],
    }
    return [
        {"title": "Accueil", "url": home.get_url(request=request), "children": []},
        *(
            {
                "title": page.title,
                "url": page.get_url(request=request),
                "children": children.get(page.slug, []),
            }
            for page in sections
        ),
        {"title": "Rechercher", "url": reverse("search:search"), "children": []},
        {"title": "Statistiques", "url": reverse("stats:statistics"), "children": []},
        {"title": "Je donne mon avis", "url": reverse("home:site_feedback"), "children": []},
    ]
