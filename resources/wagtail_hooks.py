from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.log_actions import register_formatted_actions
from cms.media import access
from resources.media_api import ChoosableDocumentsAPIViewSet, ChoosableImagesAPIViewSet
from resources.models import Report, ResourceIndexPage, ResourcePage
from resources.moderation import ReportPermissionPolicy, ReportViewSet
from resources.tasks import enqueue_link_previews


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def fetch_previews_of_links(request, page):
    if isinstance(page, ResourcePage):
        enqueue_link_previews(page.get_latest_revision_as_object())


@hooks.register("construct_explorer_page_queryset")
def show_contributors_only_what_they_may_edit(parent_page, pages, request):
    """Under ``/ressources/``, a contributor sees their own resources, not everyone's."""
    if request.user.is_superuser or parent_page.specific_class is not ResourceIndexPage:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    return pages.filter(pk__in=editable.values("pk"))


register_permission_policy(Report, ReportPermissionPolicy(Report))


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
