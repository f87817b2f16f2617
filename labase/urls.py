"""La Base's addresses (``/ressources/<slug>``… without a final slash, which ours all have) and its API."""

from django.urls import path, re_path

from labase import api, views

app_name = "labase"

urlpatterns = [
    path("ressources/<slug:slug>", views.resource, name="resource"),
    re_path(r"^ressources/(?P<slug>[-\w]+)/(?P<tab>avis|markdown)$", views.resource, name="resource_tab"),
    re_path(
        r"^ressources/(?P<slug>[-\w]+)/(?P<action>editer|publier|parametres)$",
        views.resource_editor,
        name="resource_editor",
    ),
    path("bases/<slug:slug>", views.base, name="base"),
    path("bases/<slug:slug>/editer", views.base_editor, name="base_editor"),
    re_path(
        r"^bases/(?P<slug>[-\w]+)/(?P<tab>ressources|collections|membres|markdown)$",
        views.base,
        name="base_tab",
    ),
    path("profils/<slug:slug>", views.profile, name="profile"),
    re_path(
        r"^profils/(?P<slug>[-\w]+)/(?P<tab>a-propos|bases|collections)$", views.profile, name="profile_tab"
    ),
    path("collections/<slug:slug>", views.collection, name="collection"),
    # La Base's search segment is a query string (``r=atelier&thematiques=Donnees``), slashes included.
    re_path(r"^rechercher/(?P<segment>.+)/(?P<tab>ressources|bases|profils)/?$", views.search, name="search"),
    path("images/<uuid:image_id>", views.image, name="image"),
    path("api/v1/resources", api.resources, name="api_resources"),
    path("api/v1/bases", api.bases, name="api_bases"),
]
