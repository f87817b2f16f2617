from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class UserIndexView(WagtailUserIndexView):
    """The user listing; exporting it, every address included, is for those who manage users."""

    def can_export(self) -> bool:
        return self.request.user.has_perm("accounts.change_user")

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.can_export():
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return super().show_export_buttons and self.can_export()


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user management, whose listing platform admins search and export (CSV, XLSX)."""

    index_view_class = UserIndexView
    list_export = [
        "email",
        "first_name",
        "last_name",
        "department",
        "is_public",
        "is_active",
        "date_joined",
        "last_login",
        "cgu_version",
    ]
    export_filename = "utilisateurs"
