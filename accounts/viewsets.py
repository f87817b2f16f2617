from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page
from wagtail.users.views.users import DeleteView as WagtailUserDeleteView
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserFilterSet as WagtailUserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.lifecycle import DeletedBecause, delete_account
from accounts.roles import is_platform_admin
from cms.visibility import VisibilityQuerySet


class UserFilterSet(WagtailUserFilterSet):
    """Wagtail's filters, whose « Groupe » filter names every group: the groups of a base or of a
    resource are named after its slug, so moderators (who read the listing, not the pages) are offered
    only the groups whose page permissions are on pages they may read; platform admins, every group."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or is_platform_admin(request.user):
            return
        readable = VisibilityQuerySet(Page).visible_to(request.user)
        unread_groups = GroupPagePermission.objects.exclude(page__in=readable.values("pk"))
        self.filters["group"].queryset = Group.objects.exclude(pk__in=unread_groups.values("group_id"))


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


class UserDeleteView(WagtailUserDeleteView):
    """Deleting an account in the admin anonymises it as deleting it oneself does: its resources,
    ratings and the bases it served stay, its personal data goes, it is told by e-mail."""

    success_message = "Le compte est supprimé : ses informations personnelles sont effacées."

    def delete_action(self):
        delete_account(self.object, why=DeletedBecause.ADMIN)
        log(self.object, "lesbases.account_deleted", user=self.request.user)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user management, whose listing platform admins search and export (CSV, XLSX); deleting
    an account anonymises it."""

    index_view_class = UserIndexView
    delete_view_class = UserDeleteView
    filterset_class = UserFilterSet
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
