"""Admin URLs that Wagtail opens to every account with admin access, answered here first (this module is
included before Wagtail's admin) for those who may see what they show.

- The reports list pages, their authors' addresses, workflow tasks named after the bases, counts
  and latest pages of each page type: for platform admins only (their menu is hidden from others).
- The task chooser lists every workflow task (named after the bases, private ones included): for
  those who may edit workflows.
- The page chooser names pages by their draft title, and its "chosen" answer for several ids gives
  the title and address of any page: the pages the user may not edit by their live title, and that
  answer only for the pages the user may choose (``cms.page_chooser``).
- The forms listing's filters name the owners and editors of pages: those of the pages the user may
  explore (``cms.page_admin``).
- Tag autocompletion, and the popular tags of the image and document listings and of the image
  chooser, name tags of every file of the site, private ones included: only the tags the user may
  see (``cms.media.visible_tags``, ``cms/media_admin.py``).
- The chooser of wagtail-dsfr's tags lists every tag of the site, those of private files included
  (they name them): for platform admins, the only ones who edit the pages that use these tags.
- Wagtail's deliberate error (``failwhale/``), which tests the error reports: for superusers only,
  rather than a server error any account can raise.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, JsonResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from taggit.models import Tag
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.admin.urls import reports as wagtail_reports
from wagtail.admin.urls import workflows as wagtail_workflows
from wagtail.admin.views import home
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.models import Workflow
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_dsfr.content_manager.models import Tag as EditorialTag

from accounts.roles import is_platform_admin
from cms import media_admin, page_chooser
from cms.media import visible_tags
from cms.page_admin import FormPagesOfExplorablePeopleListView

TASK_CHOOSER_URLS = {"task_chooser", "task_chooser_results", "task_chooser_create", "task_chosen"}


def edits_workflows(user) -> bool:
    return policy_registry.get_by_type(Workflow).user_has_any_permission(user, ["add", "change"])


def _only_for(test, patterns) -> list:
    """Wagtail's own views at their own paths, refused (Wagtail's « permission denied ») to those
    who fail ``test``."""
    return [path(str(pattern.pattern), user_passes_test(test)(pattern.callback)) for pattern in patterns]


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's ``wagtail.admin.views.tags.autocomplete`` (8.0), among the tags the user may see."""
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as unknown:
            raise Http404 from unknown
        if tag_model is None or not issubclass(tag_model, Tag):
            raise Http404
    term = request.GET.get("term")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tag_model.objects.filter(pk__in=visible_tags(request.user).values("pk"), name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


urlpatterns = [
    path("reports/", include(_only_for(is_platform_admin, wagtail_reports.urlpatterns))),
    path(
        "workflows/",
        include(
            _only_for(
                edits_workflows,
                [pattern for pattern in wagtail_workflows.urlpatterns if pattern.name in TASK_CHOOSER_URLS],
            )
        ),
    ),
    path("choose-page/", page_chooser.BrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", page_chooser.BrowseView.as_view()),
    path("choose-page/search/", page_chooser.SearchView.as_view()),
    path("choose-page/chosen-multiple/", page_chooser.ChosenMultipleView.as_view()),
    path("forms/", FormPagesOfExplorablePeopleListView.as_view()),
    path("forms/results/", FormPagesOfExplorablePeopleListView.as_view(results_only=True)),
    path("tag-autocomplete/", tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", tag_autocomplete),
    path("images/", media_admin.ImagesIndexView.as_view()),
    path("images/results/", media_admin.ImagesIndexView.as_view(results_only=True)),
    path("images/chooser/", media_admin.image_choose_view()),
    path("documents/", media_admin.DocumentsIndexView.as_view()),
    path("documents/results/", media_admin.DocumentsIndexView.as_view(results_only=True)),
    path(
        f"{EditorialTag.snippet_viewset.chooser_viewset.url_prefix}/",
        include(_only_for(is_platform_admin, EditorialTag.snippet_viewset.chooser_viewset.get_urlpatterns())),
    ),
    path("failwhale/", user_passes_test(lambda user: user.is_superuser)(home.error_test)),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
