from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import ADMINISTRATORS_GROUP, is_platform_admin
from cms import edge_cache
from resources.models import ResourceIndexPage
from search import views
from search.models import SearchLog


class PlatformAdminsMayView(BasePermissionPolicy):
    """The search log is a record: platform admins read it, nobody adds, edits or deletes an entry."""

    def user_has_permission(self, user, action):
        return action == "view" and is_platform_admin(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS_GROUP), is_active=True)
            .distinct()
        )


register_permission_policy(SearchLog, PlatformAdminsMayView(SearchLog))


class SearchLogViewSet(ModelViewSet):
    model = SearchLog
    icon = "search"
    menu_label = "Recherches effectuées"
    menu_order = 900
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["created_at", "query", "tab", "sort", "page", "result_count", "duration_ms", "user"]
    list_filter = ["tab", "created_at"]
    search_fields = ["query"]
    search_backend_name = None
    # Never shown (nobody may add or edit), but a ModelViewSet must name its form fields.
    form_fields = ["query"]


@hooks.register("register_admin_viewset")
def register_search_log_viewset():
    return SearchLogViewSet("search_log")


@hooks.register("on_serve_page", order=1)
def list_resources_with_the_search(next_serve):
    """``/ressources/`` lists every resource the visitor may read with the search's filters and sorts
    (``views.resource_index``), inside Wagtail's check of view restrictions (order 1: the chain's
    hooks run in order, each around the next)."""

    def serve(page, request, args, kwargs):
        if isinstance(page, ResourceIndexPage):
            return views.resource_index(request, page)
        return next_serve(page, request, args, kwargs)

    return serve


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def searches(pages):
    """Every search and quick search (the edge drops a path with all its query strings)."""
    return [reverse("search:search"), reverse("search:quick_search")]
