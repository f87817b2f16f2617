from wagtail import hooks
from wagtail.log_actions import LogFormatter

from bases.creation import equip
from bases.models import BasePage
from cms.log_actions import register_formatted_actions


class VisibilityChanged(LogFormatter):
    label = "Visibilité de la base modifiée"

    def format_message(self, log_entry):
        return "Base rendue publique" if log_entry.data.get("public") else "Base rendue privée"


MEMBERSHIP_ACTIONS = {
    "lesbases.member_invited": ("Invitation envoyée", "Invitation envoyée à {email} ({role})"),
    "lesbases.invitation_declined": ("Invitation refusée", "Invitation refusée par {email}"),
    "lesbases.member_added": ("Membre ajouté", "{member} a rejoint la base comme {role}"),
    "lesbases.join_requested": ("Demande d'adhésion", "{member} demande à rejoindre la base"),
    "lesbases.join_declined": ("Demande d'adhésion refusée", "Demande de {member} refusée"),
    "lesbases.role_changed": ("Rôle modifié", "{member} est désormais {role}"),
    "lesbases.member_removed": ("Membre retiré", "{member} a été retiré(e) de la base"),
    "lesbases.member_left": ("Membre parti", "{member} a quitté la base"),
}


@hooks.register("register_log_actions")
def register_membership_actions(actions):
    register_formatted_actions(actions, MEMBERSHIP_ACTIONS)
    actions.register_action("lesbases.visibility_changed")(VisibilityChanged)


@hooks.register("after_create_page")
def equip_base_created_in_admin(request, page):
    """A base added in the admin (Pages → Bases → ajouter) gets what one created from the site gets:
    its groups, media collection, page permissions, workflow, and its creator as first admin."""
    if isinstance(page, BasePage) and page.members_group_id is None:
        equip(page, admin=request.user)
