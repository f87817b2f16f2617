"""Admin URLs that Wagtail opens to every account with admin access, answered here first (this module is
included before Wagtail's admin) for those who may see what they show.

- The page chooser's "chosen" answer for several ids gives the title and address of each: only
  for the pages the user may choose.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.page_permissions import choosable_pages


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
    path("choose-page/chosen-multiple/", ChoosablePagesChosenView.as_view()),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
