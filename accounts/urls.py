from allauth.account import views as allauth_views
from django.urls import include, path

from accounts import views

urlpatterns = [
    path("compte/", include("allauth.urls")),
    # allauth's main views at their French addresses: declared after allauth's own URLs, these are
    # the ones that reverse() gives for the same names.
    path("connexion/", allauth_views.login, name="account_login"),
    path("inscription/", allauth_views.signup, name="account_signup"),
    path("deconnexion/", allauth_views.logout, name="account_logout"),
    path("profils/modifier/", views.edit_profile, name="profile_edit"),
    path("profils/supprimer/", views.delete_account, name="account_delete"),
    path("profils/abonnements/", views.following, name="following"),
    path("profils/<slug:slug>/", views.profile, name="profile"),
    path("profils/<slug:slug>/suivre/", views.follow, name="profile_follow"),
    path("profils/<slug:slug>/ne-plus-suivre/", views.unfollow, name="profile_unfollow"),
    path("profils/<slug:slug>/abonnes/", views.followers, name="profile_followers"),
]
