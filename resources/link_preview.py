"""Server-side fetch of a web page's preview (title, description) and of its image.

The URL comes from users, so the fetch is guarded against SSRF: only http(s), only public addresses,
re-checked at every redirect, and the connection goes to the checked IP itself so that a second DNS
answer (rebinding) cannot redirect it to an internal address. Each fetch has a hard deadline, and
the image is re-encoded by us: pages show our copy, never the remote file.
"""

import codecs
import http.client
import io
import ipaddress
import socket
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from django.conf import settings
from PIL import Image, ImageOps
from urllib3.connection import HTTPConnection, HTTPSConnection

from cms.uploads import PICTURE_FORMATS, PICTURE_MAX_BYTES

try:
    import certifi
except ImportError:  # pragma: no cover - urllib3 then falls back to the system store
    certifi = None

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 3.0
TOTAL_TIMEOUT = 8.0
MAX_BYTES = 1_000_000
MAX_REDIRECTS = 5

# The preview's image: what we fetch at most, what we keep of it (our own WebP, within this box).
IMAGE_MAX_BYTES = PICTURE_MAX_BYTES
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_BOX = (800, 800)
# A site's icon: also in the icon format browsers read, kept as a small WebP of ours too.
FAVICON_FORMATS = PICTURE_FORMATS | {"ICO"}
FAVICON_BOX = (64, 64)

CHUNK_SIZE = 64 * 1024
TITLE_MAX_LENGTH = 300
DESCRIPTION_MAX_LENGTH = 1000
ALLOWED_SCHEMES = {"http": 80, "https": 443}
HTML_CONTENT_TYPES = {"text/html", "application/xhtml+xml"}
HTML_ACCEPT = "text/html,application/xhtml+xml"
IMAGE_ACCEPT = "image/webp,image/png,image/jpeg"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
REQUEST_HEADERS = {
    "User-Agent": "LesBasesBot/1.0 (+https://lesbases.anct.gouv.fr)",
    # Compressed bodies would make the byte limits count compressed bytes, not what we read.
    "Accept-Encoding": "identity",
}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Preview:
    """Texts are whitespace-collapsed and cut; image_url is an absolute http(s) URL, or ""."""

    title: str
    description: str
    image_url: str


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
    with _Deadline(TOTAL_TIMEOUT) as deadline:
        page_url, head = _fetch(url, HTML_ACCEPT, _read_head, deadline)
    return _build_preview(head, page_url)


def favicon_picture(data: bytes) -> bytes:
    """A site's icon re-encoded by us, as ``preview_picture`` does an image."""
    return preview_picture(data, box=FAVICON_BOX, formats=FAVICON_FORMATS)


def fetch_image(url: str) -> bytes:
    """The body of an image answer, IMAGE_MAX_BYTES at most, within its own TOTAL_TIMEOUT."""
    with _Deadline(TOTAL_TIMEOUT) as deadline:
        _image_url, body = _fetch(url, IMAGE_ACCEPT, _read_image, deadline)
    return body


