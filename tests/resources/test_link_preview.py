"""fetch_preview against real local HTTP servers.

The test site listens on 127.0.0.2, which LINK_PREVIEW_ALLOWED_NETWORKS lets through. 127.0.0.1 stays
forbidden: an "internal" server listens there to prove that refused requests never reach it.
"""

import socket
import time

import pytest

from resources import link_preview
from resources.link_preview import (
    FetchTimeout,
    ForbiddenAddress,
    Preview,
    PreviewError,
    TooManyRedirects,
    UnsupportedURL,
    fetch_image,
    fetch_preview,
)
from tests.resources.conftest import ALLOWED_HOST, Route, Site, running_site

INTERNAL_HOST = "127.0.0.1"
CHUNK_SIZE = 64 * 1024
HUGE_SIZE = 20 * 1024 * 1024


@pytest.fixture
def internal_site(site):
    """Same port as the test site, on the forbidden 127.0.0.1: where a rebinding attack would lead."""
    yield from running_site(INTERNAL_HOST, site.port)


# --- Routes -----------------------------------------------------------------------------------------------


def page(html: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    body = html.encode() if isinstance(html, str) else html

    def route(handler):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str) -> Route:
    def route(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def stalled_page(site: Site) -> Route:
    def route(handler):
        site.stopping.wait(timeout=10)
        page("<title>Too late</title>")(handler)

    return route


def trickling_page(site: Site) -> Route:
    """Each byte comes well within the read timeout, and the page takes 5 s to end."""

    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(b"<html><head><title>Slow</title>")
        for _tick in range(50):
            if site.stopping.wait(timeout=0.1):
                return
            try:
                handler.wfile.write(b" ")
                handler.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return route


def headers_byte_by_byte(site: Site) -> Route:
    """The status line and headers a byte every 0.1 s, each well within the read timeout: 10 s in all."""

    def route(handler):
        answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: " + b"x" * 60 + b"\r\n\r\n"
        for byte in answer + b"<title>Too late</title>":
            if site.stopping.wait(timeout=0.1):
                return
            try:
                handler.wfile.write(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                return

    return route


def huge_page(site: Site, html: str) -> Route:
    """HUGE_SIZE bytes: `html` then filler, counting what the client accepted before hanging up."""

    def route(handler):
        start = html.encode()
        # Small kernel buffers, so that what the server manages to send reflects what the client read.
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK_SIZE)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(HUGE_SIZE))
        handler.end_headers()
        try:
            handler.wfile.write(start)
            site.bytes_sent = len(start)
            while site.bytes_sent < HUGE_SIZE:
                chunk = b"x" * min(CHUNK_SIZE, HUGE_SIZE - site.bytes_sent)
                handler.wfile.write(chunk)
                site.bytes_sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            site.done_answering.set()

    return route


def fake_resolver(answers: dict[str, list[list[str]]]):
    """socket.getaddrinfo giving `answers[host]` in turn (one list per call), the real one for others."""
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real_getaddrinfo(host, port, *args, **kwargs)
        addresses = answers[host].pop(0) if len(answers[host]) > 1 else answers[host][0]
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (address, port),
            )
            for address in addresses
        ]

    return getaddrinfo


# --- Parsing ----------------------------------------------------------------------------------------------


def test_open_graph_tags_make_the_preview(site):
    site.routes["/article"] = page(
        """<!doctype html><html><head>
        <title>Ignored title tag</title>
        <meta property="og:title" content="  Les tiers-lieux
            en France ">
        <meta property="og:description" content="Un guide &amp; des outils">
        <meta property="og:image" content="/images/cover.png">
        </head><body><meta property="og:title" content="Body meta is ignored"></body></html>"""
    )

    preview = fetch_preview(f"{site.url}/article")

    assert preview == Preview(
        title="Les tiers-lieux en France",
        description="Un guide & des outils",
        image_url=f"{site.url}/images/cover.png",
    )


def test_title_tag_and_meta_description_are_used_without_open_graph(site):
    site.routes["/"] = page(
        """<html><head><title>
          Caf&eacute;   &amp; co
        </title><meta name="description" content="Plain description"></head></html>"""
    )

    preview = fetch_preview(f"{site.url}/")

    assert preview == Preview(title="Café & co", description="Plain description", image_url="")


def test_twitter_tags_are_used_before_the_title_tag(site):
    site.routes["/"] = page(
        """<head><title>Title tag</title>
        <meta name="twitter:title" content="Twitter title">
        <meta name="twitter:image" content="https://cdn.example.org/card.jpg"></head>"""
    )

    preview = fetch_preview(f"{site.url}/")

    assert preview.title == "Twitter title"
    assert preview.image_url == "https://cdn.example.org/card.jpg"


