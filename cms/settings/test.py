from .base import *  # noqa: F403

HOST_PROTO = "http"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = DATA_DIR / "test-media"  # noqa: F405
# The site bootstrap creates (and links in e-mails) at an address that forms accept as a URL.
WAGTAILADMIN_BASE_URL = "http://localhost"
# Serve static files from the apps without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# wagtail-honeypot refuses a form sent sooner than this after its display: browser tests wait it out.
HONEYPOT_TIME_INTERVAL = 1
# Django's immediate task backend, with a way for the tests' factories to index what they build once
# rather than after each of its saves (tests/task_backend.py).
TASKS["default"] = {"BACKEND": "tests.task_backend.ImmediateBackendIndexingOnce"}  # noqa: F405
# A test database is thrown away: its commits need not wait for the disk (a crash of the server loses
# the last ones, never its consistency). Browser and server tests commit each of their writes.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
