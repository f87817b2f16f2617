from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    default = True
    verbose_name = "Comptes et profils"

    def ready(self):
        from accounts import inactivity, lifecycle  # noqa: F401  (connect sign-ups and sign-ins)
        from accounts.models import User
        from cms import audit

        audit.record_changes(User)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management, with our user listing (CSV export)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
