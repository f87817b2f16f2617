from django.urls import include, path
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import views as sitemap_views

from cms.edge_cache import kept_at_edge
from opendata import views
from opendata.api import api_router
from opendata.feeds import FEEDS, atom
from opendata.security_txt import security_txt
from opendata.sitemaps import SITEMAPS

app_name = "opendata"

# Each feed as RSS 2.0 at its address, as Atom under ``atom/``.
FEED_ROUTES = {
    "site": "flux/ressources/",
    "base": "flux/bases/<slug:slug>/",
    "profile": "flux/profils/<slug:slug>/",
    "theme": "flux/thematiques/<slug:key>/",
    "category": "flux/categories/<slug:key>/",
}

urlpatterns = [
    path(
        "robots.txt",
        TemplateView.as_view(template_name="opendata/robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata:sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("flux/", views.feeds, name="feeds"),
    *(path(route, kept_at_edge(FEEDS[kind]()), name=f"{kind}_feed") for kind, route in FEED_ROUTES.items()),
    *(
        path(f"{route}atom/", kept_at_edge(atom(FEEDS[kind])()), name=f"{kind}_atom_feed")
        for kind, route in FEED_ROUTES.items()
    ),
    path("markdown/ressources/<int:pk>/", views.resource_markdown_view, name="resource_markdown"),
    path("markdown/bases/<int:pk>/", views.base_markdown_view, name="base_markdown"),
    path("donnees-ouvertes/<str:name>", views.export_file, name="export_file"),
    path("api/v2/", include((api_router.get_urlpatterns(), "api"), namespace="api")),
]
