"""The back office is public: every URL of the site (the Wagtail admin, its API, choosers, reports and
viewsets, ours included, and the served files), requested by six viewers with the ids of a world of
private things, shows each private marker only to the viewers who may read it, and never answers 500.

The URLs come from Django's resolver, so a URL added to the site and missing from ``URLS``
(``url_table.py``) fails ``test_every_url_of_the_site_is_in_the_table``: add its entry there. Who may
read each marker is decided in ``private_world.py``. Requests are GETs, plus a POST for the few actions
of the site where a leak was found in what they answer to one (``post()`` in the table); what other
POSTs would reveal is out of this test's reach.
"""

import io
from dataclasses import dataclass
from urllib.parse import unquote, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.db import transaction
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.utils.regex_helper import normalize
from PIL import Image as PILImage

from tests.admin_security.private_world import IMAGE_COLOURS, MARKERS, SEARCH_WORD, VIEWERS, build_world
from tests.admin_security.url_table import URLS, Get, Skip, expand, get

pytestmark = pytest.mark.django_db


# ---- the URLs of the site, from Django's resolver ----------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # the URL name with its namespaces, or the route of an unnamed pattern
    route: str  # as Django prints it
    callback: object
    candidates: tuple  # (format string, parameter names), one per way of filling the pattern


def site_routes() -> list[Route]:
    found = []

    def walk(patterns, chain, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, [*chain, pattern.pattern], inner)
                continue
            pieces = [*chain, pattern.pattern]
            route = "".join(str(piece) for piece in pieces)
            regex = "".join(piece.regex.pattern.removeprefix("^") for piece in pieces)
            key = ":".join([*namespaces, pattern.name]) if pattern.name else route
            candidates = tuple((template, tuple(names)) for template, names in normalize(regex))
            found.append(Route(key, route, pattern.callback, candidates))

    walk(get_resolver().url_patterns, [], [])
    return found


ROUTES = site_routes()
ROUTES_BY_KEY = {}
for _route in ROUTES:
    ROUTES_BY_KEY.setdefault(_route.key, []).append(_route)


def specs_of(world, key) -> list[Get]:
    entry = URLS[key]
    entries = entry if isinstance(entry, list) else [entry]
    specs = []
    for item in entries:
        specs.extend(item(world) if callable(item) else [item])
    return specs


def routes_taking(key, spec: Get) -> list[tuple[Route, str]]:
    """The patterns of ``key`` whose parameters are those of ``spec``, with their format string."""
    if spec.path is not None:
        return [(route, spec.path.lstrip("/")) for route in ROUTES_BY_KEY[key]]
    matching = []
    for route in ROUTES_BY_KEY[key]:
        for template, names in route.candidates:
            if set(names) == set(spec.params):
                matching.append((route, template))
                break
    return matching


def urls_for(world, key, spec: Get) -> list[str]:
    """The URLs ``spec`` asks for, each checked to reach the view of its pattern."""
    taking = routes_taking(key, spec)
    if not taking:
        raise LookupError(
            f"No pattern of {key} takes the parameters {sorted(spec.params)}: fix URLS[{key!r}]."
        )
    urls = []
    for route, template in taking:
        for values in expand(world, spec):
            path = "/" + template % {name: str(value) for name, value in values.items()}
            try:
                match = resolve(path)
            except Resolver404:
                match = None
            if match is None or match.func is not route.callback:
                raise LookupError(
                    f"{path} does not reach the view of {route.route} ({key}): another pattern answers it "
                    f"first, or the parameters of URLS[{key!r}] do not fit; give a path=, or skip() it."
                )
            for query in spec.queries:
                query = query(world) if callable(query) else query.format_map(world.objects)
                urls.append(f"{path}?{query}" if query else path)
    return urls


# ---- requesting a URL as a viewer, and what the response shows -----------------------------------------

REDIRECTS = {301, 302, 303, 307, 308}
# Redirects not followed: a sign-in page is a refusal (its form echoes the requested address, which is
# not a leak); the admin's dashboard, where Wagtail sends those it refuses, and the home page, where
# allauth sends those already signed in, are requested as URLs of their own (the message that comes
# with the redirect is read from the redirecting response, see markers_in).
STOPS = {settings.LOGIN_URL, "/admin/login/", "/admin/", "/"}


@dataclass
class Seen:
    status: int
    markers: set
    error: str = ""


