from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("ressources/<int:page_id>/contributeurs/", views.invite_contributor, name="invite_contributor"),
    path(
        "ressources/<int:page_id>/contributeurs/<int:user_id>/retirer/",
        views.remove,
        name="remove_contributor",
    ),
]
