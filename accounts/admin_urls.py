"""Admin URLs that Wagtail opens to every account with admin access, answered here first (this module is
included before Wagtail's admin) for those who may see what they show.

- The reports list pages, their authors' addresses, workflow tasks named after the bases, counts
  and latest pages of each page type: for platform admins only (their menu is hidden from others).
- The task chooser lists every workflow task (named after the bases, private ones included): for
  those who may edit workflows.
- The page chooser's "chosen" answer for several ids gives the title and address of each: only
  for the pages the user may choose.
"""

from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.admin.urls import reports as wagtail_reports
from wagtail.admin.urls import workflows as wagtail_workflows
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Workflow
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from accounts.roles import is_platform_admin
from cms.page_permissions import choosable_pages

TASK_CHOOSER_URLS = {"task_chooser", "task_chooser_results", "task_chooser_create", "task_chosen"}


def edits_workflows(user) -> bool:
    return policy_registry.get_by_type(Workflow).user_has_any_permission(user, ["add", "change"])


def _only_for(test, patterns) -> list:
    """Wagtail's own views at their own paths, refused (Wagtail's « permission denied ») to those
    who fail ``test``."""
    return [path(str(pattern.pattern), user_passes_test(test)(pattern.callback)) for pattern in patterns]


class ChoosablePagesChosenView(ChosenMultipleView):
    def get(self, request):
        request.GET = request.GET.copy()
        request.GET.setlist(
            "id",
            [
                str(pk)
                for pk in choosable_pages(request.user)
                .filter(pk__in=[pk for pk in request.GET.getlist("id") if pk.isdigit()])
                .values_list("pk", flat=True)
            ],
        )
        return super().get(request)


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
    path("choose-page/chosen-multiple/", ChoosablePagesChosenView.as_view()),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
