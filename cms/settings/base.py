"""Settings shared by every environment; each variable of the settings contract is read here."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from cms.sentry import init_sentry

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = BASE_DIR / ".data"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origins(*urls: str) -> list[str]:
    """The ``scheme://host[:port]`` of each address given, as Content-Security-Policy sources."""
    return [
        f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, urls) if parts.scheme and parts.netloc
    ]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-never-used-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours first: our templates and static files take precedence over wagtail-dsfr's.
    "home",
    "cms",
    "accounts",
    "notifications",
    "resources",
    "bases",
    "community",
    "search",
    "stats",
    "opendata",
    "demo",
    "labase",
    "django_tasks",
    "django_tasks_db",
    "dsfr",
    "wagtail_dsfr",
    "wagtail_dsfr.content_manager",
    "wagtail_dsfr.blog",
    "wagtail_dsfr.events",
    "wagtail_dsfr.forms",
    "wagtail_honeypot",
    "widget_tweaks",
    "wagtailmenus",
    "wagtail_modeladmin",
    "wagtailmarkdown",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    # Wagtail's API v2 (opendata/api.py), in JSON only: Django REST framework is not installed as an app,
    # whose French translations would replace Django's in every form's errors.
    "wagtail.api.v2",
    "wagtail.sites",
    "accounts.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "storages",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.edge_cache.EdgeCacheMiddleware",
    "cms.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.sessions.IdleSessionMiddleware",
    "accounts.second_factor.StaffSecondFactorMiddleware",
    "accounts.cgu.CguAcceptanceMiddleware",
    "cms.audit.AuditContextMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "labase.middleware.SlashedOldLinksMiddleware",
    "cms.storage.StorageUnavailableMiddleware",
    "cms.serving.PageSiteMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtailmenus.context_processors.wagtailmenus",
                "home.frame.context_processor",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL started on first connection (cms/embedded_db).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}
else:
    DATABASES = {"default": {"ENGINE": "cms.embedded_db", "NAME": "lesbases", "CONN_MAX_AGE": 600}}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, else the database (shared by every container).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Pages are built from the database while Redis does not answer (cms/cache.py); a Redis
            # that hangs is given up after a second.
            "BACKEND": "cms.cache.ForgivingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Wagtail writes every rendition it serves to this cache: kept in the process, not in the database.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# The edge cache (cms/edge_cache.py) keeps an anonymous visitor's page this long; publishing, restricting
