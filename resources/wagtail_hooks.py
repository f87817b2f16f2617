from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction

from cms.admin_messages import replace_success_message
from cms.hiding import HIDDEN_ACTION, SHOWN_ACTION
from cms.hiding_admin import ModerationPermissionPolicy
from cms.log_actions import register_formatted_actions
from cms.media import access, choosable
from cms.page_admin import EditablePagesSummaryItem, page_viewset
from cms.page_permissions import EditablePagesPermissionPolicy, choosable_pages, editable_pages
from resources import contributors
from resources.media_api import ChoosableDocumentsAPIViewSet, ChoosableImagesAPIViewSet
from resources.models import Rating, RatingReply, Report, ResourcePage
from resources.moderation import ReportViewSet
from resources.tasks import enqueue_link_previews
from resources.workspace import my_resources_viewset


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def fetch_previews_of_links(request, page):
    if isinstance(page, ResourcePage):
        enqueue_link_previews(page.get_latest_revision_as_object())


@hooks.register("after_edit_page")
def tell_the_owner_of_an_edit(request, page):
    if isinstance(page, ResourcePage):
        contributors.tell_owner_of_edit(page, by=request.user)


@hooks.register("before_create_page")
@hooks.register("before_edit_page")
def note_when_the_editor_answers(request, *page_or_parent_and_class):
    request.editor_answering_since = timezone.now()


@hooks.register("after_create_page", order=1)
@hooks.register("after_edit_page", order=1)
def show_the_published_resource(request, page):
    """Publishing a resource leads to it, as visitors see it, with a French confirmation: not to
    Wagtail's listing of /ressources/ under « Page … créée et publiée ». (After the other hooks: the
    first to answer a response ends the list.) Published by this request, that is: not scheduled for
    later. A newer draft does not say otherwise: an autosave sent just before « Publier » may be saved
    just after the publication (Wagtail checks it against the latest revision before saving, not under
    a lock)."""
    if not isinstance(page, ResourcePage) or "action-publish" not in request.POST:
        return None
    page.refresh_from_db(fields=["live", "last_published_at", "url_path"])
    if not page.live or not page.last_published_at or page.last_published_at < request.editor_answering_since:
        return None
    replace_success_message(
        request, f"« {page.title} » est publiée : la voici telle que la lisent les visiteurs."
    )
    return redirect(page.url)


@hooks.register("insert_editor_js")
def autosave_without_traps():
    return format_html('<script src="{}"></script>', static("resources/js/editor-autosave.js"))


@hooks.register("insert_editor_js")
def upload_first_when_there_is_nothing_to_choose():
    return format_html('<script src="{}"></script>', static("resources/js/chooser-upload-first.js"))


# The first item of the menu is the editor's button; the others wait behind its chevron. « approve » is
# a reviewer's action on a page under moderation (« Approuver et publier » at the last step).
PRIMARY_ACTIONS = ("approve", "action-publish", "action-submit")


@hooks.register("construct_page_action_menu")
def publish_or_submit_first(menu_items, request, context):
    """Ahead of « Enregistrer le brouillon » (Wagtail's first): « Approuver » for a reviewer of the page,
    else « Publier » for those who may publish, else « Soumettre à … » for those whose page goes through
    its base's moderation."""
    for name in PRIMARY_ACTIONS:
        primary = next((item for item in menu_items if item.name == name), None)
        if primary is not None:
            menu_items.remove(primary)
            menu_items.insert(0, primary)
            return


