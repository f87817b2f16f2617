"""Serving a page: the site and its specific root page found in prepared queries (cms/prepared.py),
then Wagtail's view, with our routing (cms/routing.py)."""

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail import views
from wagtail.models import Site

from cms.prepared import PreparedQuery
from cms.private_api import remember_site
from cms.routing import specific
from cms.visibility import view_restricted


class PageSiteMiddleware:
    """Before Wagtail's page view, finds the site and its specific root page: Wagtail's own lookup
    builds a query of four ranked cases on every request, then fetches the root page twice (generic,
    then specific)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is views.serve:
            remember_site(request, find_site(request))


# The sites that may answer for a host name, each with its root page and whether a view restriction
# applies to it (cms/visibility.py). Joining the root page's specific page too (the tree root's possible
# children, six tables) would spare a query but cost more: their columns, all empty but one table's,
# take longer to read than the query.
_CANDIDATE_SITES = PreparedQuery(
    lambda hostname: (
        Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
        .select_related("root_page")
        .annotate(root_page_view_restricted=view_restricted("root_page__"))
        .order_by()
    ),
    hostname=str,
)


def find_site(request) -> Site | None:
    """``Site.find_for_request``'s choice (``get_site_for_hostname`` in wagtail/models/sites.py), its
    root page specific: the site of this host name and port; else of this host name, the default one
    first; else the default site, unless exactly one other site has this host name."""
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()

    def rank(site):
        if site.hostname == hostname:
            return 0 if str(site.port) == port else 1 if site.is_default_site else 3
        return 2

    sites = sorted(_CANDIDATE_SITES.fetch(hostname=hostname), key=rank)
    if len(sites) == 1 or (sites and rank(sites[0]) < 2):
        site = sites[0]
    elif sites and rank(sites[0]) == 2:
        site = sites[len(sites) == 2]
    else:
        return None
    site.root_page = specific(site.root_page)
    site.root_page.view_restricted = site.root_page_view_restricted
    return site