def visit(world, viewer, url, data=None) -> Seen:
    """GET ``url`` (or POST ``data`` to it) as ``viewer`` and follow the redirects a browser would, up to
    a sign-in page; collect the markers in the redirects' locations, the messages and the final body,
    except those the request itself holds. What a POST changes is rolled back (not what a GET writes:
    the caches it fills serve the next requests)."""
    if data is None:
        return _visit(world.client(viewer), url, data)
    with transaction.atomic():
        seen = _visit(world.client(viewer), url, data)
        transaction.set_rollback(True)
    return seen


def _visit(client, url, data) -> Seen:
    asked = unquote(url + ("?" + urlencode(data) if data else "")).lower()
    markers = set()
    for _hop in range(5):
        try:
            response = client.get(url) if data is None else client.post(url, data)
        except Exception as error:  # the test client re-raises what a view raised: a 500 in production
            return Seen(500, markers, f"{type(error).__name__}: {error}"[:300])
        markers |= {marker for marker in markers_in(response) if marker not in asked}
        if response.status_code not in REDIRECTS:
            break
        target = urlsplit(response["Location"])
        if target.netloc not in ("", "testserver") or target.path in STOPS:
            break
        url, data = response["Location"], None
    return Seen(response.status_code, markers)


def markers_in(response) -> set:
    # Reading a streamed body to its end closes the response, as the test client arranges.
    body = b"".join(response.streaming_content) if response.streaming else response.content
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    text = " ".join(
        [
            response.get("Location", ""),
            response.get("Content-Disposition", ""),
            *messages,
            body.decode("latin-1"),
        ]
    ).lower()
    found = {marker for marker in MARKERS if marker in text}
    if response.get("Content-Type", "").startswith("image/"):
        found |= image_markers(body)
    return found


