"""Server-side fetch of a web page's preview (title, description, image, favicon).

The URL comes from users, so the fetch is guarded against SSRF: only http(s), only public addresses,
re-checked at every redirect, and the connection goes to the checked IP itself so that a second DNS
answer (rebinding) cannot redirect it to an internal address.
"""

import codecs
import http.client
import ipaddress
import socket
import time
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from django.conf import settings

try:
    import certifi
except ImportError:  # pragma: no cover - urllib3 then falls back to the system store
    certifi = None

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 3.0
TOTAL_TIMEOUT = 8.0
MAX_BYTES = 1_000_000
MAX_REDIRECTS = 5

CHUNK_SIZE = 64 * 1024
TITLE_MAX_LENGTH = 300
DESCRIPTION_MAX_LENGTH = 1000
ALLOWED_SCHEMES = {"http": 80, "https": 443}
HTML_CONTENT_TYPES = {"text/html", "application/xhtml+xml"}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
REQUEST_HEADERS = {
    "User-Agent": "LesBasesBot/1.0 (+https://lesbases.anct.gouv.fr)",
    "Accept": "text/html,application/xhtml+xml",
    # Compressed bodies would make MAX_BYTES count compressed bytes, not what we parse.
    "Accept-Encoding": "identity",
}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Preview:
    """Texts are whitespace-collapsed and cut; URLs are absolute http(s) URLs, image_url may be ""."""

    title: str
    description: str
    image_url: str
    favicon_url: str


class PreviewError(Exception):
    """The page could not be previewed; the message is a short English reason."""


class UnsupportedURL(PreviewError):
    pass


class ForbiddenAddress(PreviewError):
    pass


class TooManyRedirects(PreviewError):
    pass


class FetchTimeout(PreviewError):
    pass


def fetch_preview(url: str) -> Preview:
    deadline = time.monotonic() + TOTAL_TIMEOUT
    page_url, head = _fetch_head(url, deadline)
    return _build_preview(head, page_url)


# --- URL and address checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # ASCII (IDNA) host name or IP literal, without brackets
    port: int
    request_path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == ALLOWED_SCHEMES[self.scheme] else f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host_header}"


def _parse_target(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UnsupportedURL("malformed URL") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsupportedURL("only http and https URLs are allowed")
    if parts.username is not None or parts.password is not None:
        raise UnsupportedURL("credentials in URLs are not allowed")
    if not parts.hostname:
        raise UnsupportedURL("the URL has no host")
    request_path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    return _Target(scheme, _ascii_host(parts.hostname), port or ALLOWED_SCHEMES[scheme], request_path)


def _ascii_host(hostname: str) -> str:
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UnsupportedURL("invalid host name") from exc


def _resolve_allowed_address(target: _Target) -> str:
    try:
        address_infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise PreviewError("could not resolve the host") from exc
    addresses = [info[4][0] for info in address_infos]
    if not addresses:
        raise PreviewError("could not resolve the host")
    allowed_networks = _allowed_networks()
    for address in addresses:
        # One forbidden answer is enough to refuse: the host is pointing at something internal.
        if not _is_allowed_address(ipaddress.ip_address(address), allowed_networks):
            raise ForbiddenAddress(f"the host resolves to a forbidden address ({address})")
    return addresses[0]


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(cidr) for cidr in getattr(settings, "LINK_PREVIEW_ALLOWED_NETWORKS", [])]


def _is_allowed_address(ip: IPAddress, allowed_networks) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks):
        return True
    return _is_public(ip) and all(_is_public(embedded) for embedded in _embedded_ipv4(ip))


def _is_public(ip: IPAddress) -> bool:
    special = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return ip.is_global and not special


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    # 6to4 and Teredo addresses count as global but carry an IPv4 address that a relay may reach.
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    candidates = [ip.sixtofour, *(ip.teredo or ())]
    return [candidate for candidate in candidates if candidate is not None]


# --- HTTP -------------------------------------------------------------------------------------------------


def _fetch_head(url: str, deadline: float) -> tuple[str, "_HeadParser"]:
    for _hop in range(MAX_REDIRECTS + 1):
        target = _parse_target(url)
        address = _resolve_allowed_address(target)
        with _connection_pool(target, address, deadline) as pool, _open(pool, target) as response:
            location = _redirect_location(response)
            if location is None:
                return url, _read_head(response, deadline)
        url = urljoin(url, location)
    raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")


def _connection_pool(target: _Target, address: str, deadline: float) -> urllib3.HTTPConnectionPool:
    timeout = urllib3.Timeout(total=_remaining(deadline), connect=CONNECT_TIMEOUT, read=READ_TIMEOUT)
    if target.scheme == "http":
        return urllib3.HTTPConnectionPool(address, target.port, timeout=timeout, maxsize=1, retries=False)
    return urllib3.HTTPSConnectionPool(
        address,
        target.port,
        timeout=timeout,
        maxsize=1,
        retries=False,
        server_hostname=target.host,
        assert_hostname=target.host,
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where() if certifi else None,
    )


def _open(pool: urllib3.HTTPConnectionPool, target: _Target) -> urllib3.BaseHTTPResponse:
    headers = {"Host": target.host_header, **REQUEST_HEADERS}
    with _network_errors_as_preview_errors():
        return pool.urlopen(
            "GET", target.request_path, headers=headers, redirect=False, retries=False, preload_content=False
        )


