from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from bases import views
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


@hooks.register("on_serve_page", order=-1)
def explain_private_bases(next_serve):
    """Around Wagtail's check of view restrictions (``check_view_restrictions``, which sends whoever may
    not read a page to the sign-in page): when the page belongs to a private base, the visitor gets a
    page saying so, and how to sign in or ask to join, instead. Only a redirection costs the two
    queries of that check."""

    def serve(page, request, args, kwargs):
        response = next_serve(page, request, args, kwargs)
        if response.status_code == 302 and _in_a_private_base_hidden_from(page, request):
            response = views.private_base(request)
            add_never_cache_headers(response)
        return response

    return serve


def _in_a_private_base_hidden_from(page, request) -> bool:
    refused = [r.page_id for r in page.get_view_restrictions() if not r.accept_request(request)]
    return bool(refused) and BasePage.objects.filter(pk__in=refused).exists()
