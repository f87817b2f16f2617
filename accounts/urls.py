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
    path("profils/supprimer/", views.delete_account, name="account_delete"),
    path("conditions-d-utilisation/accepter/", views.accept_cgu, name="cgu_accept"),
]
