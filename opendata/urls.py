from django.urls import path
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import views as sitemap_views

from opendata.security_txt import security_txt
from opendata.sitemaps import SITEMAPS

app_name = "opendata"

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
]
