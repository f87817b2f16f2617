"""Page throughput behind and without the edge, side by side with a static file and with Sites Faciles
(issue 21's targets), all served the same way in one run.

    .venv/bin/python bench/edge.py            # or: make bench-edge

Works in its own database, ``lesbases_bench_edge`` (the demo content, loaded by the first run and kept;
``--fresh`` starts again). Starts, on loopback: Redis, one gunicorn with the production settings (the
Procfile's command, ``WEB_CONCURRENCY`` workers), Varnish with infra/varnish/default.vcl in front of it,
and the Sites Faciles peer of ../shared/peers/sites-faciles (2 gunicorn workers, as its README serves
it). Each address is loaded by ``wrk`` (2 threads, 8 connections, ``--seconds`` each) in turn. The
static file is the resource page's own HTML, served by the same gunicorn through whitenoise.

Queries are counted in the process, warm (the second request), with the test client.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.database import database_url, use_bench_database  # noqa: E402
from bench.report import published  # noqa: E402
from tests.ops.conftest import GUNICORN, free_port, varnish_command  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BENCH_DATABASE = "lesbases_bench_edge"
HOST = "lesbases.test"
PEER_SOURCE = ROOT.parent / "shared" / "peers" / "sites-faciles"
PEER_URL = "http://127.0.0.1:8201/ressource-exemple/"
TARGETS = {"edge_vs_static": 0.5, "resource_vs_peer": 3.0, "home_vs_peer": 2.0, "queries": 10}


def wait_for(url: str, headers: dict | None = None, timeout: float = 120) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, headers=headers or {}, timeout=5)
            return
        except requests.RequestException:  # not listening yet, or still loading under load
            time.sleep(0.2)
    raise RuntimeError(f"{url} does not answer")


class Servers:
    """Redis, the production gunicorn and Varnish in front of it, on loopback, in a temporary directory."""

    def __init__(self, workers: int, **variables):
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-edge-"))
        self.workers, self.variables = workers, variables
        self.web_port, self.edge_port, self.redis_port = free_port(), free_port(), free_port()
        self.processes = []

    def environment(self) -> dict:
        from django.conf import settings

        url = database_url(settings.DATABASES["default"]["NAME"])
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "bench-only-secret-key-of-a-production-like-length-1234567890",
            "DATABASE_URL": url,
            "ALLOWED_HOSTS": HOST,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{self.edge_port}",
            "STATIC_ROOT": str(self.tmp / "static"),
            "WEB_CONCURRENCY": str(self.workers),
            "PORT": str(self.web_port),
            **self.variables,
        }

    def spawn(self, command, **kwargs) -> subprocess.Popen:
        log = open(self.tmp / f"{Path(command[0]).name}-{len(self.processes)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **kwargs)
        self.processes.append(process)
        return process

    def start(self) -> None:
        env = self.environment()
        manage = [sys.executable, "manage.py"]
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
        )
        self.start_redis()
        self.gunicorn = self.spawn(GUNICORN, cwd=ROOT, env=env)
        wait_for(f"http://127.0.0.1:{self.web_port}/health/", {"Host": HOST})
        self.spawn(varnish_command(self.tmp, self.edge_port, [self.web_port]))
        wait_for(f"http://127.0.0.1:{self.edge_port}/health/", {"Host": HOST})

    def start_redis(self) -> None:
        self.redis = self.spawn(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", ""]
        )

    def stop(self) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)
        shutil.rmtree(self.tmp, ignore_errors=True)


class Peer:
    """The Sites Faciles peer, set up and served as its README says."""

    def __init__(self):
        self.dir = Path(tempfile.gettempdir()) / "sites-faciles-peer"
        self.env = {**os.environ, "PY": sys.executable}

    def start(self) -> None:
        if not self.dir.exists():
            shutil.copytree(PEER_SOURCE, self.dir)
            subprocess.run(["chmod", "-R", "u+w", str(self.dir)], check=True)
        subprocess.run([str(self.dir / "setup.sh")], cwd=ROOT, env=self.env, check=True, capture_output=True)
        subprocess.run([str(self.dir / "serve.sh")], cwd=ROOT, env=self.env, check=True, capture_output=True)
        wait_for(PEER_URL)

    def stop(self) -> None:
        subprocess.run([str(self.dir / "stop.sh")], cwd=ROOT, env=self.env, capture_output=True)


def wrk(url: str, seconds: int, headers: dict) -> tuple[float, int, int]:
    """Requests per second, and the number of non-2xx/3xx answers and socket errors."""
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return rate, int(bad.group(1)) if bad else 0, sum(map(int, errors.groups())) if errors else 0


def warm_queries(path: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def prepare(fresh: bool) -> str:
    """The bench database with the demo; returns the path of a public demo resource."""
    import django

    use_bench_database(BENCH_DATABASE, fresh)
    django.setup()
    from django.core.management import call_command

    from cms.visibility import EVERYONE
    from resources.models import ResourcePage

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not ResourcePage.objects.exists():
        call_command("load_demo", verbosity=0)
    resource = ResourcePage.objects.visible_to(EVERYONE).order_by("pk").first()
    return resource.url


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fresh", action="store_true", help="start from a new database")
    parser.add_argument("--seconds", type=int, default=15, help="how long wrk loads each address")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY)")
    arguments = parser.parse_args()
    resource_path = prepare(arguments.fresh)
    queries = {"ressource": warm_queries(resource_path), "accueil": warm_queries("/")}

    import requests

    servers, peer = Servers(arguments.workers), Peer()
    proxy = {"Host": HOST, "X-Forwarded-Proto": "https"}
    try:
        peer.start()
        servers.start()
        web, edge = f"http://127.0.0.1:{servers.web_port}", f"http://127.0.0.1:{servers.edge_port}"
        page = requests.get(web + resource_path, headers=proxy, timeout=30)
        assert page.status_code == 200, page.status_code
        # The page's own bytes as a static file. whitenoise lists STATIC_ROOT when a worker starts:
        # gunicorn's workers are restarted to serve it.
        (servers.tmp / "static" / "bench-page.html").write_bytes(page.content)
        servers.gunicorn.send_signal(signal.SIGHUP)
        served_in_a_row = 0
        while served_in_a_row < 50:  # both workers restarted
            ok = requests.get(f"{web}/static/bench-page.html", headers=proxy, timeout=30).status_code == 200
            served_in_a_row = served_in_a_row + 1 if ok else 0
            time.sleep(0.02)
        requests.get(edge + resource_path, headers=proxy, timeout=30)  # the edge keeps it from here

        measured = {}
        for name, url, headers in (
            ("fichier statique (même gunicorn)", f"{web}/static/bench-page.html", proxy),
            ("ressource, par l'edge (Varnish)", edge + resource_path, proxy),
            ("ressource, sans edge", web + resource_path, proxy),
            ("accueil, sans edge", web + "/", proxy),
            ("page Sites Faciles (pair)", PEER_URL, {}),
        ):
            measured[name] = wrk(url, arguments.seconds, headers)
    finally:
        servers.stop()
        peer.stop()

    with published("edge"):
        print(f"Page de ressource : {resource_path} ({len(page.content):,} octets)".replace(",", " "))
        print(
            f"wrk -t2 -c8 -d{arguments.seconds}s, gunicorn {arguments.workers} workers (gthread), 2 cœurs\n"
        )
        print(f"{'adresse':<36} {'req/s':>9} {'erreurs':>8}")
        for name, (rate, bad, errors) in measured.items():
            print(f"{name:<36} {rate:>9.1f} {bad + errors:>8}")
        rates = {name: rate for name, (rate, _, _) in measured.items()}
        static, peer_rate = rates["fichier statique (même gunicorn)"], rates["page Sites Faciles (pair)"]
        ratios = (
            (
                "ressource par l'edge / fichier statique",
                rates["ressource, par l'edge (Varnish)"] / static,
                "edge_vs_static",
            ),
            (
                "ressource sans edge / Sites Faciles",
                rates["ressource, sans edge"] / peer_rate,
                "resource_vs_peer",
            ),
            ("accueil sans edge / Sites Faciles", rates["accueil, sans edge"] / peer_rate, "home_vs_peer"),
        )
        print()
        for label, ratio, target in ratios:
            verdict = "atteint" if ratio >= TARGETS[target] else "NON atteint"
            print(f"{label:<42} {ratio:>6.2f} fois  (cible ≥ {TARGETS[target]} fois : {verdict})")
        for name, count in queries.items():
            verdict = "atteint" if count <= TARGETS["queries"] else "NON atteint"
            print(f"requêtes SQL, {name} (à chaud) : {count}  (cible ≤ {TARGETS['queries']} : {verdict})")


if __name__ == "__main__":
    main()
