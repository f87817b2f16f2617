"""wagtailmenus' admin of the main menu, asking who is asking (named by WAGTAILMENUS_MAIN_MENUS_ADMIN_CLASS)."""

from django.core.exceptions import PermissionDenied
from wagtailmenus.menuadmin import MainMenuAdmin, MainMenuIndexView


class MenuEditorsIndexView(MainMenuIndexView):
    """wagtailmenus sends straight on to the site's menu form without checking permissions: for
    anyone who may not edit the menus, its missing link was a server error; now Wagtail's refusal."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailmenus.change_mainmenu"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MenuEditorsMainMenuAdmin(MainMenuAdmin):
    index_view_class = MenuEditorsIndexView
