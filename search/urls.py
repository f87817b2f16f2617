from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("rechercher/", views.search, name="search"),
    path("rechercher/apercu/", views.quick_search, name="quick_search"),
]
