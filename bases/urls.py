from django.urls import path

from bases import views

app_name = "bases"

urlpatterns = [
    path("bases/creer/", views.create, name="create"),
    path("bases/<slug:slug>/gerer/", views.manage, name="manage"),
    path("bases/<slug:slug>/gerer/visibilite/", views.visibility, name="visibility"),
    path(
        "bases/<slug:slug>/membres/invitations/<int:invitation_id>/annuler/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path(
        "bases/<slug:slug>/membres/invitations/<int:invitation_id>/renvoyer/",
        views.resend_invitation,
        name="resend_invitation",
    ),
    path("bases/<slug:slug>/membres/inviter/", views.invite, name="invite"),
    path("bases/<slug:slug>/membres/rejoindre/", views.request_to_join, name="request_to_join"),
    path("bases/<slug:slug>/membres/quitter/", views.leave, name="leave"),
    path("bases/<slug:slug>/membres/<int:user_id>/role/", views.change_role, name="change_role"),
    path("bases/<slug:slug>/membres/<int:user_id>/retirer/", views.remove, name="remove"),
    path("bases/<slug:slug>/membres/demandes/<int:request_id>/", views.answer_request, name="answer_request"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("partage/<int:page_id>/", views.share, name="share"),
    path("partage/<int:page_id>/<str:token>/", views.shared, name="shared"),
]
