"""Media storages: the local filesystem or an S3 bucket, where image renditions are addressed through
the site rather than the storage.

Wagtail's renditions (files right under ``images/``) are not readable in the bucket by themselves: a
rendition's URL is ``/images/<name>``, a stable address served by ``cms.renditions``, which applies
the media rule (``cms.media.access``) and then streams the file (filesystem) or redirects to a
short-lived signed address of the bucket (S3). Public renditions answer with a public
``Cache-Control`` so that an edge cache can keep them; the pages that show them keep stable image
addresses. Files in folders under ``images/`` (link-preview pictures, public by nature) keep the
storage's own address."""

import contextlib

from botocore.exceptions import BotoCoreError
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.template.response import TemplateResponse
from django.urls import reverse
from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join
from whitenoise.storage import CompressedManifestStaticFilesStorage

RENDITIONS = "images/"


def is_rendition(name: str) -> bool:
    """Wagtail writes renditions right under ``images/`` (``AbstractRendition.get_upload_to``)."""
    return name.startswith(RENDITIONS) and "/" not in name.removeprefix(RENDITIONS)


class RenditionsThroughTheSite:
    def url(self, name, *args, **kwargs):
        if name and is_rendition(name):
            return reverse("rendition", args=(name.removeprefix(RENDITIONS),))
        return super().url(name, *args, **kwargs)


class MediaFileSystemStorage(RenditionsThroughTheSite, FileSystemStorage):
    pass


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's, each file's address worked out once per process: the manifest it comes from is
    read when the process starts and changes only with a deployment, and a page asks for about fifteen
    (~0.07 ms each)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if settings.DEBUG and not force:
            return super().url(name, force)
        url = self._urls.get((name, force))
        if url is None:
            url = self._urls[name, force] = super().url(name, force)
        return url


class StorageUnavailable(OSError):
    """The bucket does not answer (network, endpoint, credentials). An ``OSError``, as a missing file is:
    Wagtail then shows an image it cannot read as missing (``SourceImageIOError``) rather than failing
    the page, and ``StorageUnavailableMiddleware`` answers an upload with a French 503 instead of a 500."""


@contextlib.contextmanager
def _bucket_answers():
    try:
        yield
    except BotoCoreError as error:
        raise StorageUnavailable("Le stockage des fichiers ne répond pas.") from error


class MediaS3Storage(RenditionsThroughTheSite, S3Storage):
    def _open(self, name, mode="rb"):
        with _bucket_answers():
            return super()._open(name, mode)

    def _save(self, name, content):
        with _bucket_answers():
            return super()._save(name, content)

    def exists(self, name):
        with _bucket_answers():
            return super().exists(name)

    def delete(self, name):
        with _bucket_answers():
            return super().delete(name)

    def signed_url(self, name: str, expire: int) -> str:
        """The object's own address in the bucket, signed for ``expire`` seconds, whatever
        ``querystring_auth`` says for the other files (collection pictures, avatars)."""
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket_name, "Key": safe_join(self.location, clean_name(name))},
            ExpiresIn=expire,
        )


class StorageUnavailableMiddleware:
    """A request that needed the bucket while it did not answer (an upload, a file to read) gets a page
    saying so in French, 503, rather than a 500; nothing was saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StorageUnavailable):
            return TemplateResponse(request, "storage_unavailable.html", status=503).render()
        return None
