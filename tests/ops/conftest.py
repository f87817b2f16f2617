import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parents[2]
# Set by the test harness (the browser tests) or by the developer, never by an operator.
HARNESS_VARIABLES = {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def operator_environment(**variables) -> dict:
    """The environment a command gets on a server: this machine's, without the test harness's."""
    return {**{k: v for k, v in os.environ.items() if k not in HARNESS_VARIABLES}, **variables}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The Procfile's web process.
GUNICORN = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--config", "infra/gunicorn.conf.py"]


def varnish_command(workdir: Path, port: int, backend_ports) -> list[str]:
    """varnishd in the foreground on ``port``, with infra/varnish/default.vcl in front of the app
    containers on ``backend_ports``, which it reads from workdir/backends.vcl, as a deployment writes it."""
    backends = "".join(
        f'backend web{n} {{ .host = "127.0.0.1"; .port = "{p}"; }}\n' for n, p in enumerate(backend_ports)
    )
    adds = "".join(f"    app.add_backend(web{n});\n" for n in range(len(backend_ports)))
    (workdir / "backends.vcl").write_text(
        f"{backends}sub vcl_init {{\n    new app = directors.round_robin();\n{adds}}}\n"
    )
    return [
        shutil.which("varnishd") or "/usr/sbin/varnishd",
        "-F",
        "-j",
        "none",
        "-n",
        str(workdir / "varnish"),
        "-a",
        f"127.0.0.1:{port}",
        "-p",
        f"vcl_path={workdir}:{ROOT / 'infra' / 'varnish'}",
        "-f",
        str(ROOT / "infra" / "varnish" / "default.vcl"),
        "-s",
        "malloc,128m",
    ]


@pytest.fixture
def manage():
    """Run ``manage.py`` in a fresh process, as an operator would; return the completed process."""

    def run(*args, env=None, settings="cms.settings.test"):
        environment = operator_environment(DJANGO_SETTINGS_MODULE=settings, **(env or {}))
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run


class RedisServer:
    """Debian's redis-server on a free loopback port, in memory only; stopped and started again on the
    same port, as a restart in production would."""

    def __init__(self):
        self.port, self.process = free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


BUCKET = "lesbases-media"
# As in production: only link-preview pictures are public in the bucket. Image renditions are reached
# through the site (/images/…), which redirects their readers to a signed address; documents go
# through Wagtail's serve view.
PUBLIC_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/link-previews/*",
        }
    ],
}


class Bucket(NamedTuple):
    endpoint: str
    client: object  # boto3's S3 client
    server: ThreadedMotoServer


def start_s3() -> Bucket:
    """A real S3 API on loopback (moto's server), with an empty bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in the process, whichever server created them: start each afresh.
    requests.post(f"{endpoint}/moto-api/reset", timeout=10)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="fr-par",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "fr-par"})
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_POLICY))
    return Bucket(endpoint, client, server)


@pytest.fixture
def s3_endpoint():
    bucket = start_s3()
    yield bucket
    bucket.server.stop()  # a second stop, after a test stopped it, returns at once


def s3_storages(endpoint: str) -> dict:
    # The same options as cms/settings/base.py builds from AWS_* variables.
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "fr-par",
                "access_key": "test",
                "secret_key": "test",
                "addressing_style": "path",
                "signature_version": "s3v4",
                "file_overwrite": False,
                "default_acl": None,
                "querystring_auth": False,
            },
        },
    }
