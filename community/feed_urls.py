from django.urls import path

from community import feed_views

app_name = "feed"

urlpatterns = [
    path("fil-d-actualite/", feed_views.index, name="index"),
    path("fil-d-actualite/preferences/", feed_views.preferences, name="preferences"),
    path("fil-d-actualite/onboarding/passer/", feed_views.skip_onboarding, name="skip_onboarding"),
    path("fil-d-actualite/onboarding/<slug:step>/", feed_views.onboarding, name="onboarding"),
    path(
        "fil-d-actualite/resume-mensuel/desabonnement/<str:token>/",
        feed_views.unsubscribe,
        name="unsubscribe",
    ),
]