# or rating purges it at once through Wagtail's frontend cache: an HTTP PURGE to FRONTEND_CACHE_PURGE_URL
# (Varnish, infra/varnish/), or Cloudflare's API with CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN.
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "300"))
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["edge"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
# A session ends two weeks after signing in however active it is, after 3 days without activity (a
# weekend away keeps a contributor signed in; a session left open on a shared computer of a public
# digital space closes three days later), and after 2 hours without activity for platform staff, whose
# sessions can do everything (accounts/sessions.py).
SESSION_COOKIE_AGE = int(timedelta(weeks=2).total_seconds())
SESSION_IDLE_TIMEOUT = timedelta(days=3)
SESSION_IDLE_TIMEOUT_STAFF = timedelta(hours=2)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Wagtail and Django check permissions with the model backend; allauth signs people in.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise; media on the filesystem, or on S3 when a bucket is named.
# Either way image renditions are addressed through the site, which applies the media rule
# (cms/storage.py, cms/renditions.py): nothing under images/ is public in the bucket.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "cms.storage.MediaFileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "cms.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY"),
            # Scaleway and most S3-compatible providers expect path-style URLs.
            "addressing_style": "path",
            "signature_version": "s3v4",
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Emails: EMAIL_URL (smtp://user:password@host:port), else printed on the console.
if os.environ.get("EMAIL_URL"):
    globals().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Les Bases <ne-pas-repondre@lesbases.anct.gouv.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The team's address, to which the answers of « Je donne mon avis » are sent; unset, they are only
# stored and listed in the admin.
SITE_FEEDBACK_EMAIL = os.environ.get("SITE_FEEDBACK_EMAIL", "")

# Where to report a vulnerability, as /.well-known/security.txt gives it (a mailto: or https: URI).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:securite@anct.gouv.fr")

# ProConnect (OpenID Connect); the sign-in button is hidden while these are unset.
PROCONNECT_CLIENT_ID = os.environ.get("PROCONNECT_CLIENT_ID", "")
PROCONNECT_CLIENT_SECRET = os.environ.get("PROCONNECT_CLIENT_SECRET", "")
PROCONNECT_SERVER_URL = os.environ.get("PROCONNECT_SERVER_URL", "")
PROCONNECT_ENABLED = bool(PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET and PROCONNECT_SERVER_URL)

# Accounts (django-allauth): email only, no password at sign-up; the address is confirmed with a
# code, and signing in is by a code sent by email (or the password of an account that has one).
LOGIN_URL = "/connexion/"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Wagtail's account page keeps the name and preferences: the address, which signs in and which ProConnect
# matches, changes through allauth's verified flow, and a forgotten password through allauth's reset,
# which its rate limits guard (Wagtail's reset form has none).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Les Bases] "
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "request_login_code": "accounts.forms.RequestLoginCodeForm",
    "confirm_login_code": "accounts.forms.ConfirmLoginCodeForm",
    "confirm_email_verification_code": "accounts.forms.ConfirmEmailVerificationCodeForm",
    "reauthenticate": "accounts.forms.PasswordReauthenticateForm",
}
# A second factor (allauth.mfa): an authenticator app (TOTP) and its recovery codes. Any account may
# turn it on at /compte/2fa/; platform staff must (accounts/second_factor.py). Once on, allauth asks for
# it after every way of signing in: password, e-mailed code or ProConnect.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Les Bases"
MFA_FORMS = {
    "authenticate": "accounts.forms.AuthenticateForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
    "activate_totp": "accounts.forms.ActivateTOTPForm",
    "deactivate_totp": "accounts.forms.DeactivateTOTPForm",
    "generate_recovery_codes": "accounts.forms.GenerateRecoveryCodesForm",
}
# ACCOUNT_RATE_LIMITS is deliberately left unset: allauth's defaults limit sign-up, sign-in, failed
# attempts, code requests and password resets per address and per key, which is what we want.
# The client's address, for allauth's limits and ours (cms/ratelimits.py): with N trusted proxies in
# front (Scalingo's router: 1), the N-th address from the end of X-Forwarded-For, which the nearest
# of them wrote; with 0, the socket's address, whatever the request's headers claim.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
# A first ProConnect sign-in ends on a form, prefilled, where the terms of use are accepted.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_FORMS = {"signup": "accounts.forms.SocialSignupForm"}
# ProConnect vouches for the address: a known address signs in to its existing account, unless it is a
# platform staff account, which must be connected to ProConnect once signed in (accounts/adapters.py).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "accounts.proconnect.ProConnectProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": (
            [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": PROCONNECT_CLIENT_ID,
                    "secret": PROCONNECT_CLIENT_SECRET,
                    "settings": {
                        "server_url": PROCONNECT_SERVER_URL,
                        "token_auth_method": "client_secret_post",
                        "scope": ["openid", "email", "given_name", "usual_name"],
                        # ProConnect's identity providers have verified the professional address.
                        "verified_email": True,
                    },
                }
            ]
            if PROCONNECT_ENABLED
            else []
        ),
    }
}
# The version of the terms of use (/cgu/) that signing up accepts; recorded on each new user.
CGU_VERSION = "2026-01"

# Matomo analytics tag, only when both are set.
MATOMO_URL = os.environ.get("MATOMO_URL", "")
MATOMO_SITE_ID = os.environ.get("MATOMO_SITE_ID", "")

# Metabase: embedded dashboard on /statistiques/ (signed with the embedding secret key)...
METABASE_URL = os.environ.get("METABASE_URL", "")
METABASE_SECRET_KEY = os.environ.get("METABASE_SECRET_KEY", "")
METABASE_DASHBOARD_ID = os.environ.get("METABASE_DASHBOARD_ID", "")
METABASE_EMBED_MINUTES = 10
# ... the read-only database role that reads the stats views (manage.py metabase_role)...
METABASE_DB_USER = os.environ.get("METABASE_DB_USER", "metabase")
METABASE_DB_PASSWORD = os.environ.get("METABASE_DB_PASSWORD", "")
# ... and the dashboards as code (manage.py metabase_sync): how it signs in to Metabase (an API key, or
# an admin's email and password) and where Metabase reaches the database, when not at DATABASE_URL's host.
METABASE_API_KEY = os.environ.get("METABASE_API_KEY", "")
METABASE_ADMIN_EMAIL = os.environ.get("METABASE_ADMIN_EMAIL", "")
METABASE_ADMIN_PASSWORD = os.environ.get("METABASE_ADMIN_PASSWORD", "")
METABASE_DB_HOST = os.environ.get("METABASE_DB_HOST", "")
METABASE_DB_PORT = os.environ.get("METABASE_DB_PORT", "")

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
init_sentry(os.environ)

