"""The admin's menus, as the platform roles see them: every account reaches the admin, so what a menu
would show the whole site (its reports, its settings, its page tree) stays with the staff, and a
contributor sees what they use: their resources, their images and documents, the help centre."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction

from accounts.admin_views import sign_out_everywhere
from accounts.lifecycle import DeletedBecause, delete_account
from accounts.roles import is_platform_admin, is_platform_staff
from cms.log_actions import register_formatted_actions

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


@hooks.register("register_admin_urls")
def register_account_actions():
    return [
        path(
            "utilisateurs/<int:user_id>/deconnecter-partout/",
            sign_out_everywhere,
            name="accounts_sign_out_everywhere",
        )
    ]


@hooks.register("register_user_listing_buttons")
def offer_to_sign_out_everywhere(user, request_user):
    if user.is_active and is_platform_admin(request_user):
        yield Button(
            "Déconnecter partout",
            url=reverse("accounts_sign_out_everywhere", args=[user.pk]),
            icon_name="logout",
            priority=60,
        )


class AnonymisingDeleteBulkAction(DeleteBulkAction):
    """Deleting users in bulk anonymises each, as deleting one does (``accounts.viewsets``)."""

    @classmethod
    def execute_action(cls, objects, **kwargs):
        for account in objects:
            delete_account(account, why=DeletedBecause.ADMIN)
        return len(objects), 0


# After Wagtail's own (order 0): the last registration of an action wins.
hooks.register("register_bulk_action", AnonymisingDeleteBulkAction, order=1)


@hooks.register("register_log_actions")
def register_account_actions_in_the_log(actions):
    register_formatted_actions(
        actions,
        {
            "lesbases.account_deleted": ("Compte supprimé", "Compte supprimé et anonymisé"),
            "lesbases.signed_out_everywhere": (
                "Déconnecté partout",
                "Toutes les sessions du compte ont pris fin",
            ),
        },
    )
