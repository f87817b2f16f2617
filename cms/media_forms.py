"""The upload forms of images and documents (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE).

Wagtail offers the collections the user may add to (their personal uploads and their bases'); a new
upload starts in « Contributions personnelles », the most private, and the form says who may use it."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from cms.media import personal_collection

COLLECTION_HELP = (
    "Dans « Contributions personnelles », vous seul pouvez utiliser ce fichier ; "
    "dans la collection d'une base, tous ses membres."
)


class UploadCollectionMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("collection")
        if field is not None:
            field.help_text = COLLECTION_HELP
            if self.instance.pk is None:
                field.initial = personal_collection().pk


class ImageForm(UploadCollectionMixin, BaseImageForm):
    pass


class DocumentForm(UploadCollectionMixin, BaseDocumentForm):
    pass
