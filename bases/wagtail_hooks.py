from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.log_actions import LogFormatter

from bases import emails, sharing, views
from bases.creation import equip
from bases.models import BasePage
from cms.admin_messages import replace_success_message
from cms.log_actions import register_formatted_actions


class VisibilityChanged(LogFormatter):
    label = "Visibilité de la base modifiée"

    def format_message(self, log_entry):
        return "Base rendue publique" if log_entry.data.get("public") else "Base rendue privée"


MEMBERSHIP_ACTIONS = {
    "lesbases.member_invited": ("Invitation envoyée", "Invitation envoyée à {email} ({role})"),
    "lesbases.invitation_cancelled": ("Invitation annulée", "Invitation de {email} annulée"),
    "lesbases.invitation_resent": ("Invitation renvoyée", "Invitation renvoyée à {email}"),
    "lesbases.invitation_declined": ("Invitation refusée", "Invitation refusée par {email}"),
    "lesbases.member_added": ("Membre ajouté", "{member} a rejoint la base comme {role}"),
    "lesbases.join_requested": ("Demande d'adhésion", "{member} demande à rejoindre la base"),
    "lesbases.join_declined": ("Demande d'adhésion refusée", "Demande de {member} refusée"),
    "lesbases.role_changed": ("Rôle modifié", "{member} est désormais {role}"),
    "lesbases.member_removed": ("Membre retiré", "{member} a été retiré(e) de la base"),
    "lesbases.member_left": ("Membre parti", "{member} a quitté la base"),
    "lesbases.base_without_admin": (
        "Base sans administrateur",
        "{member}, dernier membre, a supprimé son compte : la base n'a plus d'administrateur",
    ),
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


@hooks.register("after_create_page")
def equip_base_created_in_admin(request, page):
    """A base added in the admin (Pages → Bases → ajouter) gets what one created from the site gets:
    its groups, media collection, page permissions, workflow, and its creator as first admin."""
    if isinstance(page, BasePage) and page.members_group_id is None:
        equip(page, admin=request.user)


@hooks.register("after_edit_page")
def confirm_the_review(request, page):
    """After « Approuver » or « Demander des modifications » in the editor, say what became of the
    submission instead of Wagtail's « La page … a été mise à jour », which reads as if the reviewer
    had edited it."""
    action = request.POST.get("workflow-action-name") if "action-workflow-action" in request.POST else None
    if action not in REVIEW_CONFIRMATIONS:
        return
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    done = action == "approve" and page.live and not page.has_unpublished_changes
    replace_success_message(request, REVIEW_CONFIRMATIONS[action][done].format(title=page.title))


REVIEW_CONFIRMATIONS = {
    "approve": {
        True: "« {title} » est validée et publiée.",
        False: "Votre validation de « {title} » est enregistrée.",
    },
    "reject": {
        False: "« {title} » n'est pas publiée : son auteur peut la modifier et la soumettre de nouveau.",
    },
}


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


@hooks.register("on_serve_page", order=-2)
def serve_to_share_link_holders(serve):
    """Outermost (before Wagtail's view restriction check, order 0): a session holding the page's
    link (or its base's) and that may not read it otherwise is served the page itself, read-only and
    never cached, with ``request.shared_page_id`` saying so; every other request (a member who was
    also given the link among them) goes through Wagtail's check as before. Only that check is skipped: it is the one other
    ``on_serve_page`` hook installed."""

    def inner(page, request, args, kwargs):
        shared = sharing.shared_page_id(request, page)
        if shared is None or sharing.readable_without_link(page, request.user):
            return serve(page, request, args, kwargs)
        request.shared_page_id = shared
        response = page.serve(request, *args, **kwargs)
        sharing.keep_private(response)
        return response

    return inner


@hooks.register("before_delete_page")
def tell_members_of_deletion(request, page):
    """A base deleted from the admin (the confirmation's POST): its members hear of it before its
    memberships go with it."""
    if request.method == "POST" and isinstance(page, BasePage):
        emails.base_deleted(page, by=request.user)


@hooks.register("before_bulk_action")
def tell_members_of_bulk_deletion(request, action_type, objects, action_class_instance):
    """The same for bases deleted together from a listing of the admin (Wagtail's bulk « Supprimer »,
    whose hook runs once confirmed)."""
    if action_type == "delete" and isinstance(action_class_instance, PageBulkAction):
        for base in BasePage.objects.filter(pk__in=[page.pk for page in objects]):
            emails.base_deleted(base, by=request.user)
