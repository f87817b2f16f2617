"""La Base's addresses typed with a final slash (``/ressources/<slug>/``, ``/bases/<slug>/ressources/``…)
lead where they lead without it.

Ours all have a final slash, so these addresses are first ours: a page of Wagtail's tree, a profile, a
route. Only when ours is not found (a 404), as Wagtail's own redirects do, is the address without its
slash asked of La Base's old links (``labase/urls.py``), with their rule: what the visitor may not read
keeps the 404 it had. Our pages and routes cost nothing more."""

import re

from django.http import Http404
from django.urls import Resolver404, resolve

OLD_ADDRESS = re.compile(r"^(?P<old>/(?:ressources|bases|profils|collections)(?:/[-\w]+)+)/$")
# La Base's API never answered with a final slash: its clients keep its exact addresses.
NOT_SLASHED = {"api_resources", "api_bases"}


class SlashedOldLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        address = OLD_ADDRESS.match(request.path_info)
        if address is None:
            return response
        try:
            match = resolve(address["old"], urlconf="labase.urls")
        except Resolver404:
            return response
        if match.url_name in NOT_SLASHED:
            return response
        try:
            return match.func(request, *match.args, **match.kwargs)
        except Http404:
            return response
