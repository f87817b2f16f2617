"""A real local web site for the link preview tests: each test chooses its answers, path by path."""

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

# LINK_PREVIEW_ALLOWED_NETWORKS lets 127.0.0.2 through; 127.0.0.1 stays forbidden.
ALLOWED_HOST = "127.0.0.2"

Route = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """A real HTTP server whose answers each test chooses, path by path."""

    def __init__(self, host: str, port: int = 0):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.bytes_sent = 0
        self.done_answering = threading.Event()
        self.stopping = threading.Event()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self.port = self._server.server_port
        self.url = f"http://{host}:{self.port}"

    @property
    def requested_paths(self) -> list[str]:
        return [path for path, _headers in self.requests]

    def start(self):
        # A short poll interval keeps shutdown(), hence each test's teardown, fast.
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self):
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(urlsplit(self.path).path)
            if route is None:
                self.send_error(404)
            else:
                route(self)

        def log_message(self, *args):
            pass

    return Handler


def running_site(host: str, port: int = 0) -> Iterator[Site]:
    site = Site(host, port)
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def site(settings):
    settings.LINK_PREVIEW_ALLOWED_NETWORKS = [f"{ALLOWED_HOST}/32"]
    yield from running_site(ALLOWED_HOST)
