from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SiteSummaryPanel
from wagtail.admin.userbar import AdminItem
from wagtail.permissions import register_permission_policy

from accounts.roles import is_platform_staff
from cms import edge_cache
from cms.page_permissions import may_edit
from home.categories import CATEGORIES
from home.dashboard import MonEspacePanel
from home.models import SiteFeedback
from home.viewsets import ReadOnlyPolicy, SiteFeedbackViewSet, profile_chooser_viewset

register_permission_policy(SiteFeedback, ReadOnlyPolicy(SiteFeedback))

# The editorial page that bootstrap_site creates (home/bootstrap.py, slug « centre-d-aide »).
HELP_CENTRE_URL = "/centre-d-aide/"
# Wagtail's help items link to its English guides on wagtail.org and name its version.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_viewset")
def register_profile_chooser():
    return profile_chooser_viewset


@hooks.register("register_admin_viewset")
def register_site_feedback():
    return SiteFeedbackViewSet("avis_sur_le_site", model=SiteFeedback)


@hooks.register("insert_global_admin_css")
def dsfr_colours():
    return format_html('<link rel="stylesheet" href="{}">', static("home/css/admin.css"))


@hooks.register("register_help_menu_item")
def help_centre():
    return MenuItem("Centre d'aide", HELP_CENTRE_URL, name="centre-d-aide", icon_name="help", order=900)


@hooks.register("construct_help_menu")
def our_help_instead_of_wagtails(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


class SiteSummary(SiteSummaryPanel):
    """Wagtail's counts of pages, images and documents, under « Mon espace »."""

    order = 60


@hooks.register("construct_homepage_panels")
def mon_espace(request, panels):
    """Contributors see their own lists; platform staff see them above Wagtail's panels (the tasks to
    review, the pages they edited or locked) and the site's summary, as before."""
    if is_platform_staff(request.user):
        panels[:] = [MonEspacePanel(), SiteSummary(request), *panels]
    else:
        panels[:] = [MonEspacePanel()]


class MonEspaceItem(AdminItem):
    """The userbar's way back to the admin, by its name here (Wagtail says « l'administration de
    Wagtail »)."""

    template_name = "home/userbar/item_mon_espace.html"


@hooks.register("construct_wagtail_userbar")
def userbar_for_the_pages_one_edits(request, items, page):
    """Every account reaches the admin, so Wagtail would put its userbar (and its accessibility checker,
    run in the reader's browser) on every page seen by anyone signed in. It helps on the pages one may
    edit; elsewhere the site's header leads to « Mon espace »: no items, and then no userbar
    (templates/wagtailadmin/userbar/base.html)."""
    if page is None or not may_edit(request, page):
        items.clear()
        return
    items[:] = [MonEspaceItem() if type(item) is AdminItem else item for item in items]


@hooks.register(edge_cache.RELATED_URLS_HOOK)
def home_categories_and_site_map(pages):
    """The home page and the category pages list resources and bases, the « Plan du site » bases and
    editorial pages, and the menus list pages."""
    return [
        "/",
        *(reverse("home:category", kwargs={"key": key}) for key in CATEGORIES),
        reverse("home:site_map"),
    ]
