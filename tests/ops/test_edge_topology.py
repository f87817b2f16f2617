"""The production topology on loopback, with real parts: Varnish (infra/varnish/) in front of two
gunicorn app containers with the production settings, Redis, moto's S3 and the task worker, all on the
test database. What a visitor or a member does through one container or the edge holds everywhere."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
import requests
from django.conf import settings
from django.db import connection

from cms.embedded_db import ensure_running
from tests import factories
from tests.mail import start_mailbox
from tests.ops.conftest import (
    BUCKET,
    GUNICORN,
    RedisServer,
    free_port,
    operator_environment,
    start_s3,
    varnish_command,
)

pytestmark = pytest.mark.topology

ROOT = Path(__file__).resolve().parents[2]
HOST = "lesbases.test"


def wait_for_port(port: int, process: subprocess.Popen, name: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped (its log is in the test's temporary directory)")
        try:
            requests.get(f"http://127.0.0.1:{port}/health/", headers={"Host": HOST}, timeout=10)
            return
        except requests.RequestException:  # not listening yet, or still loading under load
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not answer on port {port}")


class Topology:
    """Addresses of the edge and of the two app containers, and the services behind them."""

    def __init__(self, tmp: Path, s3_endpoint: str):
        self.tmp, self.s3_endpoint = tmp, s3_endpoint
        self.mailbox, self.smtp = start_mailbox()
        self.redis = RedisServer()
        self.edge_port, self.web_ports = free_port(), (free_port(), free_port())
        self.processes = []

    @property
    def edge(self) -> str:
        return f"http://127.0.0.1:{self.edge_port}"

    @property
    def web(self) -> tuple[str, str]:
        return tuple(f"http://127.0.0.1:{port}" for port in self.web_ports)

    def environment(self, **variables) -> dict:
        params = ensure_running(settings.DATABASES["default"]["NAME"])
        database = settings.DATABASES["default"]["NAME"]
        return operator_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY="a-long-random-production-like-secret-key-for-this-test-only-123456",
            DATABASE_URL=f"postgres://postgres@{quote(params['host'], safe='')}:{params['port']}/{database}",
            ALLOWED_HOSTS=HOST,
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            REDIS_URL=self.redis.url,
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=self.s3_endpoint,
            AWS_S3_REGION_NAME="fr-par",
            AWS_ACCESS_KEY_ID="test",
            AWS_SECRET_ACCESS_KEY="test",
            FRONTEND_CACHE_PURGE_URL=self.edge,
            STATIC_ROOT=str(self.tmp / "static"),
            EMAIL_URL=f"smtp://{self.smtp.hostname}:{self.smtp.port}",
            **variables,
        )

    def start(self) -> None:
        """What outlives the test's data: the build's static files, Redis, the edge."""
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=self.environment(),
            check=True,
        )
        self.redis.start()
        self._start_varnish()

    def start_containers(self) -> None:
        """The app containers and the worker."""
        webs = [self._spawn(GUNICORN, PORT=str(port), WEB_CONCURRENCY="1") for port in self.web_ports]
        self.worker = self._spawn([sys.executable, "manage.py", "run_worker", "--backend", "background"])
        for port, web in zip(self.web_ports, webs, strict=True):
            wait_for_port(port, web, "gunicorn")

    def stop_containers(self) -> None:
        containers, self.processes = self.processes, []
        _stop(containers)

    def _spawn(self, command, **variables) -> subprocess.Popen:
        log = open(self.tmp / f"process-{len(self.processes)}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.environment(**variables),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def _start_varnish(self) -> None:
        self.varnish_dir = self.tmp / "varnish"
        command = varnish_command(self.tmp, self.edge_port, self.web_ports)
        log = open(self.tmp / "varnish.log", "wb")  # noqa: SIM115 - closed with the process
        self.varnish = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for_port(self.edge_port, self.varnish, "varnishd")

    def forget_everything(self) -> None:
        """Between tests: the database goes back to the site's snapshot, so the caches are emptied."""
        redis.Redis.from_url(self.redis.url).flushall()
        subprocess.run(
            ["varnishadm", "-n", str(self.varnish_dir), "ban", "req.url", "~", "."],
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        _stop([*self.processes, self.varnish])
        self.redis.stop()
        self.smtp.stop()


def _stop(processes) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            # Each process leads a group of its own (gunicorn's workers): none is left on its port.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def topology(django_db_setup, tmp_path_factory, s3_bucket):
    running = Topology(tmp_path_factory.mktemp("topology"), s3_bucket)
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def s3_bucket():
    bucket = start_s3()
    yield bucket.endpoint
    bucket.server.stop()


@pytest.fixture(scope="module")
def containers(topology):
    topology.start_containers()
    yield
    topology.stop_containers()


@pytest.fixture
def site(topology, containers, site_snapshot):
    """The site's structure and nothing else: its database is restored to a snapshot before each test
    (ids, content types and groups included, which the containers keep in memory), its caches emptied."""
    topology.forget_everything()
    return topology


class Browser:
    """A visitor's browser behind the site's HTTPS proxy: it keeps its cookies (secure ones
    included, which `requests` would not send to a plain-HTTP address) and names the site."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, path, data=None, files=None):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, url + path, headers=headers, data=data, files=files, allow_redirects=False, timeout=30
        )
        for cookie in response.cookies:
            if cookie.expires is not None and cookie.expires < time.time():
                self.cookies.pop(cookie.name, None)
            else:
                self.cookies[cookie.name] = cookie.value
        return response

    def get(self, url, path):
        return self.request("GET", url, path)

    def post_form(self, url, path, fields, files=None, form_path=None):
        """Send a form as a person would: read it first (for its CSRF token), then post it."""
        page = self.get(url, form_path or path)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.request("POST", url, path, data={"csrfmiddlewaretoken": token, **fields}, files=files)

    def sign_in(self, url, user, mailbox):
        """By the code e-mailed to ``user``, through ``url``."""
        sent = len(mailbox.messages)
        asked = self.post_form(url, "/compte/login/code/", {"email": user.email})
        assert asked.status_code == 302, asked.text[:2000]
        code = mailbox.code_sent_to(user.email, after=sent)
        confirmed = self.post_form(url, "/compte/login/code/confirm/", {"code": code})
        assert confirmed.status_code == 302, confirmed.text[:2000]


def eventually(check, within: float = 1.0):
    """``check()`` holds within ``within`` seconds; returns its last value."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def test_a_session_opened_through_one_container_works_through_the_other(site):
    member = factories.contributor(first_name="Inès", last_name="Passerelle")
    browser = Browser()
    a, b = site.web
    browser.sign_in(a, member, site.mailbox)

    profile_form = browser.get(b, "/profils/modifier/")
    assert profile_form.status_code == 200
    assert "Passerelle" in profile_form.text
    through_edge = browser.get(site.edge, "/")
    assert through_edge.headers["X-Cache"] == "MISS"
    assert "private" in through_edge.headers["Cache-Control"]


def test_an_anonymous_page_is_kept_at_the_edge_and_a_publication_through_a_container_purges_it(site):
    author = factories.contributor()
    resource = factories.resource(owner=author, title="Atelier tablette")
    visitor, author_browser = Browser(), Browser()

    assert visitor.get(site.edge, resource.url).headers["X-Cache"] == "MISS"
    kept = visitor.get(site.edge, resource.url)
    assert kept.headers["X-Cache"] == "HIT" and "Atelier tablette" in kept.text
    assert visitor.get(site.edge, "/rechercher/?q=tablette").status_code == 200

    a = site.web[0]
    author_browser.sign_in(a, author, site.mailbox)
    edit = f"/admin/pages/{resource.pk}/edit/"
    body = factories.streamfield([("text", factories.rich_text("<p>Trois séances d'une heure.</p>"))])
    fields = factories.resource_form_data(author, title="Atelier tablette et smartphone", body=body)
    published = author_browser.post_form(a, edit, fields)
    assert published.status_code == 302, published.text[:3000]

    def renamed():
        page = visitor.get(site.edge, resource.url)
        return "Atelier tablette et smartphone" in page.text and page

    assert eventually(renamed)
    assert "Atelier tablette et smartphone" in visitor.get(site.edge, "/rechercher/?q=tablette").text
    assert site.worker.poll() is None


def test_a_private_page_is_never_served_from_the_edge(site):
    admin, member = factories.contributor(), factories.contributor()
    base = factories.base(owner=admin, members=[member])
    resource = factories.resource(parent=base, owner=admin, title="Compte rendu de l'équipe")
    visitor, member_browser, admin_browser = Browser(), Browser(), Browser()
    assert visitor.get(site.edge, resource.url).status_code == 200
    assert visitor.get(site.edge, resource.url).headers["X-Cache"] == "HIT"

    admin_browser.sign_in(site.web[0], admin, site.mailbox)
    made_private = admin_browser.post_form(
        site.edge, f"/bases/{base.slug}/gerer/visibilite/", {"is_public": "0"}
    )
    assert made_private.status_code == 302, made_private.text[:3000]

    assert eventually(lambda: visitor.get(site.edge, resource.url).status_code == 403)
    member_browser.sign_in(site.edge, member, site.mailbox)
    assert member_browser.get(site.edge, resource.url).status_code == 200
    for _ in range(3):
        refused = visitor.get(site.edge, resource.url)
        assert refused.status_code == 403 and "Compte rendu" not in refused.text


def test_an_upload_through_one_container_is_served_through_the_other(site):
    member = factories.contributor()
    browser = Browser()
    a, b = site.web
    browser.sign_in(a, member, site.mailbox)
    uploaded = browser.post_form(
        a,
        "/admin/images/add/",
        {"title": "Affiche de l'atelier", "collection": factories.upload_collection(member).pk},
        files={"file": ("affiche.png", factories.png_bytes(320, 240), "image/png")},
    )
    assert uploaded.status_code == 302, uploaded.text[:3000]

    listing = browser.get(b, "/admin/images/?q=Affiche")
    rendition = re.search(r'src="(/images/[^"]+)"', listing.text).group(1)
    redirect = browser.get(b, rendition)
    assert redirect.status_code == 302 and redirect.headers["Location"].startswith(site.s3_endpoint)
    assert requests.get(redirect.headers["Location"], timeout=10).content.startswith(b"\x89PNG")


def test_the_containers_reconnect_by_themselves_after_the_database_drops_them(site):
    """As a database restart or failover does: every connection of the app is cut. Django checks a kept
    connection before using it again (CONN_HEALTH_CHECKS), so no visitor sees an error, and nothing
    is restarted (the worker: tests/ops/test_worker_survives_database_drops.py)."""
    resource = factories.resource(title="Fiche toujours servie")
    visitor = Browser()
    for web in site.web:
        assert visitor.get(web, resource.url).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 2  # at least one kept connection per container

    for web in site.web:
        for _ in range(3):
            page = visitor.get(web, resource.url)
            assert page.status_code == 200 and "Fiche toujours servie" in page.text
