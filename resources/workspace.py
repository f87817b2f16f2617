"""« Mes ressources »: the admin's flat listing of the resources a user may edit, wherever they are
(their profile's /ressources/, their bases), in place of the page explorer that contributors would
have to walk down. Its « Ajouter » asks where the new resource goes among the places where the user
may add one, and goes straight on when there is only one."""

from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.page_admin import PeopleOfExplorablePagesMixin
from resources.models import ResourcePage


class ExplorablePeopleResourceFilterSet(PeopleOfExplorablePagesMixin, PageFilterSet):
    class Meta:
        model = ResourcePage
        fields = []


class MyResourcesViewSet(PageListingViewSet):
    """Lists, as Wagtail's page listings do, the pages the user may explore: with the page policy of
    ``cms.page_permissions``, the resources they may edit."""

    model = ResourcePage
    name = "mes_ressources"
    icon = "doc-full"
    menu_label = "Mes ressources"
    menu_name = "mes-ressources"
    menu_order = 50
    add_to_admin_menu = True
    filterset_class = ExplorablePeopleResourceFilterSet

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title="Mes ressources", **kwargs)

    def get_choose_parent_view_kwargs(self, **kwargs):
        return super().get_choose_parent_view_kwargs(page_title="Où publier la ressource ?", **kwargs)


my_resources_viewset = MyResourcesViewSet()
