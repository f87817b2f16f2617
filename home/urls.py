from django.urls import path

from home import views
from home.categories import CATEGORIES

app_name = "home"

# One address per category, spelled out: a catch-all ``<slug>/`` would hide Wagtail's own pages.
urlpatterns = [path(f"{key}/", views.category, {"key": key}, name="category") for key in CATEGORIES]
