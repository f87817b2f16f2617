"""The admin's menus, as the platform roles see them: every account reaches the admin, so what a menu
would show the whole site (its reports, its settings, which Wagtail it runs) stays with the staff."""

from wagtail import hooks

from accounts.roles import is_platform_admin, is_platform_staff

# Reports list pages of the whole site with their authors; their URLs refuse others (admin_urls.py).
PLATFORM_ADMIN_MENUS = {"reports"}
# Wagtail's help links name its version; the help of Les Bases is its own centre d'aide.
STAFF_MENUS = {"help"}
# What moderators use among the settings (users, read-only); platform admins see them all.
MODERATOR_SETTINGS = {"users"}


@hooks.register("construct_main_menu")
def hide_staff_menus(request, menu_items):
    hidden = set()
    if not is_platform_admin(request.user):
        hidden |= PLATFORM_ADMIN_MENUS
        if not is_platform_staff(request.user):
            hidden |= STAFF_MENUS
    menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_settings_menu")
def keep_settings_for_platform_admins(request, menu_items):
    """Each settings view checks its own permission; the menu also keeps out of others' sight what a
    permission given to a base's group one day would otherwise bring into it."""
    if not is_platform_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name in MODERATOR_SETTINGS]
