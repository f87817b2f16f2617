"""A La Base-shaped database (only the tables and columns the importer reads, ``labase_schema.sql``)
in a second database of the embedded PostgreSQL, one per pytest worker, emptied for each test; its
media in moto's S3 server on loopback. ``labase`` fills it with small builders."""

import io
import json
import os
import socket
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import psycopg
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from cms.embedded_db import ensure_running
from labase.importer.media import MediaStore
from labase.importer.run import run

SCHEMA = (Path(__file__).parent / "labase_schema.sql").read_text()
BUCKET = "labase-uploads"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def labase_server(request):
    """The source database's connection parameters, for this worker (xdist's, or the one process that
    runs without it: ``-p no:xdist``)."""
    worker_id = getattr(request.config, "workerinput", {}).get("workerid", "master")
    name = f"labase_source_{worker_id}"
    params = ensure_running(name)
    return {**params, "dbname": name}


@pytest.fixture(scope="session")
def labase_s3():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def _png(width=60, height=40, colour=(0, 0, 145)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _stored(value):
    """As Prisma stores it: JSON for ``data``, UTC without time zone for dates."""
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


class LaBase:
    """La Base's database and bucket for one test, with builders that insert a row each and return its
    id. Each builder takes the columns to set as keyword arguments."""

    def __init__(self, params: dict, endpoint: str):
        self.params, self.endpoint = params, endpoint
        self.connection = psycopg.connect(autocommit=True, options="-c TimeZone=UTC", **params)
        self.connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        self.connection.execute(SCHEMA)
        self.s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )
        try:
            self.s3.create_bucket(Bucket=BUCKET)
        except self.s3.exceptions.BucketAlreadyOwnedByYou:
            for item in self.s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
                self.s3.delete_object(Bucket=BUCKET, Key=item["Key"])
        self.count = 0

    @property
    def url(self) -> str:
        p = self.params
        return f"postgresql://{p['user']}@/{p['dbname']}?host={p['host']}&port={p['port']}"

    def _next(self) -> int:
        self.count += 1
        return self.count

    def insert(self, table: str, **columns) -> str:
        names = ", ".join(f'"{name}"' for name in columns)
        marks = ", ".join(["%s"] * len(columns))
        values = [_stored(value) for value in columns.values()]
        self.connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
        return columns.get("id") or columns.get("key")

    def update(self, table: str, id: str, **columns) -> None:
        sets = ", ".join(f'"{name}" = %s' for name in columns)
        values = [_stored(value) for value in columns.values()]
        self.connection.execute(f"UPDATE {table} SET {sets} WHERE id = %s", [*values, id])

    def upload(
        self, name="fichier.pdf", data=b"%PDF-1.4\n%%EOF\n", mime_type="application/pdf", store=True
    ) -> str:
        key = f"uploads/{uuid.uuid4()}/{name}"
        if store:
            self.s3.put_object(Bucket=BUCKET, Key=key, Body=data)
        return self.insert("uploads", key=key, mime_type=mime_type, name=name, size=len(data))

    def image(self, store=True, **columns) -> str:
        key = self.upload(name="image.png", data=_png(), mime_type="image/png", store=store)
        return self.insert("images", id=str(uuid.uuid4()), upload_key=key, **columns)

    def user(self, **columns) -> str:
        n = self._next()
        row = {
            "id": str(uuid.uuid4()),
            "slug": f"personne-{n}",
            "first_name": "Prénom",
            "last_name": f"Nom {n}",
            "email": f"personne{n}@exemple.fr",
            "email_verified": T0,
            "is_public": True,
            "created": T0 + timedelta(minutes=n),
            "cgu_version": "2.0",
        }
        return self.insert("users", **{**row, **columns})

    def base(self, created_by_id, admin=True, **columns) -> str:
        n = self._next()
        row = {
            "id": str(uuid.uuid4()),
            "title": f"Base {n}",
            "slug": f"base-{n}",
            "description": "<p>Une base.</p>",
            "created_by_id": created_by_id,
            "is_public": True,
            "email": f"base{n}@exemple.fr",
            "created": T0 + timedelta(minutes=n),
        }
        base_id = self.insert("bases", **{**row, **columns})
        if admin:
            self.member(base_id, created_by_id, is_admin=True)
        return base_id

    def member(self, base_id, member_id, is_admin=False, accepted=T0, **columns) -> str:
        return self.insert(
            "base_members",
            id=str(uuid.uuid4()),
            base_id=base_id,
            member_id=member_id,
            is_admin=is_admin,
            accepted=accepted,
            **columns,
        )

    def resource(
        self, created_by_id, base_id=None, published=T0, is_public=True, contents=(), **columns
    ) -> str:
        n = self._next()
        row = {
            "id": str(uuid.uuid4()),
            "title": f"Ressource {n}",
            "slug": f"ressource-{n}",
            "description": "Une ressource pour les ateliers.",
            "created_by_id": created_by_id,
            "base_id": base_id,
            "published": published,
            "last_published": published,
            "is_public": is_public if published else None,
            "themes": ["parentalite"],
            "resource_types": ["resource_pedagogique"],
            "beneficiaries": ["parents"],
            "professional_sectors": ["aidants_et_mediateurs_numeriques"],
            "created": T0,
            "updated": published or T0,
        }
        resource_id = self.insert("resources", **{**row, **columns})
        for order, content in enumerate(contents):
            self.content(resource_id, order=order, **content)
        return resource_id

    def content(self, resource_id, **columns) -> str:
        return self.insert("contents", id=str(uuid.uuid4()), resource_id=resource_id, **columns)

    def event(self, resource_id, type, data, timestamp, sequence) -> str:
        return self.insert(
            "resource_events",
            id=str(uuid.uuid4()),
            resource_id=resource_id,
            type=type,
            data=data,
            timestamp=timestamp,
            sequence=sequence,
        )

    def collection(self, created_by_id, **columns) -> str:
        n = self._next()
        row = {
            "id": str(uuid.uuid4()),
            "slug": f"collection-{n}",
            "title": f"Collection {n}",
            "created_by_id": created_by_id,
        }
        return self.insert("collections", **{**row, **columns})

    def save(self, collection_id, resource_id, order=0) -> str:
        return self.insert(
            "collection_resources",
            id=str(uuid.uuid4()),
            collection_id=collection_id,
            resource_id=resource_id,
            order=order,
        )

    def view(self, resource_id, timestamp=T0, **columns) -> str:
        return self.insert(
            "resource_views",
            id=str(uuid.uuid4()),
            resource_id=resource_id,
            hash=uuid.uuid4().hex,
            timestamp=timestamp,
            **columns,
        )

    def media(self) -> MediaStore:
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
        os.environ.setdefault("AWS_S3_REGION_NAME", "us-east-1")
        return MediaStore(bucket=BUCKET, endpoint_url=self.endpoint)

    def run(self, **options):
        """Import it, as ``manage.py import_labase`` does; return the context (its report)."""
        return run(self.url, self.media(), log=lambda line: None, **options)

    def close(self):
        self.connection.close()


@pytest.fixture
def labase(db, labase_server, labase_s3):
    source = LaBase(labase_server, labase_s3)
    yield source
    source.close()
