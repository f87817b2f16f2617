"""The work of one page request without the edge: thread CPU time and queries, in process.

    .venv/bin/python bench/page_cpu.py                  # resource and home, anonymous and signed in
    .venv/bin/python bench/page_cpu.py --profile resource-anonymous

Less sensitive to the machine's load than a throughput (``make bench-edge``): the CPU time a request
costs its thread, whatever else runs. Served as gunicorn serves them (production settings, Redis),
with Django's test client, on the edge benchmark's database (``lesbases_bench_edge``, the demo). Each
case is warmed, then run ``--runs`` times; rounds alternate the cases so that a change of load falls on
all of them. ``--profile CASE`` prints cProfile's top functions of that case instead.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOST = "lesbases.test"
# A registered user of the demo, member of no base: a reader who may edit none of the pages measured.
READER = "thomas.girard@lesbases.local"


def prepare() -> tuple[str, str]:
    """The edge benchmark's database (demo loaded), its URL and the public resource it measures."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from bench.edge import BENCH_DATABASE
    from bench.edge import prepare as prepare_edge

    resource_path = prepare_edge(fresh=False)
    from bench.database import database_url

    return database_url(BENCH_DATABASE), resource_path


def measure(arguments) -> None:
    """In the child process, with the production settings."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    signed_in = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    signed_in.force_login(get_user_model().objects.get(email=READER))
    cases = {
        "resource-anonymous": (anonymous, arguments.resource),
        "resource-reader": (signed_in, arguments.resource),
        "home-anonymous": (anonymous, "/"),
        "home-reader": (signed_in, "/"),
    }
    if arguments.profile:
        cases = {arguments.profile: cases[arguments.profile]}
    for client, path in cases.values():
        for _ in range(20):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code, response.headers)
    queries = {}
    for name, (client, path) in cases.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured)

    if arguments.profile:
        import cProfile
        import pstats

        client, path = cases[arguments.profile]
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        for _ in range(arguments.runs):
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs().sort_stats(arguments.sort)
        stats.print_stats(arguments.lines)
        if arguments.callers:
            stats.print_callers(arguments.callers)
        return

    times = {name: [] for name in cases}
    for _ in range(arguments.runs):
        for name, (client, path) in cases.items():
            start = time.thread_time()
            client.get(path)
            times[name].append(time.thread_time() - start)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{arguments.runs} requests a case, alternated; load average (1, 5, 15 min) at the end: {load}")
    print(f"{'case':<20} {'median ms':>10} {'mean ms':>8} {'queries':>8}")
    for name, values in times.items():
        print(
            f"{name:<20} {statistics.median(values) * 1000:>10.2f} {statistics.fmean(values) * 1000:>8.2f}"
            f" {queries[name]:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--profile", help="profile this case instead of timing every case")
    parser.add_argument("--sort", default="cumulative", help="cProfile's sort key")
    parser.add_argument("--lines", type=int, default=60)
    parser.add_argument("--callers", help="with --profile: who calls the functions matching this")
    parser.add_argument("--resource", help=argparse.SUPPRESS)  # given to the child process
    arguments = parser.parse_args()
    if arguments.resource:
        measure(arguments)
        return

    from tests.ops.conftest import free_port

    database_url, resource_path = prepare()
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "bench-only-secret-key-of-a-production-like-length-1234567890",
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": HOST,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            # Kept between runs (collectstatic copies only what changed), one for each checkout.
            "STATIC_ROOT": str(Path(tempfile.gettempdir()) / f"lesbases-bench-page-cpu-static-{ROOT.name}"),
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=environment,
            check=True,
        )
        subprocess.run(
            [sys.executable, __file__, *sys.argv[1:], "--resource", resource_path],
            env=environment,
            check=True,
        )
    finally:
        redis.terminate()
        redis.wait()


if __name__ == "__main__":
    main()