def image_markers(body: bytes) -> set:
    try:
        image = PILImage.open(io.BytesIO(body)).convert("RGB")
    except Exception:  # not an image after all: nothing served
        return set()
    pixel = image.getpixel((image.width // 2, image.height // 2))
    return {
        marker
        for marker, colour in IMAGE_COLOURS.items()
        if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 24
    }


# ---- the world, built once per module (a test case's class-level transaction, rolled back) -----------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


# ---- the tests --------------------------------------------------------------------------------------------


def test_every_url_of_the_site_is_in_the_table(world):
    missing = sorted({route.key for route in ROUTES} - set(URLS))
    stale = sorted(set(URLS) - {route.key for route in ROUTES})
    uncovered = []
    for key, entry in URLS.items():
        if key in ROUTES_BY_KEY and not isinstance(entry, Skip):
            covered = {route.route for spec in specs_of(world, key) for route, _ in routes_taking(key, spec)}
            uncovered += [
                f"{key}: {route.route}" for route in ROUTES_BY_KEY[key] if route.route not in covered
            ]
    assert not missing, (
        "These URLs are not in tests/admin_security/url_table.py: give each an entry in URLS, "
        "get(<parameter>=<object of the private world>, …) with the query strings that list or search, "
        "or skip(<why no GET can show anything>):\n" + "\n".join(missing)
    )
    assert not stale, "These entries of URLS name no URL of the site any more: remove them.\n" + "\n".join(
        stale
    )
    assert not uncovered, (
        "These patterns share a name with an entry whose get() fits none of them:\n" + "\n".join(uncovered)
    )


REQUESTED = sorted(key for key, entry in URLS.items() if not isinstance(entry, Skip) and key in ROUTES_BY_KEY)


@pytest.mark.parametrize("key", REQUESTED)
def test_no_url_shows_a_viewer_what_they_may_not_read(key, world):
    problems = []
    for spec in specs_of(world, key):
        method = "GET" if spec.data is None else "POST"
        for url in urls_for(world, key, spec):
            for viewer in VIEWERS:
                seen = visit(world, viewer, url, spec.data)
                if seen.status >= 500:
                    problems.append(f"{viewer} {method} {url} → {seen.status} {seen.error}")
                leaked = sorted(marker for marker in seen.markers if viewer not in MARKERS[marker])
                if leaked:
                    problems.append(f"{viewer} {method} {url} → {seen.status} shows {' '.join(leaked)}")
    assert not problems, f"{key}:\n" + "\n".join(problems)


# Where those who may read a private thing do see it: without these, a site that shows nobody anything
# would pass. (URL name, parameters, query string, viewer, markers the response must show.)
READERS_SEE = [
    ("wagtailadmin_pages:edit", {"page_id": "private_resource"}, "", "member", {"mkrestitle", "mkresbody"}),
    ("wagtailadmin_pages:edit", {"page_id": "private_resource"}, "", "admin", {"mkrestitle", "mkbdoctitle"}),
    ("wagtailadmin_pages:edit", {"page_id": "personal_resource"}, "", "admin", {"mkpersotitle"}),
    ("wagtailadmin_pages:edit", {"page_id": "draft"}, "", "admin", {"mkdrafttitle"}),
    ("wagtailadmin_pages:edit", {"page_id": "revised"}, "", "other_member", {"mkrevtitle"}),
    ("wagtailadmin_explore", {"parent_page_id": "private_base"}, "", "member", {"mkrestitle"}),
    ("wagtailadmin_explore", {"parent_page_id": "private_base"}, "", "admin", {"mkrestitle"}),
    ("wagtailadmin_explore", {"parent_page_id": "bases_index"}, "", "member", {"mkbasetitle"}),
    ("wagtaildocs_serve", {"_0": "bdoc", "_1": "bdoc.filename"}, "", "member", {"mkbdoccontent"}),
    ("wagtaildocs_serve", {"_0": "bdoc", "_1": "bdoc.filename"}, "", "admin", {"mkbdoccontent"}),
    ("wagtaildocs_serve", {"_0": "pdoc", "_1": "pdoc.filename"}, "", "admin", {"mkpdoccontent"}),
    ("wagtaildocs_serve", {"_0": "udoc", "_1": "udoc.filename"}, "", "admin", {"mkudoccontent"}),
    ("admin/documents/", {}, f"q={SEARCH_WORD}", "admin", {"mkbdoctitle", "mkpdoctitle", "mkudoctitle"}),
    ("admin/images/", {}, f"q={SEARCH_WORD}", "admin", {"mkbimgtitle", "mkuimgtitle"}),
    ("wagtailusers_users:index", {}, "q=mkownerlast", "moderator", {"mkownermail"}),
    ("wagtailusers_users:index", {}, "q=mkownerlast", "admin", {"mkownermail"}),
    ("signalements:edit", {"pk": "report"}, "", "moderator", {"mkreportdesc"}),
    ("avis_sur_le_site:index", {}, "", "admin", {"mkfeedbackmail"}),
    ("search_log:index", {}, "", "admin", {"mksearchquery"}),
    ("wagtail_serve", {"_0": "private_base_path"}, "", "member", {"mkbasetitle", "mkrestitle"}),
    ("wagtail_serve", {"_0": "private_base_path"}, "", "admin", {"mkbasetitle", "mkrestitle"}),
]


@pytest.mark.parametrize(("key", "params", "query", "viewer", "expected"), READERS_SEE)
def test_those_who_may_read_a_private_thing_still_see_it(key, params, query, viewer, expected, world):
    [url] = urls_for(world, key, get(query, **params))
    response = world.client(viewer).get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, url
    assert expected <= markers_in_text(body), url


def markers_in_text(body: bytes) -> set:
    text = body.decode("latin-1").lower()
    return {marker for marker in MARKERS if marker in text}


def test_image_files_and_renditions_reach_only_their_readers(world):
    """Image files are not Django views (the bucket, or /media/ locally); whatever serves them at the
    address the site gives must follow the image's readers."""
    problems = []
    for key in ("bimg", "pimg", "dimg", "uimg"):
        image = world[key]
        for url in (image.file.url, image.get_rendition("fill-40x30").url):
            if urlsplit(url).netloc not in ("", "testserver"):
                continue  # served by the bucket itself, whose ACL is out of this test's reach
            path = urlsplit(url).path
            try:
                resolve(path)
            except Resolver404:
                continue  # nothing of the site serves it here (local media are not served by Django)
            for viewer in VIEWERS:
                seen = visit(world, viewer, path)
                leaked = sorted(marker for marker in seen.markers if viewer not in MARKERS[marker])
                if seen.status >= 500 or leaked:
                    problems.append(f"{viewer} GET {path} → {seen.status} {' '.join(leaked)} {seen.error}")
    assert not problems, "\n".join(problems)
