from django.urls import path

from home import views
from home.categories import CATEGORIES

app_name = "home"

urlpatterns = [
    path("je-donne-mon-avis/", views.site_feedback, name="site_feedback"),
    path("plan-du-site/", views.plan, name="site_map"),
    # One address per category, spelled out: a catch-all ``<slug>/`` would hide Wagtail's own pages.
    *(path(f"{key}/", views.category, {"key": key}, name="category") for key in CATEGORIES),
]
