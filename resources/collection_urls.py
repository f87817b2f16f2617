from django.urls import path, re_path

from resources import collection_views as views

app_name = "collections"

urlpatterns = [
    path("collections/creer/", views.create, name="create"),
    path("collections/enregistrer/<int:resource_id>/", views.save, name="save"),
    path("collections/<int:pk>/modifier/", views.edit, name="edit"),
    path("collections/<int:pk>/supprimer/", views.delete, name="delete"),
    path("collections/<int:pk>/ordre/", views.reorder, name="reorder"),
    path("collections/<int:pk>/ressources/<int:resource_id>/monter/", views.move_up, name="move_up"),
    path("collections/<int:pk>/ressources/<int:resource_id>/descendre/", views.move_down, name="move_down"),
    path("collections/<int:pk>/ressources/<int:resource_id>/retirer/", views.remove, name="remove"),
    # Any other slug, or none, redirects to the collection's own address.
    re_path(r"^collections/(?P<pk>[0-9]+)(?:-(?P<slug>[^/]*))?/$", views.detail, name="detail"),
]
