from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.log_actions import register_formatted_actions
from resources.models import ResourceIndexPage, ResourcePage
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


@hooks.register("construct_image_chooser_queryset")
@hooks.register("construct_document_chooser_queryset")
def choose_only_own_uploads(items, request):
    """Uploads of other people, of private bases among them, stay out of a contributor's choosers."""
    if request.user.is_superuser:
        return items
    return items.filter(uploaded_by_user=request.user)


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
        },
    )
