from django.urls import path

from resources import feedback_views, views

app_name = "resources"

urlpatterns = [
    path("publier/", views.publish, name="publish"),
    path("ressources/<int:page_id>/contributeurs/", views.invite_contributor, name="invite_contributor"),
    path(
        "ressources/<int:page_id>/contributeurs/<int:user_id>/retirer/",
        views.remove,
        name="remove_contributor",
    ),
    path("ressources/<int:page_id>/deplacer/", views.move, name="move"),
    path("ressources/<int:page_id>/supprimer/", views.delete, name="delete"),
    path("ressources/<int:page_id>/vue/", views.count_view, name="count_view"),
    path(
        "ressources/<int:page_id>/blocs/<uuid:block_id>/<str:kind>/",
        views.count_block_use,
        name="count_block_use",
    ),
    path("ressources/<int:page_id>/recommander/", feedback_views.rate, name="rate"),
    path("ressources/<int:page_id>/signaler/", feedback_views.report, name="report"),
    path("recommandations/<int:rating_id>/supprimer/", feedback_views.delete_rating, name="delete_rating"),
    path("recommandations/<int:rating_id>/repondre/", feedback_views.reply, name="reply_to_rating"),
    path("reponses/<int:reply_id>/modifier/", feedback_views.edit_reply, name="edit_reply"),
    path("reponses/<int:reply_id>/supprimer/", feedback_views.delete_reply, name="delete_reply"),
]
