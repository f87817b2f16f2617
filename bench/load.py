"""50 users for 60 s through the edge (issue 21): zero errors expected, p50 and p95 printed.

    .venv/bin/python bench/load.py            # or: make bench-load

The topology of bench/edge.py (Redis, one production gunicorn, Varnish with infra/varnish/default.vcl,
in ``lesbases_bench_edge`` with the demo content), with an SMTP server that keeps each sign-in code for
the users who sign in. ``locust`` (bench/locustfile.py, headless) runs the users: visitors read home,
the categories, resource pages and searches with filters; one in five signs in by e-mailed code and
saves resources in their favourites.

``--panne redis`` stops Redis for a third of the run, ``--panne base`` restarts PostgreSQL (the
embedded server) a third of the way in; the errors are counted before, during and after.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.edge import HOST, Servers, prepare  # noqa: E402
from bench.report import published  # noqa: E402
from tests.ops.conftest import free_port  # noqa: E402

MEMBERS = 100


class CodeKeeper:
    """An SMTP handler (aiosmtpd) that writes each sign-in code it receives to ``<address>.code``."""

    def __init__(self, directory: Path):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",)).get_content()
        code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", text, re.MULTILINE)
        if code:
            for address in envelope.rcpt_tos:
                (self.directory / f"{address}.code").write_text(code.group(1))
        return "250 Message accepted"


def members() -> None:
    """The accounts that sign in during the run, with their favourites, made once."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from community.signals import give_favorites
    from resources.permissions import contributors_group

    User = get_user_model()
    for number in range(1, MEMBERS + 1):
        email = f"charge-{number}@lesbases.test"
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": "Chargée", "last_name": f"de test {number}"}
        )
        if created:
            user.groups.add(contributors_group())
            give_favorites(None, user)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)


def inject(fault: str, servers, seconds: int) -> tuple[float, float, float]:
    """Wait a third of the run, then stop Redis for a third of it, or restart PostgreSQL; return when
    the fault started and ended, and when the run started (epoch seconds)."""
    started = time.time()
    time.sleep(seconds / 3)
    begin = time.time()
    if fault == "redis":
        servers.redis.terminate()
        servers.redis.wait()
        time.sleep(seconds / 3)
        servers.start_redis()
    else:
        from cms.embedded_db import restart

        restart()
    return begin, time.time(), started


def failures_around(seconds: list[dict], fault: tuple[float, float, float]) -> dict:
    """Failures per period, from locust's history (a cumulative count, one row per second)."""
    begin, end, _ = fault
    counts = {"avant": 0, "pendant": 0, "après": 0}
    previous = 0
    for row in seconds:
        total = int(row["Total Failure Count"])
        at = int(row["Timestamp"])
        period = "avant" if at < begin else "pendant" if at <= end + 1 else "après"
        counts[period] += total - previous
        previous = total
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY)")
    parser.add_argument("--panne", choices=["redis", "base"], help="a fault injected during the run")
    arguments = parser.parse_args()
    prepare(fresh=False)
    members()

    from aiosmtpd.controller import Controller

    from cms.visibility import EVERYONE
    from home.categories import CATEGORIES
    from resources.models import ResourcePage

    public = list(ResourcePage.objects.visible_to(EVERYONE).order_by("pk")[:40])
    codes = Path(tempfile.mkdtemp(prefix="bench-load-codes-"))
    smtp = Controller(CodeKeeper(codes), hostname="127.0.0.1", port=free_port())
    smtp.start()
    # Two proxies: the visitor's own address, then Varnish's (see bench/locustfile.py).
    servers = Servers(
        arguments.workers,
        EMAIL_URL=f"smtp://{smtp.hostname}:{smtp.port}",
        TRUSTED_PROXY_COUNT="2",
    )
    results = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        servers.start()
        environment = {
            **os.environ,
            "LOAD_HOST": HOST,
            "LOAD_CODES_DIR": str(codes),
            "LOAD_RESOURCES": " ".join(page.url for page in public),
            "LOAD_RESOURCE_IDS": " ".join(str(page.pk) for page in public),
            "LOAD_CATEGORIES": " ".join(CATEGORIES),
        }
        locust = [
            str(Path(sys.executable).with_name("locust")),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(arguments.users),
            "--spawn-rate",
            "10",
            "--run-time",
            f"{arguments.seconds}s",
            "--host",
            f"http://127.0.0.1:{servers.edge_port}",
            "--csv",
            str(results / "load"),
            "--only-summary",
        ]
        running = subprocess.Popen(
            locust, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        fault = inject(arguments.panne, servers, arguments.seconds) if arguments.panne else None
        running.wait()
        with open(results / "load_stats.csv") as stats:
            rows = list(csv.DictReader(stats))
        with open(results / "load_failures.csv") as failures:
            failed = list(csv.DictReader(failures))
        with open(results / "load_stats_history.csv") as history:
            seconds = [row for row in csv.DictReader(history) if row["Name"] == "Aggregated"]
    finally:
        servers.stop()
        smtp.stop()

    with published(f"load-{arguments.panne}" if arguments.panne else "load"):
        print(
            f"{arguments.users} utilisateurs pendant {arguments.seconds} s par l'edge (Varnish), "
            f"gunicorn {arguments.workers} workers, 2 cœurs\n"
        )
        print(f"{'requête':<42} {'nombre':>7} {'erreurs':>8} {'p50 ms':>7} {'p95 ms':>7}")
        for row in rows:
            print(
                f"{(row['Type'] + ' ' + row['Name']).strip():<42} {row['Request Count']:>7} "
                f"{row['Failure Count']:>8} {row['50%']:>7} {row['95%']:>7}"
            )
        for failure in failed:
            print(
                f"  échec : {failure['Method']} {failure['Name']} : {failure['Error']} ({failure['Occurrences']} fois)"
            )
        total = next(row for row in rows if row["Name"] == "Aggregated")
        if fault:
            print(
                f"\npanne ({arguments.panne}) de {fault[0] - fault[2]:.0f} s à {fault[1] - fault[2]:.0f} s du début"
            )
            for label, errors in failures_around(seconds, fault).items():
                print(f"  erreurs {label} : {errors}")
        else:
            verdict = "atteint" if total["Failure Count"] == "0" else "NON atteint"
            print(f"\nerreurs : {total['Failure Count']} (cible : aucune, {verdict})")


if __name__ == "__main__":
    main()
