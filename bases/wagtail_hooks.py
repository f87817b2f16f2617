from wagtail import hooks
from wagtail.log_actions import LogFormatter

from bases import sharing
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


@hooks.register("register_log_actions")
def register_share_link_actions(actions):
    register_formatted_actions(
        actions,
        {
            "lesbases.share_link_enabled": ("Lien de partage activé", "Lien de partage activé"),
            "lesbases.share_link_disabled": ("Lien de partage désactivé", "Lien de partage désactivé"),
            "lesbases.share_link_renewed": (
                "Lien de partage renouvelé",
                "Nouveau lien de partage : l'ancien ne fonctionne plus",
            ),
        },
    )


@hooks.register("on_serve_page", order=-1)
def serve_to_share_link_holders(serve):
    """Outermost (before Wagtail's view restriction check, order 0): a session holding the page's
    link (or its base's) is served the page itself, read-only and never cached; every other request
    goes through Wagtail's check as before. Only that check is skipped: it is the one other
    ``on_serve_page`` hook installed."""

    def inner(page, request, args, kwargs):
        shared = sharing.shared_page_id(request, page)
        if shared is None:
            return serve(page, request, args, kwargs)
        request.shared_page_id = shared
        response = page.serve(request, *args, **kwargs)
        sharing.keep_private(response)
        return response

    return inner
