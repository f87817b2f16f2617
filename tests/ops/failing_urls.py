"""The site's URLs plus one view that fails, to follow an error to Sentry."""

from django.urls import include, path


class SentryProbeError(RuntimeError):
    pass


def failing_view(request):
    raise SentryProbeError("sonde d'erreur pour Sentry")


urlpatterns = [path("erreur-de-test/", failing_view), path("", include("cms.urls"))]
