from wagtail.admin.forms import WagtailAdminPageForm

from cms.media import refuse_foreign_media
from resources.taxonomy import FIELD_LIMITS

TITLE_MAX = FIELD_LIMITS["resource_title_max"]


class ResourcePageForm(WagtailAdminPageForm):
    """Limits and the user's right to the chosen files always; the publication rules only when
    publishing (Wagtail defers them for drafts)."""

    def clean(self):
        cleaned_data = super().clean()
        if len(cleaned_data.get("title") or "") > TITLE_MAX:
            self.add_error("title", f"Le titre ne doit pas dépasser {TITLE_MAX} caractères.")
        refuse_foreign_media(self, fields=("cover_image",), stream_fields=("body",))
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        if self.is_deferred_validation:
            return
        for field, message in self.instance.publication_errors(self.parent_page).items():
            if field not in self.errors:
                self.add_error(field, message)
