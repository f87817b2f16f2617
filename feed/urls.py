from django.urls import path

from feed import views

app_name = "feed"

urlpatterns = [
    path("fil-d-actualite/", views.index, name="index"),
    path("fil-d-actualite/preferences/", views.preferences, name="preferences"),
    path("fil-d-actualite/onboarding/passer/", views.skip_onboarding, name="skip_onboarding"),
    path("fil-d-actualite/onboarding/<slug:step>/", views.onboarding, name="onboarding"),
    path(
        "fil-d-actualite/resume-mensuel/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