def _redirect_location(response: urllib3.BaseHTTPResponse) -> str | None:
    if response.status in REDIRECT_STATUSES and response.headers.get("Location"):
        return response.headers["Location"].strip()
    return None


def _read_head(response: urllib3.BaseHTTPResponse, deadline: float) -> "_HeadParser":
    if not 200 <= response.status < 300:
        raise PreviewError(f"the page answered with HTTP status {response.status}")
    content_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
    if content_type not in HTML_CONTENT_TYPES:
        raise PreviewError(f"the page is not HTML ({content_type or 'no content type'})")
    with _network_errors_as_preview_errors():
        return _parse_streamed_head(response, charset, deadline)


def _parse_streamed_head(response: urllib3.BaseHTTPResponse, charset: str, deadline: float) -> "_HeadParser":
    parser = _HeadParser()
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    received = 0
    while received < MAX_BYTES and not parser.finished:
        chunk = _read_chunk(response, min(CHUNK_SIZE, MAX_BYTES - received), deadline)
        if not chunk:
            break
        received += len(chunk)
        parser.feed(decoder.decode(chunk))
    # The rest of the body is left unread: closing the response drops the connection.
    parser.feed(decoder.decode(b"", final=True))
    parser.close()
    return parser


def _read_chunk(response: urllib3.BaseHTTPResponse, size: int, deadline: float) -> bytes:
    # read1() waits for a single socket read, so a slow trickle cannot outlive the overall deadline.
    remaining = _remaining(deadline)
    if response.connection is not None and response.connection.sock is not None:
        response.connection.sock.settimeout(min(READ_TIMEOUT, remaining))
    return response.read1(size)


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout("the page took too long to answer")
    return remaining


def _parse_content_type(header: str) -> tuple[str, str]:
    media_type, *parameters = header.split(";")
    charset = "utf-8"
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and _is_text_encoding(value.strip().strip("\"'")):
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _is_text_encoding(name: str) -> bool:
    # bytes.decode() only accepts text encodings, unlike codecs.lookup() which also knows base64 or zlib.
    try:
        b"".decode(name)
    except LookupError:
        return False
    return True


@contextmanager
def _network_errors_as_preview_errors():
    try:
        yield
    except urllib3.exceptions.NewConnectionError as exc:
        raise PreviewError("could not connect to the host") from exc
    except (urllib3.exceptions.TimeoutError, TimeoutError) as exc:
        raise FetchTimeout("the page took too long to answer") from exc
    except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
        raise PreviewError("the page could not be fetched") from exc


# --- HTML -------------------------------------------------------------------------------------------------


class _HeadParser(HTMLParser):
    """Collects the <head> metadata a preview needs, and stops at </head> or <body>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.icons: dict[str, str] = {}
        self.title = ""
        self.finished = False
        self._title_parts: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if self.finished:
            return
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "body":
            self.finished = True
        elif tag == "title" and not self.title:
            self._title_parts = []
        elif tag == "meta":
            self._collect_meta(attributes)
        elif tag == "link":
            self._collect_icon(attributes)

    def handle_endtag(self, tag):
        if tag == "head":
            self.finished = True
        elif tag == "title" and self._title_parts is not None:
            self.title = "".join(self._title_parts)
            self._title_parts = None

    def handle_data(self, data):
        if self._title_parts is not None:
            self._title_parts.append(data)

    def close(self):
        super().close()
        if self._title_parts is not None:
            self.title = "".join(self._title_parts)

    def first_meta(self, *keys: str) -> str:
        return next((self.meta[key] for key in keys if key in self.meta), "")

    def _collect_meta(self, attributes: dict[str, str]):
        key = (attributes.get("property") or attributes.get("name") or "").strip().lower()
        content = attributes.get("content", "").strip()
        if key and content:
            self.meta.setdefault(key, content)

    def _collect_icon(self, attributes: dict[str, str]):
        rel = attributes.get("rel", "").lower().split()
        href = attributes.get("href", "").strip()
        if not href:
            return
        if "icon" in rel:
            self.icons.setdefault("icon", href)
        elif "apple-touch-icon" in rel:
            self.icons.setdefault("apple-touch-icon", href)


def _build_preview(head: _HeadParser, page_url: str) -> Preview:
    title = _clean_text(head.first_meta("og:title", "twitter:title") or head.title, TITLE_MAX_LENGTH)
    if not title:
        raise PreviewError("the page has no title")
    description = head.first_meta("og:description", "description", "twitter:description")
    icon_href = head.icons.get("icon") or head.icons.get("apple-touch-icon", "")
    default_favicon_url = f"{_parse_target(page_url).origin}/favicon.ico"
    return Preview(
        title=title,
        description=_clean_text(description, DESCRIPTION_MAX_LENGTH),
        image_url=_absolute_http_url(page_url, head.first_meta("og:image", "twitter:image")),
        favicon_url=_absolute_http_url(page_url, icon_href) or default_favicon_url,
    )


def _clean_text(text: str, max_length: int) -> str:
    return " ".join(text.split())[:max_length].strip()


def _absolute_http_url(base_url: str, href: str) -> str:
    if not href:
        return ""
    absolute_url = urljoin(base_url, href)
    try:
        parts = urlsplit(absolute_url)
    except ValueError:
        return ""
    return absolute_url if parts.scheme in ALLOWED_SCHEMES and parts.hostname else ""
