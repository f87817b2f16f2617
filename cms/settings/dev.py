from .base import *  # noqa: F403

DEBUG = True
HOST_PROTO = "http"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Serve static files from the apps without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One process locally: link previews are fetched as soon as the resource is saved.
TASKS["background"] = TASKS["default"]  # noqa: F405
# Locally the answers of « Je donne mon avis » are printed on the console like every email.
SITE_FEEDBACK_EMAIL = SITE_FEEDBACK_EMAIL or "equipe@lesbases.local"  # noqa: F405
