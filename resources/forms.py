from wagtail.admin.forms import WagtailAdminPageForm

from resources.taxonomy import FIELD_LIMITS

TITLE_MAX = FIELD_LIMITS["resource_title_max"]
# What ``ResourcePage.publication_errors`` reads.
PUBLICATION_FIELDS = ("is_public", "themes", "resource_types", "professional_sectors")


class ResourcePageForm(WagtailAdminPageForm):
    """Limits always; the publication rules only when publishing (Wagtail defers them for drafts)."""

    def clean(self):
        cleaned_data = super().clean()
        if len(cleaned_data.get("title") or "") > TITLE_MAX:
            self.add_error("title", f"Le titre ne doit pas dépasser {TITLE_MAX} caractères.")
        if not self.is_deferred_validation:
            # The resource as it would be published, read from the form rather than from the instance,
            # which the form updates only after cleaning.
            candidate = self._meta.model(**{field: cleaned_data.get(field) for field in PUBLICATION_FIELDS})
            for field, message in candidate.publication_errors(self.parent_page).items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned_data
