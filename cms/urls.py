from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import renditions
from cms.health import health, readiness

urlpatterns = [
    path("health/", health, name="health"),
    path("health/ready/", readiness, name="readiness"),
    path("", include("opendata.urls")),
    path("", include("accounts.urls")),
    # One sign-in page for the whole site: Wagtail's own login form sends there too.
    path("admin/login/", RedirectView.as_view(url=settings.LOGIN_URL, query_string=True)),
    # Before Wagtail's admin: the admin views it leaves open to every account, answered for those who
    # may see them.
    path("admin/", include("accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # La Base's old addresses and API (labase/urls.py): none ends with a slash, as all of ours do, but
    # /images/<uuid> must come before the renditions' /images/<name>.
    path("", include("labase.urls")),
    path("images/<path:name>", renditions.serve, name="rendition"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}dsfr/dist/favicon/favicon.ico")),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Uploads of the site (avatars, collection pictures, link-preview pictures) as files; Wagtail's
    # images, renditions and documents only through the views that apply their rule, as in production.
    urlpatterns += [
        re_path(
            r"^media/(?!images/[^/]+$|original_images/|documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    path("", include("bases.urls")),
    path("", include("resources.urls")),
    path("", include("community.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("community.feed_urls")),
    path("", include("search.urls")),
    path("", include("home.urls")),
    path("", include("stats.urls")),
    path("", include(wagtail_urls)),
]
