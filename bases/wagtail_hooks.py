from wagtail import hooks
from wagtail.log_actions import LogFormatter


def _formatter(label: str, template: str):
    """A log formatter whose message fills ``template`` with the entry's data."""
    return type(
        "MembershipLogFormatter",
        (LogFormatter,),
        {"label": label, "format_message": lambda self, entry: template.format(**entry.data)},
    )


class VisibilityChanged(LogFormatter):
    label = "Visibilité de la base modifiée"

    def format_message(self, log_entry):
        return "Base rendue publique" if log_entry.data.get("public") else "Base rendue privée"


MEMBERSHIP_ACTIONS = {
    "lesbases.member_invited": ("Invitation envoyée", "{email} invité(e) comme {role}"),
    "lesbases.invitation_declined": ("Invitation refusée", "{email} a refusé l'invitation"),
    "lesbases.member_added": ("Membre ajouté", "{member} a rejoint la base comme {role}"),
    "lesbases.join_requested": ("Demande d'adhésion", "{member} demande à rejoindre la base"),
    "lesbases.join_declined": ("Demande d'adhésion refusée", "Demande de {member} refusée"),
    "lesbases.role_changed": ("Rôle modifié", "{member} est désormais {role}"),
    "lesbases.member_removed": ("Membre retiré", "{member} a été retiré(e) de la base"),
    "lesbases.member_left": ("Membre parti", "{member} a quitté la base"),
}


@hooks.register("register_log_actions")
def register_membership_actions(actions):
    for action, (label, template) in MEMBERSHIP_ACTIONS.items():
        actions.register_action(action)(_formatter(label, template))
    actions.register_action("lesbases.visibility_changed")(VisibilityChanged)