# Before any view asks for it: the explorer, the admin search, the admin API, the page history and
# the reports list the pages a user may edit, not every page under one where they may add.
register_permission_policy(Page, EditablePagesPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return page_viewset


@hooks.register("register_admin_viewset")
def register_my_resources():
    return my_resources_viewset


@hooks.register("construct_homepage_summary_items", order=1)
def count_the_pages_one_may_edit(request, items):
    """After Wagtail's own hook (order 0), which adds its count of pages."""
    items[:] = [
        EditablePagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items
    ]


@hooks.register("construct_page_chooser_queryset")
def choose_only_pages_one_may_link_to(pages, request):
    """The page chooser (links of resources, destinations of a move) offers the pages the user may
    edit and the live public pages. Browsing into any other page is a 404: the chooser would show
    its title as the page being browsed."""
    if request.user.is_superuser:
        return pages
    choosable = choosable_pages(request.user)
    browsed = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if browsed is not None and not (
        Page.objects.filter(pk=browsed, depth=1).exists() or choosable.filter(pk=browsed).exists()
    ):
        raise Http404
    return pages.filter(pk__in=choosable.values("pk"))


@hooks.register("before_move_page")
def refuse_moves_one_may_not_make(request, page, destination):
    """Wagtail's confirmation of a move names the page (and counts its subpages) before checking, at
    the POST, that the user may move it there: any page id would show its title."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


def _readable_ids(user, model, ids) -> set:
    """Those of ``ids`` that ``user`` may see by name: pages they may edit, files they may choose;
    of anything else (snippets), none."""
    if issubclass(model, Page):
        readable = editable_pages(user)
    elif issubclass(model, (get_image_model(), get_document_model())):
        readable = choosable(user, model)
    else:
        return set()
    return set(readable.filter(pk__in=ids).values_list("pk", flat=True))


class UnreadableItemsUnnamedMixin:
    """Wagtail's confirmation of a bulk action names each chosen item the user may not act on; the
    ids come from the URL, so only those the user may see anyway are named, the others left out."""

    def get_actionable_objects(self):
        objects, refused = super().get_actionable_objects()
        refused_items = refused["items_with_no_access"]
        readable = _readable_ids(self.request.user, self.model, [item.pk for item in refused_items])
        refused["items_with_no_access"] = [item for item in refused_items if item.pk in readable]
        return objects, refused


# Registered after Wagtail's own (order 1): the last registration of an action wins.
for bulk_action in (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
    image_bulk_actions.DeleteBulkAction,
    image_bulk_actions.AddTagsBulkAction,
    image_bulk_actions.AddToCollectionBulkAction,
    document_bulk_actions.DeleteBulkAction,
    document_bulk_actions.AddTagsBulkAction,
    document_bulk_actions.AddToCollectionBulkAction,
    SnippetDeleteBulkAction,
):
    hooks.register(
        "register_bulk_action",
        type(bulk_action.__name__, (UnreadableItemsUnnamedMixin, bulk_action), {}),
        order=1,
    )


for moderated_model in (Report, Rating, RatingReply):
    register_permission_policy(moderated_model, ModerationPermissionPolicy(moderated_model))


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("signalements")


@hooks.register("register_log_actions")
def register_contributor_actions(actions):
    register_formatted_actions(
        actions,
        {
            "lesbases.contributor_added": ("Contributeur ajouté", "{member} peut modifier la ressource"),
            "lesbases.contributor_removed": (
                "Contributeur retiré",
                "{member} ne contribue plus à la ressource",
            ),
            "lesbases.report_resolved": ("Signalement classé", "Signalement « {reason} » classé"),
            HIDDEN_ACTION: ("Masqué par la modération", "Masqué : {reason}"),
            SHOWN_ACTION: ("Affiché de nouveau par la modération", "Affiché de nouveau : {reason}"),
            "lesbases.report_unpublished": (
                "Dépubliée après un signalement",
                "Ressource dépubliée après un signalement « {reason} »",
            ),
        },
    )


@hooks.register("construct_admin_api", order=1)
def list_in_the_admin_api_only_what_may_be_chosen(router):
    """After Wagtail's own endpoints (order 0), which list every image and document."""
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)


@hooks.register("before_serve_document")
def serve_documents_under_the_media_rule(document, request):
    """Wagtail applies collection privacy to documents, not the privacy of the pages using them:
    ``cms.media.access`` decides (public pages' files to everyone, the others to their readers)."""
    if access(request.user, document) is not None:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404
