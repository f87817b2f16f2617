from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    default = True
    verbose_name = "Comptes et profils"

    def ready(self):
        from accounts import lifecycle  # noqa: F401  (connects allauth's sign-up to welcome)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management, with our user listing (CSV export)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