def test_an_image_with_another_scheme_is_dropped(site):
    site.routes["/"] = page(
        """<head><title>Page</title>
        <meta property="og:image" content="javascript:alert(1)"></head>"""
    )

    assert fetch_preview(f"{site.url}/").image_url == ""


def test_long_title_and_description_are_cut(site):
    site.routes["/"] = page(
        f"""<head><meta property="og:title" content="{"t" * 500}">
        <meta property="og:description" content="{"d" * 2000}"></head>"""
    )

    preview = fetch_preview(f"{site.url}/")

    assert preview.title == "t" * 300
    assert preview.description == "d" * 1000


def test_charset_comes_from_the_content_type(site):
    site.routes["/"] = page(
        "<title>Données ouvertes</title>".encode("iso-8859-1"), "text/html; charset=ISO-8859-1"
    )

    assert fetch_preview(f"{site.url}/").title == "Données ouvertes"


def test_xhtml_answer_is_parsed(site):
    site.routes["/"] = page(
        '<html xmlns="http://www.w3.org/1999/xhtml"><title>XHTML</title>', "application/xhtml+xml"
    )

    assert fetch_preview(f"{site.url}/").title == "XHTML"


def test_page_without_any_title_is_refused(site):
    site.routes["/"] = page('<head><meta property="og:description" content="No title"></head>')

    with pytest.raises(PreviewError, match="no title"):
        fetch_preview(f"{site.url}/")


def test_request_names_the_host_and_identifies_the_bot(site):
    site.routes["/"] = page("<title>Page</title>")

    fetch_preview(f"{site.url}/?q=1#fragment")

    [(path, headers)] = site.requests
    assert path == "/?q=1"
    assert headers["Host"] == f"{ALLOWED_HOST}:{site.port}"
    assert headers["User-Agent"] == "LesBasesBot/1.0 (+https://lesbases.anct.gouv.fr)"
    assert headers["Accept"] == "text/html,application/xhtml+xml"


# --- Answers that are not previewed -----------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json", ""])
def test_non_html_answer_is_refused(site, content_type):
    site.routes["/file"] = page(b"<title>Looks like HTML</title>", content_type)

    with pytest.raises(PreviewError, match="not HTML"):
        fetch_preview(f"{site.url}/file")


def test_error_status_is_refused(site):
    with pytest.raises(PreviewError, match="404"):
        fetch_preview(f"{site.url}/missing")


def test_https_without_a_valid_certificate_is_refused(site):
    site.routes["/"] = page("<title>Plain HTTP</title>")

    with pytest.raises(PreviewError):
        fetch_preview(f"https://{ALLOWED_HOST}:{site.port}/")


# --- Time and size limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "total_timeout"),
    [(stalled_page, 0.5), (trickling_page, 1.0)],
    ids=["slow answer times out", "trickling page stops at the overall deadline"],
)
def test_a_page_that_takes_too_long_times_out(site, monkeypatch, route, total_timeout):
    monkeypatch.setattr(link_preview, "READ_TIMEOUT", 0.5)
    monkeypatch.setattr(link_preview, "TOTAL_TIMEOUT", total_timeout)
    site.routes["/slow"] = route(site)

    with pytest.raises(FetchTimeout):
        fetch_preview(f"{site.url}/slow")


@pytest.mark.parametrize("fetch", [fetch_preview, fetch_image], ids=["page", "image"])
def test_headers_sent_a_byte_at_a_time_are_cut_at_the_deadline(site, monkeypatch, fetch):
    monkeypatch.setattr(link_preview, "READ_TIMEOUT", 0.5)
    monkeypatch.setattr(link_preview, "TOTAL_TIMEOUT", 1.0)
    site.routes["/slow"] = headers_byte_by_byte(site)

    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(f"{site.url}/slow")

    assert time.monotonic() - started < 1.5


def test_huge_page_is_read_only_up_to_its_head(site):
    site.routes["/huge"] = huge_page(
        site, '<html><head><meta property="og:title" content="Huge page"></head><body>'
    )

    preview = fetch_preview(f"{site.url}/huge")

    assert preview.title == "Huge page"
    assert site.done_answering.wait(timeout=10)
    assert site.bytes_sent < HUGE_SIZE / 5