# Wagtail
# `load_demo` runs only where this is true (cms/settings/production.py turns it off).
DEMO_CONTENT_ALLOWED = True
WAGTAIL_SITE_NAME = "Les Bases du numérique d'intérêt général"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# french_unaccent (search/migrations/0002) is the French stemmer behind an accent filter; changing it
# requires `manage.py update_index`, as the stored vectors were built with the old one.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french_unaccent"},
}
# A word found in this many resources has its rank in each of them kept (search/word_ranks.py): below
# it, ranking every match at query time stays within the search's time budget (bench/search.py).
SEARCH_FREQUENT_WORD_ENTRIES = 30_000
# Documents always go through Wagtail's view, which applies the privacy of the pages they belong to.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# New uploads start in « Contributions personnelles » and say who may use them (cms/media_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.media_forms.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
# Wagtail's own housekeeping runs immediately, as shipped; slow work that reaches out to the network
# (link previews) goes to the database queue, served by the `worker` process (db_worker).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Addresses a link preview may reach although they are not public: none outside tests.
LINK_PREVIEW_ALLOWED_NETWORKS = []
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A URL pasted as an external link is not turned into a link to the page it routes to: Wagtail would
# answer with that page's id and draft title whoever may read it (private bases, others' drafts).
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""
WAGTAILMENUS_MAIN_MENUS_ADMIN_CLASS = "home.menus.MenuEditorsMainMenuAdmin"
WAGTAILMENUS_FLAT_MENUS_HANDLE_CHOICES = (
    ("header_tools", "Menu en haut à droite"),
    ("footer", "Menu en pied de page"),
)
# Streamfields of wagtail-dsfr content pages post many fields at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

# wagtail-dsfr reads these names from settings.
HOST_PROTO = "https"
FORCE_SCRIPT_NAME = ""
DSFR_USE_INTEGRITY_CHECKSUMS = False

# How long the DSFR header and footer stay cached; saving a setting, menu or menu page clears them.
FRAME_CACHE_TIMEOUT = 24 * 3600

# wagtailmenus declares content_panels on snippets; Wagtail warns about it on every command.
SILENCED_SYSTEM_CHECKS = ["wagtailadmin.W002"]

SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows the page in a same-origin frame of the admin.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Content-Security-Policy (django-csp): scripts, styles and fonts from our own origin only, and no inline
# script or style element anywhere on the site (the Matomo tag reads its settings from data attributes),
# so no nonce is needed either: a page cached at the edge carries no secret. Style attributes are allowed:
# wagtail-dsfr's editorial blocks (heroes, backgrounds) and its operator logo set colours, sizes and
# background images in them; they run no script, and load nothing from a host img-src does not allow.
# Only the sources a configured service needs are added: Matomo's tag and tracker, Metabase's frame on
# /statistiques/, ProConnect (the sign-in form posts to us, and we redirect it there) and the media
# bucket's images. An editorial page that embeds a video or another site's frame needs its origin in
# frame-src. See docs/security.md.
MATOMO_ORIGINS = origins(MATOMO_URL) if MATOMO_URL and MATOMO_SITE_ID else []
MEDIA_ORIGINS = (
    origins(os.environ.get("AWS_S3_ENDPOINT_URL") or "https://s3.amazonaws.com")
    if os.environ.get("AWS_STORAGE_BUCKET_NAME")
    else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *MATOMO_ORIGINS],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS, *MATOMO_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF, *MATOMO_ORIGINS],
        "frame-src": [SELF, *origins(METABASE_URL)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *origins(PROCONNECT_SERVER_URL)],
        "frame-ancestors": [SELF],
    }
}
# Added to the policy of Wagtail's admin (cms/headers.py): its templates hold inline scripts (date
# pickers, inline panels) and its editor's scripts insert style elements, which no nonce reaches; its
# multiple image upload previews the chosen files as blob: images.
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
# Browser features no page of ours uses are turned off, for us and for any frame we show.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
} | {"fullscreen": ["self"], "clipboard-write": ["self"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Base invitations: their single-use token expires after this many days.
BASE_INVITATION_DAYS = 14
# How long an invitation to contribute to a resource waits for an account opened with its address.
CONTRIBUTOR_INVITATION_DAYS = 30

# What one person may have the site send in an hour (cms/ratelimits.py), per account, or per client
# address for visitors: beyond it, nothing is sent and a French message says when to try again.
RATE_LIMITS_PER_HOUR = {
    "base_invitation": 20,
    "contributor_invitation": 20,
    "join_request": 10,
    "report": 10,
    "site_feedback": 10,
}