def preview_picture(data: bytes, box=IMAGE_BOX, formats=PICTURE_FORMATS) -> bytes:
    """``data`` re-encoded by us as a WebP within ``box``: a JPEG, PNG or WebP (or another of
    ``formats``) that Pillow reads, of IMAGE_MAX_PIXELS at most. What the remote file held besides
    its pixels (metadata, anything appended) stays behind."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in formats:
                raise PreviewError(f"unsupported image format ({image.format})")
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise PreviewError("the image has too many pixels")
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail(box)
            has_alpha = "A" in picture.getbands() or "transparency" in picture.info
            output = io.BytesIO()
            picture.convert("RGBA" if has_alpha else "RGB").save(output, "WEBP", quality=80)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PreviewError("the image could not be read") from exc
    return output.getvalue()


class _Deadline:
    """A fetch's whole time budget, enforced: at the deadline, the connection in use is shut down.

    Socket timeouts bound each read only, so a server sending its headers (or anything else) a byte
    at a time would never meet them; shutting the socket down from a timer thread ends any read in
    progress, whichever library is reading."""

    def __init__(self, seconds: float):
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._connection: HTTPConnection | None = None
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        remaining = self._end - time.monotonic()
        if self.expired or remaining <= 0:
            raise FetchTimeout("the page took too long to answer")
        return remaining

    def watch(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connection = connection

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._connection.sock if self._connection is not None else None
            if sock is not None:
                # socket.socket's own shutdown, not SSLSocket's, which would also drop the TLS state
                # another thread is reading with: the file descriptor alone is cut.
                with suppress(OSError):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)


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


def _fetch(url: str, accept: str, read, deadline: _Deadline):
    """``(final URL, read(response, deadline))``, following redirects; each hop is checked anew."""
    for _hop in range(MAX_REDIRECTS + 1):
        target = _parse_target(url)
        address = _resolve_allowed_address(target)
        connection = _connection(target, address, deadline)
        deadline.watch(connection)
        try:
            with _network_errors_as_preview_errors(deadline):
                response = _open(connection, target, accept, deadline)
                location = _redirect_location(response)
                if location is None:
                    result = read(response, deadline)
                    # A read cut by the deadline may look like a short answer: it is a timeout.
                    deadline.remaining()
                    return url, result
        finally:
            connection.close()
        url = urljoin(url, location)
    raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")


def _connection(target: _Target, address: str, deadline: _Deadline) -> HTTPConnection:
    # Connecting (and the TLS handshake, which Python bounds by the same socket timeout as a whole)
    # ends by the deadline; what follows is bounded by the deadline's timer.
    timeout = min(CONNECT_TIMEOUT, deadline.remaining())
    if target.scheme == "http":
        return HTTPConnection(address, target.port, timeout=timeout)
    return HTTPSConnection(
        address,
        target.port,
        timeout=timeout,
        server_hostname=target.host,
        assert_hostname=target.host,
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where() if certifi else None,
    )


def _open(
    connection: HTTPConnection, target: _Target, accept: str, deadline: _Deadline
) -> urllib3.BaseHTTPResponse:
    connection.connect()
    deadline.remaining()
    connection.timeout = READ_TIMEOUT
    headers = {"Host": target.host_header, "Accept": accept, **REQUEST_HEADERS}
    connection.request("GET", target.request_path, headers=headers, preload_content=False)
    response = connection.getresponse()
    # Headers cut short by the deadline end like complete ones: only the deadline tells them apart.
    deadline.remaining()
    return response


def _redirect_location(response: urllib3.BaseHTTPResponse) -> str | None:
    if response.status in REDIRECT_STATUSES and response.headers.get("Location"):
        return response.headers["Location"].strip()
    return None


def _read_head(response: urllib3.BaseHTTPResponse, deadline: _Deadline) -> "_HeadParser":
    if not 200 <= response.status < 300:
        raise PreviewError(f"the page answered with HTTP status {response.status}")
    content_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
    if content_type not in HTML_CONTENT_TYPES:
        raise PreviewError(f"the page is not HTML ({content_type or 'no content type'})")
    return _parse_streamed_head(response, charset, deadline)


def _parse_streamed_head(
    response: urllib3.BaseHTTPResponse, charset: str, deadline: _Deadline
) -> "_HeadParser":
    parser = _HeadParser()
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    received = 0
    while received < MAX_BYTES and not parser.finished:
        chunk = _read_chunk(response, min(CHUNK_SIZE, MAX_BYTES - received), deadline)
        if not chunk:
            break
        received += len(chunk)
        parser.feed(decoder.decode(chunk))
    # The rest of the body is left unread: closing the connection drops it.
    parser.feed(decoder.decode(b"", final=True))
    parser.close()
    return parser


def _read_image(response: urllib3.BaseHTTPResponse, deadline: _Deadline) -> bytes:
    if not 200 <= response.status < 300:
        raise PreviewError(f"the image answered with HTTP status {response.status}")
    content_type, _charset = _parse_content_type(response.headers.get("Content-Type", ""))
    if not content_type.startswith("image/"):
        raise PreviewError(f"the answer is not an image ({content_type or 'no content type'})")
    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > IMAGE_MAX_BYTES:
        raise PreviewError("the image is too large")
    body = bytearray()
    while chunk := _read_chunk(response, min(CHUNK_SIZE, IMAGE_MAX_BYTES + 1 - len(body)), deadline):
        body += chunk
        if len(body) > IMAGE_MAX_BYTES:
            raise PreviewError("the image is too large")
    return bytes(body)


def _read_chunk(response: urllib3.BaseHTTPResponse, size: int, deadline: _Deadline) -> bytes:
    # read1() returns what a single socket read brings, so the loops above look at the deadline often.
    deadline.remaining()
    return response.read1(size)


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
def _network_errors_as_preview_errors(deadline: _Deadline):
    try:
        yield
    except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
        if deadline.expired or isinstance(exc, urllib3.exceptions.TimeoutError | TimeoutError):
            raise FetchTimeout("the page took too long to answer") from exc
        if isinstance(exc, urllib3.exceptions.NewConnectionError):
            raise PreviewError("could not connect to the host") from exc
        raise PreviewError("the page could not be fetched") from exc


# --- HTML -------------------------------------------------------------------------------------------------


class _HeadParser(HTMLParser):
    """Collects the <head> metadata a preview needs, and stops at </head> or <body>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
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


def _build_preview(head: _HeadParser, page_url: str) -> Preview:
    title = _clean_text(head.first_meta("og:title", "twitter:title") or head.title, TITLE_MAX_LENGTH)
    if not title:
        raise PreviewError("the page has no title")
    description = head.first_meta("og:description", "description", "twitter:description")
    return Preview(
        title=title,
        description=_clean_text(description, DESCRIPTION_MAX_LENGTH),
        image_url=_absolute_http_url(page_url, head.first_meta("og:image", "twitter:image")),
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