def test_page_without_end_of_head_is_cut_at_max_bytes(site):
    within_limit = '<meta property="og:description" content="Read">'
    beyond_limit = '<meta property="og:image" content="/never-read.png">'
    site.routes["/huge"] = huge_page(
        site,
        "<html><head><title>Endless head</title>"
        + "x" * 900_000
        + within_limit
        + "x" * 200_000
        + beyond_limit,
    )

    preview = fetch_preview(f"{site.url}/huge")

    assert (preview.title, preview.description, preview.image_url) == ("Endless head", "Read", "")
    assert site.done_answering.wait(timeout=10)
    assert site.bytes_sent < HUGE_SIZE / 5


# --- Redirects --------------------------------------------------------------------------------------------


def test_relative_redirect_is_followed_and_final_url_is_the_base(site):
    site.routes["/docs/old"] = redirect("new")
    site.routes["/docs/new"] = page('<title>New</title><meta property="og:image" content="cover.png">')

    preview = fetch_preview(f"{site.url}/docs/old")

    assert preview.image_url == f"{site.url}/docs/cover.png"
    assert site.requested_paths == ["/docs/old", "/docs/new"]


def test_redirect_loop_stops_after_max_redirects(site):
    site.routes["/loop"] = redirect("/loop")

    with pytest.raises(TooManyRedirects):
        fetch_preview(f"{site.url}/loop")

    assert len(site.requests) == link_preview.MAX_REDIRECTS + 1


def test_redirect_to_loopback_is_refused(site, internal_site):
    internal_site.routes["/"] = page("<title>Internal</title>")
    site.routes["/"] = redirect(f"{internal_site.url}/")

    with pytest.raises(ForbiddenAddress):
        fetch_preview(f"{site.url}/")

    assert internal_site.requests == []


def test_redirect_to_cloud_metadata_is_refused(site):
    site.routes["/"] = redirect("http://169.254.169.254/latest/meta-data/")

    with pytest.raises(ForbiddenAddress):
        fetch_preview(f"{site.url}/")


def test_redirect_to_another_scheme_is_refused(site):
    site.routes["/"] = redirect("file:///etc/passwd")

    with pytest.raises(UnsupportedURL):
        fetch_preview(f"{site.url}/")


# --- Forbidden targets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("allowed_networks", [[], None], ids=["empty-setting", "no-setting"])
def test_loopback_url_is_refused_without_allowed_networks(settings, allowed_networks):
    if allowed_networks is None:
        del settings.LINK_PREVIEW_ALLOWED_NETWORKS
    else:
        settings.LINK_PREVIEW_ALLOWED_NETWORKS = allowed_networks
    internal_site = Site(INTERNAL_HOST)
    internal_site.start()
    internal_site.routes["/"] = page("<title>Internal</title>")
    try:
        with pytest.raises(ForbiddenAddress):
            fetch_preview(f"{internal_site.url}/")
    finally:
        internal_site.stop()

    assert internal_site.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://localhost/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "http://[2002:7f00:1::]/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "https://192.168.1.1/",
    ],
)
def test_private_and_local_addresses_are_refused(settings, url):
    settings.LINK_PREVIEW_ALLOWED_NETWORKS = [f"{ALLOWED_HOST}/32"]
    with pytest.raises(ForbiddenAddress):
        fetch_preview(url)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<title>x</title>",
        "gopher://example.org/",
        "http:///no-host",
        "http://user:secret@example.org/",
        "http://user@example.org/",
        "http://[::1/",
        "not a url",
    ],
)
def test_unsupported_urls_are_refused(url):
    with pytest.raises(UnsupportedURL):
        fetch_preview(url)


def test_host_with_any_private_address_is_refused(site, monkeypatch):
    resolver = fake_resolver({"mixed.example": [["93.184.216.34", "10.0.0.5"]]})
    monkeypatch.setattr(socket, "getaddrinfo", resolver)

    with pytest.raises(ForbiddenAddress):
        fetch_preview("http://mixed.example/")


def test_connection_goes_to_the_checked_address_despite_dns_rebinding(site, internal_site, monkeypatch):
    site.routes["/"] = page("<title>Checked site</title>")
    internal_site.routes["/"] = page("<title>Internal</title>")
    # First answer passes the check; any later lookup would lead to the internal server.
    resolver = fake_resolver({"rebind.example": [[ALLOWED_HOST], [INTERNAL_HOST]]})
    monkeypatch.setattr(socket, "getaddrinfo", resolver)

    preview = fetch_preview(f"http://rebind.example:{site.port}/")

    assert preview.title == "Checked site"
    assert site.requests[0][1]["Host"] == f"rebind.example:{site.port}"
    assert internal_site.requests == []
