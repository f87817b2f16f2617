"""Media storages: the local filesystem or an S3 bucket, where image renditions are addressed through
the site rather than the storage.

Wagtail's renditions (files right under ``images/``) are not readable in the bucket by themselves: a
rendition's URL is ``/images/<name>``, a stable address served by ``cms.renditions``, which applies
the media rule (``cms.media.access``) and then streams the file (filesystem) or redirects to a
short-lived signed address of the bucket (S3). Public renditions answer with a public
``Cache-Control`` so that an edge cache can keep them; the pages that show them keep stable image
addresses. Files in folders under ``images/`` (link-preview pictures, public by nature) keep the
storage's own address."""

from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join

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


class MediaS3Storage(RenditionsThroughTheSite, S3Storage):
    def signed_url(self, name: str, expire: int) -> str:
        """The object's own address in the bucket, signed for ``expire`` seconds, whatever
        ``querystring_auth`` says for the other files (collection pictures, avatars)."""
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket_name, "Key": safe_join(self.location, clean_name(name))},
            ExpiresIn=expire,
        )
