"""La Base's uploaded files, read from its S3 bucket or from a local copy of it, become our images and
documents. An image row (``images``) and an upload row (``uploads``) are imported when something that
is imported uses them, once: a second use, or a second run, finds them in the records."""

import io
import os
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.private_api import set_file_metadata
from labase.importer.records import fingerprint
from resources.taxonomy import BLOCK_LIMITS

IMAGES, UPLOADS = "images", "uploads"


class MediaStore:
    """Where La Base's uploads are: a bucket (``--media-bucket``) or a folder (``--media-dir``)."""

    def __init__(self, bucket: str = "", endpoint_url: str = "", directory: str = ""):
        self.bucket, self.directory = bucket, Path(directory) if directory else None
        self.client = None
        if bucket:
            import boto3

            self.client = boto3.client(
                "s3",
                endpoint_url=endpoint_url or None,
                region_name=os.environ.get("AWS_S3_REGION_NAME") or os.environ.get("AWS_REGION") or None,
            )

    @property
    def configured(self) -> bool:
        return bool(self.client or self.directory)

    def read(self, key: str) -> bytes | None:
        """The file's bytes, or None when it is missing."""
        if self.client is not None:
            try:
                return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
            except self.client.exceptions.NoSuchKey:
                return None
            except Exception as error:  # a 404 on some S3 servers, a denied key: missing to us
                if getattr(error, "response", {}).get("Error", {}).get("Code") in {"404", "NoSuchKey", "403"}:
                    return None
                raise
        if self.directory is not None:
            path = (self.directory / key).resolve()
            if self.directory.resolve() not in path.parents or not path.is_file():
                return None
            return path.read_bytes()
        return None


def _file_name(upload: dict) -> str:
    name = PurePosixPath(upload["name"] or upload["key"]).name or "fichier"
    return name[-100:]


class MediaImporter:
    def __init__(self, context):
        self.context = context
        self._image_rows: dict[str, dict] | None = None

    def _upload(self, key: str) -> dict | None:
        rows = self.context.source.all(
            "SELECT key, mime_type, name, size, uploaded_by_id::text AS uploaded_by_id FROM uploads "
            "WHERE key = %s",
            [key],
        )
        return rows[0] if rows else None

    def image(self, image_id, collection, owner=None, table: str = ""):
        """Our image for La Base's image ``image_id`` (its crop applied), imported on first use; None
        when it cannot be (reported against ``table``)."""
        if image_id is None:
            return None
        context, Image = self.context, get_image_model()
        known = context.records.get(IMAGES, image_id)
        if known:
            return Image.objects.filter(pk=known.object_id).first()
        rows = context.source.all(
            "SELECT id::text AS id, alt_text, crop_top, crop_left, crop_width, crop_height, upload_key "
            "FROM images WHERE id = %s",
            [str(image_id)],
        )
        context.report.read(IMAGES)
        if not rows:
            context.report.skipped(table or IMAGES, "image absente de La Base", str(image_id))
            return None
        row = rows[0]
        upload = self._upload(row["upload_key"])
        data = context.media.read(row["upload_key"]) if upload else None
        if data is None:
            context.report.skipped(IMAGES, "fichier introuvable dans le stockage de La Base", row["id"])
            return None
        try:
            data, name = _cropped(data, row, _file_name(upload))
        except (UnidentifiedImageError, OSError, ValueError):
            context.report.skipped(IMAGES, "fichier d'image illisible", row["id"])
            return None
        image = Image(
            title=(upload["name"] or "Image")[:255],
            file=ImageFile(io.BytesIO(data), name=name),
            collection=collection,
            uploaded_by_user=owner,
            description=(row["alt_text"] or "")[: BLOCK_LIMITS["alt_text_max"]],
        )
        set_file_metadata(image)
        image.save()
        context.records.save(IMAGES, row["id"], image, fingerprint(row))
        context.report.imported(IMAGES)
        return image

    def document(self, key: str, collection, owner=None):
        """Our document for La Base's upload ``key``, imported on first use; None when missing."""
        if not key:
            return None
        context, Document = self.context, get_document_model()
        known = context.records.get(UPLOADS, key)
        if known:
            return Document.objects.filter(pk=known.object_id).first()
        context.report.read(UPLOADS)
        upload = self._upload(key)
        data = context.media.read(key) if upload else None
        if data is None:
            context.report.skipped(UPLOADS, "fichier introuvable dans le stockage de La Base", key)
            return None
        document = Document(
            title=(upload["name"] or "Fichier")[:255],
            file=ContentFile(data, name=_file_name(upload)),
            collection=collection,
            uploaded_by_user=owner,
        )
        set_file_metadata(document)
        document.save()
        context.records.save(UPLOADS, key, document, fingerprint(upload))
        context.report.imported(UPLOADS)
        return document

    def raw(self, image_id) -> tuple[bytes, str] | None:
        """The bytes of La Base's image ``image_id`` (cropped) and a file name, for an avatar or a
        collection's picture, which are plain files here."""
        if image_id is None:
            return None
        rows = self.context.source.all(
            "SELECT i.id::text AS id, crop_top, crop_left, crop_width, crop_height, upload_key, u.name "
            "FROM images i JOIN uploads u ON u.key = i.upload_key WHERE i.id = %s",
            [str(image_id)],
        )
        if not rows:
            return None
        data = self.context.media.read(rows[0]["upload_key"])
        if data is None:
            return None
        try:
            return _cropped(data, rows[0], _file_name(rows[0]))
        except (UnidentifiedImageError, OSError, ValueError):
            return None


def _cropped(data: bytes, row: dict, name: str) -> tuple[bytes, str]:
    """La Base keeps the original and the crop chosen (fractions of its size); we keep the cropped
    picture, as La Base showed it."""
    with PILImage.open(io.BytesIO(data)) as picture:
        picture.load()
        crop = [row.get(key) for key in ("crop_left", "crop_top", "crop_width", "crop_height")]
        if None in crop or crop == [0, 0, 1, 1]:
            return data, name
        left, top, width, height = crop
        box = (
            round(left * picture.width),
            round(top * picture.height),
            round(min(left + width, 1) * picture.width),
            round(min(top + height, 1) * picture.height),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return data, name
        image_format = picture.format or "PNG"
        buffer = io.BytesIO()
        picture.crop(box).save(buffer, format=image_format)
        return buffer.getvalue(), name
