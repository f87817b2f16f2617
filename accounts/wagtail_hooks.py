"""The admin's menus, as the platform roles see them: every account reaches the admin, so what a menu
would show the whole site (its reports, its settings, its page tree) stays with the staff, and a
contributor sees what they use: their resources, their images and documents, the help centre."""

from wagtail import hooks

from accounts.roles import is_platform_admin, is_platform_staff

# Reports list pages of the whole site with their authors; their URLs refuse others (admin_urls.py).
PLATFORM_ADMIN_MENUS = {"reports"}
# The page tree: contributors reach their resources through « Mes ressources » (resources/workspace.py).
STAFF_MENUS = {"explorer"}
# A listing of the resources one may edit: staff, who may edit every page or none, use the explorer.
CONTRIBUTOR_MENUS = {"mes-ressources"}
# What moderators use among the settings (users, read-only); platform admins see them all.
MODERATOR_SETTINGS = {"users"}


@hooks.register("construct_main_menu")
def menus_by_role(request, menu_items):
    if is_platform_staff(request.user):
        hidden = set(CONTRIBUTOR_MENUS)
        if not is_platform_admin(request.user):
            hidden |= PLATFORM_ADMIN_MENUS
    else:
        hidden = STAFF_MENUS | PLATFORM_ADMIN_MENUS
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_settings_menu")
def keep_settings_for_platform_admins(request, menu_items):
    """Each settings view checks its own permission; the menu also keeps out of others' sight what a
    permission given to a base's group one day would otherwise bring into it."""
    if not is_platform_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name in MODERATOR_SETTINGS]
